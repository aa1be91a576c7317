package hvemu.operations;

import hvemu.operations.EnumerationContexts.Context;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Cuts the next batch of an enumeration (MS-WSMV §3.1.4.1.14): at most MaxElements items (1 when the
 * client gives none), at most MaxBatchItems (32000), and no more than fits the client's MaxEnvelopeSize;
 * a first item too large for it alone is {@code w:EncodingLimit}. It also writes the EnumerateResponse
 * of any kind of item.
 */
final class Enumerations {
    /** WinRM's MaxBatchItems. */
    static final int MAX_BATCH_ITEMS = 32000;
    /** Room kept for the envelope, headers and the response elements around the items. */
    private static final long ENVELOPE_OVERHEAD = 2048;
    private static final String ENUMERATE_RESPONSE = Namespaces.ENUMERATION + "/EnumerateResponse";

    private Enumerations() {
    }

    /** The items of a batch, and whether the enumeration ends with it. */
    record Batch<T>(List<T> items, boolean last) {
    }

    static <T> Batch<T> next(Context<T> context, long maxElements, long maxEnvelopeSize) throws OperationException {
        long limit = Math.min(Math.max(1, maxElements), MAX_BATCH_ITEMS);
        long room = maxEnvelopeSize - ENVELOPE_OVERHEAD;
        List<T> items = new ArrayList<>();
        long used = 0;
        var rest = context.rest();
        while (items.size() < limit && rest.hasNext()) {
            T next = rest.next();
            long size = context.format().size(next);
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
        return new Batch<>(items, !rest.hasNext() && !context.hasPushedBack());
    }

    /** Writes the items of a batch. */
    static <T> void items(XMLStreamWriter out, List<T> items, Context<T> context) throws XMLStreamException {
        for (T i : items) {
            context.format().write(out, i);
        }
    }

    /**
     * Answers an Enumerate (wire.md §3.3): with {@code optimize}, the first batch in {@code w:Items}, and
     * {@code w:EndOfSequence} with an empty context when it is all; without, only a context to pull from.
     */
    static <T> Reply enumerateResponse(EnumerationContexts contexts, Context<T> context, boolean optimize,
            long maxElements, long maxEnvelopeSize) throws OperationException {
        if (!optimize) {
            String id = contexts.open(context);
            return new Reply(ENUMERATE_RESPONSE, out -> enumerateResponse(out, id, null, false, context));
        }
        Batch<T> batch = next(context, maxElements, maxEnvelopeSize);
        String id = batch.last() ? "" : contexts.open(context);
        return new Reply(ENUMERATE_RESPONSE, out -> enumerateResponse(out, id, batch.items(), batch.last(), context));
    }

    private static <T> void enumerateResponse(XMLStreamWriter out, String id, List<T> items, boolean last,
            Context<T> context) throws XMLStreamException {
        out.writeStartElement("n", "EnumerateResponse", Namespaces.ENUMERATION);
        out.writeStartElement("n", "EnumerationContext", Namespaces.ENUMERATION);
        out.writeCharacters(id);
        out.writeEndElement();
        if (items != null) {
            // Inside EnumerateResponse, Items and EndOfSequence are the WS-Man ones (w:), not n: (wire.md §3.3).
            out.writeStartElement("w", "Items", Namespaces.WSMAN);
            items(out, items, context);
            out.writeEndElement();
            if (last) {
                out.writeEmptyElement("w", "EndOfSequence", Namespaces.WSMAN);
            }
        }
        out.writeEndElement();
    }
}
