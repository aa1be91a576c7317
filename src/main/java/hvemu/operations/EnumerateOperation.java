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
        ItemsWriter.Shape shape = new ItemsWriter.Shape(options.mode() != Mode.EPRS, options.mode() != Mode.OBJECTS,
                uri, request.preciseArrays(), results.projection(), results.fragment());
        Context<CimInstance> context = new Context<>(results.instances(), format(shape));
        return Enumerations.enumerateResponse(contexts, context, options.optimize(), options.maxElements(),
                request.maxEnvelopeSize());
    }

    /** Instances written in a shape: as objects, endpoint references or both. */
    private ItemFormat<CimInstance> format(ItemsWriter.Shape shape) {
        return new ItemFormat<>() {
            @Override
            public void write(XMLStreamWriter out, CimInstance item) throws XMLStreamException {
                writer.write(out, item, shape);
            }

            @Override
            public long size(CimInstance item) {
                return writer.size(item, shape);
            }
        };
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
