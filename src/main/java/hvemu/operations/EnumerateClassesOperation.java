package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.cimxml.CimXmlClassWriter;
import hvemu.cim.schema.Schema;
import hvemu.operations.EnumerationContexts.Context;
import hvemu.operations.EnumerationContexts.Mode;
import hvemu.wsman.binding.enumeration.Enumerate;
import java.util.List;

/**
 * WS-Enumeration Enumerate of class declarations, as the MI client asks for them for {@code Get-CimClass}
 * without a class name or with a wildcard (PowerShell's CimGetCimClass enumerates the classes and filters
 * them itself): resource URI {@link Namespaces#CIM_XML_URI}, {@code __cimnamespace}, and an empty
 * {@code ClassName} (climbe's capture of a Windows client), or none (pysammwr's CimSchema).
 *
 * <p>Every class of the namespace, superclasses first, is one item: its CIM-XML {@code CLASS} element
 * directly in {@code Items}, as Windows answers (pysammwr docs/xmldata/cim_class_schema2.xml). A
 * {@code ClassName} narrows the answer to the classes derived from it. Batches follow the usual
 * Enumerate, Pull and optimized paths. Class declarations have no endpoint references and hvemu takes no
 * filter on them: EnumerateEPR and EnumerateObjectAndEPR are {@code w:UnsupportedFeature}, a filter
 * {@code n:CannotProcessFilter}.
 */
public final class EnumerateClassesOperation implements Operation {
    private final Schema schema;
    private final EnumerationContexts contexts;
    private final CimXmlClassWriter writer;

    public EnumerateClassesOperation(Schema schema, EnumerationContexts contexts) {
        this.schema = schema;
        this.contexts = contexts;
        this.writer = new CimXmlClassWriter(schema);
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        EnumerateOperation.Options options = EnumerateOperation.Options.of(request.body().as(Enumerate.class));
        if (options.mode() != Mode.OBJECTS) {
            throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.ENUMERATION_MODE,
                    "Class declarations have no endpoint references; enumerate them without an EnumerationMode.");
        }
        if (options.filterDialect() != null) {
            throw new OperationException(FaultKind.CANNOT_PROCESS_FILTER,
                    "The service enumerates class declarations without a filter; name a class with the "
                            + ClassRequest.CLASS_NAME + " selector instead.");
        }
        ClassRequest read = ClassRequest.of(schema, request, false);
        List<CimClass> classes = read.className() == null ? List.copyOf(schema.classes())
                : derivedFrom(read.cls(schema));
        CimXmlClassWriter.Options shape = read.options();
        Context<CimClass> context = new Context<>(classes, (out, cls) -> writer.write(out, cls, shape));
        return Enumerations.enumerateResponse(contexts, context, options.optimize(), options.maxElements(),
                request.maxEnvelopeSize());
    }

    /** The classes derived from a class, at any depth, without the class itself. */
    private List<CimClass> derivedFrom(CimClass cls) {
        return schema.descendantsOf(cls.name()).stream().filter(c -> c != cls).toList();
    }
}
