package hvemu.operations;

import hvemu.operations.EnumerationContexts.Context;
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

    public PullOperation(EnumerationContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        Pull body = request.body().as(Pull.class);
        Context<?> context = contexts.take(contextId(body.getEnumerationContext()));
        BigInteger max = body.getMaxElements();
        // A Pull without MaxElements returns one item (DSP0226 R8.2.3).
        long maxElements = max == null ? 1 : max.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        return pull(context, maxElements, request.maxEnvelopeSize());
    }

    private <T> Reply pull(Context<T> context, long maxElements, long maxEnvelopeSize) throws OperationException {
        Enumerations.Batch<T> batch = Enumerations.next(context, maxElements, maxEnvelopeSize);
        String id = batch.last() ? null : contexts.reopen(context);
        List<T> items = batch.items();
        return new Reply(RESPONSE, out -> {
            out.writeStartElement("n", "PullResponse", Namespaces.ENUMERATION);
            if (id != null) {
                out.writeStartElement("n", "EnumerationContext", Namespaces.ENUMERATION);
                out.writeCharacters(id);
                out.writeEndElement();
            }
            out.writeStartElement("n", "Items", Namespaces.ENUMERATION);
            Enumerations.items(out, items, context);
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
