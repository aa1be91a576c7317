package hvemu.operations;

import hvemu.cim.CimClass;
import hvemu.cim.cimxml.CimXmlClassWriter;
import hvemu.cim.schema.Schema;

/**
 * WS-Transfer Get of a class declaration, as the MI client asks for it for {@code Get-CimClass -ClassName}
 * (fixture mi-client-getclass-request.xml): resource URI {@link Namespaces#CIM_XML_URI}, selectors
 * {@code __cimnamespace} and {@code ClassName}. The body of the reply is the class's CIM-XML {@code CLASS}
 * element, alone in {@code s:Body}, as Windows answers (gosammwr docs/cimsession_flow/03_Res_schema.xml).
 *
 * <p>An unknown class is {@code a:DestinationUnreachable}, as Windows and OMI answer (OMI's
 * {@code MI_RESULT_INVALID_CLASS} row: "The specified class does not exist"); a missing {@code ClassName}
 * is {@code w:InvalidSelectors} with {@code InsufficientSelectors}.
 */
public final class GetClassOperation implements Operation {
    private static final String RESPONSE = Namespaces.TRANSFER + "/GetResponse";

    private final Schema schema;
    private final CimXmlClassWriter writer;

    public GetClassOperation(Schema schema) {
        this.schema = schema;
        this.writer = new CimXmlClassWriter(schema);
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        ClassRequest read = ClassRequest.of(schema, request, true);
        CimClass cls = read.cls(schema);
        return new Reply(RESPONSE, out -> writer.write(out, cls, read.options()));
    }
}
