package hvemu.operations;

import hvemu.cim.CimInstance;
import hvemu.operations.EnumerationContexts.Context;
import hvemu.operations.codec.ItemsWriter;
import hvemu.provider.ProviderRegistry;
import hvemu.wsman.binding.enumeration.EnumerationContextType;
import hvemu.wsman.binding.enumeration.Pull;
import java.math.BigInteger;
import java.util.List;

/**
 * WS-Enumeration Pull (wire.md §3.3): the next batch in {@code n:Items}; a fresh context ID while items
 * remain, and with the last batch {@code n:EndOfSequence} and no context at all (libvirt pulls while a
 * context is present; wsl loops while it is non-empty).
 */
public final class PullOperation implements Operation {
    private static final String RESPONSE = Namespaces.ENUMERATION + "/PullResponse";

    private final EnumerationContexts contexts;
    private final ItemsWriter writer;

    public PullOperation(ProviderRegistry providers, EnumerationContexts contexts) {
        this.contexts = contexts;
        this.writer = new ItemsWriter(providers.schema());
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        Pull body = request.body().as(Pull.class);
        Context context = contexts.take(contextId(body.getEnumerationContext()));
        BigInteger max = body.getMaxElements();
        // A Pull without MaxElements returns one item (DSP0226 R8.2.3).
        long maxElements = max == null ? 1 : max.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        Enumerations.Batch batch = Enumerations.next(context, maxElements, request.maxEnvelopeSize(), writer);
        String id = batch.last() ? null : contexts.reopen(context);
        List<CimInstance> items = batch.items();
        return new Reply(RESPONSE, out -> {
            out.writeStartElement("n", "PullResponse", Namespaces.ENUMERATION);
            if (id != null) {
                out.writeStartElement("n", "EnumerationContext", Namespaces.ENUMERATION);
                out.writeCharacters(id);
                out.writeEndElement();
            }
            out.writeStartElement("n", "Items", Namespaces.ENUMERATION);
            Enumerations.items(items, context, writer).write(out);
            out.writeEndElement();
            if (id == null) {
                out.writeEmptyElement("n", "EndOfSequence", Namespaces.ENUMERATION);
            }
            out.writeEndElement();
        });
    }

    /** The text of an EnumerationContext element. */
    static String contextId(EnumerationContextType context) {
        if (context == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object part : context.getContent()) {
            if (part instanceof String s) {
                text.append(s);
            }
        }
        return text.toString().trim();
    }
}
