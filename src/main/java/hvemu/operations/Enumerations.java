package hvemu.operations;

import hvemu.cim.CimInstance;
import hvemu.operations.EnumerationContexts.Context;
import hvemu.operations.codec.ItemsWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Cuts the next batch of an enumeration (MS-WSMV §3.1.4.1.14): at most MaxElements items (1 when the
 * client gives none), at most MaxBatchItems (32000), and no more than fits the client's MaxEnvelopeSize;
 * a first item too large for it alone is {@code w:EncodingLimit}.
 */
final class Enumerations {
    /** WinRM's MaxBatchItems. */
    static final int MAX_BATCH_ITEMS = 32000;
    /** Room kept for the envelope, headers and the response elements around the items. */
    private static final long ENVELOPE_OVERHEAD = 2048;

    private Enumerations() {
    }

    /** The items of a batch, and whether the enumeration ends with it. */
    record Batch(List<CimInstance> items, boolean last) {
    }

    static Batch next(Context context, long maxElements, long maxEnvelopeSize, ItemsWriter writer)
            throws OperationException {
        long limit = Math.min(Math.max(1, maxElements), MAX_BATCH_ITEMS);
        long room = maxEnvelopeSize - ENVELOPE_OVERHEAD;
        List<CimInstance> items = new ArrayList<>();
        long used = 0;
        var rest = context.rest();
        while (items.size() < limit && rest.hasNext()) {
            CimInstance next = rest.next();
            long size = writer.size(next, context.shape());
            if (used + size > room) {
                if (items.isEmpty()) {
                    throw new OperationException(FaultKind.ENCODING_LIMIT, FaultDetail.MAX_ENVELOPE_SIZE_EXCEEDED,
                            "An item of " + size + " bytes does not fit the MaxEnvelopeSize of " + maxEnvelopeSize + " bytes.");
                }
                context.pushBack(next);
                break;
            }
            used += size;
            items.add(next);
        }
        return new Batch(items, !rest.hasNext() && !context.hasPushedBack());
    }

    static BodyWriterItems items(List<CimInstance> items, Context context, ItemsWriter writer) {
        return out -> {
            for (CimInstance i : items) {
                writer.write(out, i, context.shape());
            }
        };
    }

    /** Writes the items of a batch. */
    @FunctionalInterface
    interface BodyWriterItems {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }
}
