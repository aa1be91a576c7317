package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.operations.EnumerationContexts.Context;
import hvemu.operations.EnumerationContexts.Mode;
import hvemu.operations.codec.ItemsWriter;
import hvemu.operations.codec.ResourceUri;
import hvemu.provider.ProviderRegistry;
import hvemu.wsman.binding.enumeration.Enumerate;
import jakarta.xml.bind.JAXBElement;
import java.math.BigInteger;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * WS-Enumeration Enumerate as Windows answers it (wire.md §3.3): a class URI enumerates the class and
 * every class derived from it; with {@code w:OptimizeEnumeration} the first batch comes in the response
 * ({@code w:Items}, and {@code w:EndOfSequence} with an empty context when it is all), without it only a
 * context. Items are written in the mode asked for.
 */
public final class EnumerateOperation implements Operation {
    private static final String RESPONSE = Namespaces.ENUMERATION + "/EnumerateResponse";

    private final ProviderRegistry providers;
    private final EnumerationContexts contexts;
    private final ItemsWriter writer;
    private final Filters filters;

    public EnumerateOperation(ProviderRegistry providers, EnumerationContexts contexts) {
        this.providers = providers;
        this.contexts = contexts;
        this.writer = new ItemsWriter(providers.schema());
        this.filters = new Filters(providers);
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        providers.refresh();
        Enumerate body = request.body().as(Enumerate.class);
        Options options = Options.of(body);
        ResourceUri uri = ResourceUri.parse(request.resourceUri(), request.selectors());
        Filters.Selection results = results(request, uri, options);
        Context context = new Context(results.instances(), new ItemsWriter.Shape(options.mode() != Mode.EPRS,
                options.mode() != Mode.OBJECTS, uri, request.preciseArrays(), results.projection(), results.fragment()));
        if (!options.optimize()) {
            String id = contexts.open(context);
            return new Reply(RESPONSE, out -> response(out, id, null, false, context));
        }
        Enumerations.Batch batch = Enumerations.next(context, options.maxElements(), request.maxEnvelopeSize(), writer);
        String id = batch.last() ? "" : contexts.open(context);
        return new Reply(RESPONSE, out -> response(out, id, batch.items(), batch.last(), context));
    }

    private Filters.Selection results(OperationRequest request, ResourceUri uri, Options options)
            throws OperationException {
        boolean wildcard = uri.className().equals("*");
        Target.requireNamespace(providers.schema(), uri);
        if (options.filterDialect() == null) {
            if (wildcard) {
                throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER,
                        "An enumeration of every class (" + request.resourceUri() + ") needs a filter.");
            }
            CimClass cls = Target.classOf(providers.schema(), uri);
            return Filters.Selection.of(providers.instances(cls.name()).enumerate(cls.name()));
        }
        switch (options.filterDialect()) {
            case Filters.WQL:
            case Filters.CQL:
                return filters.query(options.filterContent(), options.filterDialect().equals(Filters.CQL));
            case Filters.ASSOCIATION:
                return filters.association(options.filterContent());
            case Filters.SELECTOR:
                if (wildcard) {
                    throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER,
                            "A selector filter needs the resource URI of a class, not " + request.resourceUri() + ".");
                }
                return Filters.Selection.of(filters.selector(Target.classOf(providers.schema(), uri),
                        options.filterContent()));
            default:
                throw new OperationException(FaultKind.FILTER_DIALECT_REQUESTED_UNAVAILABLE,
                        "The filter dialect " + options.filterDialect() + " is not supported.");
        }
    }

    private void response(XMLStreamWriter out, String id, List<CimInstance> items, boolean last, Context context)
            throws XMLStreamException {
        out.writeStartElement("n", "EnumerateResponse", Namespaces.ENUMERATION);
        out.writeStartElement("n", "EnumerationContext", Namespaces.ENUMERATION);
        out.writeCharacters(id);
        out.writeEndElement();
        if (items != null) {
            // Inside EnumerateResponse, Items and EndOfSequence are the WS-Man ones (w:), not n: (wire.md §3.3).
            out.writeStartElement("w", "Items", Namespaces.WSMAN);
            Enumerations.items(items, context, writer).write(out);
            out.writeEndElement();
            if (last) {
                out.writeEmptyElement("w", "EndOfSequence", Namespaces.WSMAN);
            }
        }
        out.writeEndElement();
    }

    /** What the Enumerate body asks for. */
    record Options(boolean optimize, long maxElements, Mode mode, String filterDialect, List<Object> filterContent) {
        static Options of(Enumerate body) throws OperationException {
            boolean optimize = false;
            long maxElements = 1;
            Mode mode = Mode.OBJECTS;
            String dialect = body.getFilter() == null ? null : dialect(body.getFilter().getDialect());
            List<Object> content = body.getFilter() == null ? List.of() : body.getFilter().getContent();
            for (Object o : body.getAny()) {
                if (o instanceof JAXBElement<?> e) {
                    switch (e.getName().getLocalPart()) {
                        case "OptimizeEnumeration" -> optimize = true;
                        case "MaxElements" -> maxElements = ((BigInteger) e.getValue()).min(
                                BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
                        case "EnumerationMode" -> mode = mode(String.valueOf(e.getValue()).trim());
                        default -> { }
                    }
                } else if (o instanceof hvemu.wsman.binding.wsman.Filter f) {
                    dialect = dialect(f.getDialect());
                    content = f.getContent();
                }
            }
            return new Options(optimize, maxElements, mode, dialect, content);
        }

        private static String dialect(String d) {
            return d == null ? "http://schemas.microsoft.com/wbem/wsman/1/WQL" : d.trim();
        }

        private static Mode mode(String text) throws OperationException {
            return switch (text) {
                case "EnumerateEPR" -> Mode.EPRS;
                case "EnumerateObjectAndEPR" -> Mode.OBJECTS_AND_EPRS;
                default -> throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.ENUMERATION_MODE,
                        "The enumeration mode " + text + " is not supported; use EnumerateEPR or EnumerateObjectAndEPR.");
            };
        }
    }
}
