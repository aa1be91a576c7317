package hvemu.cim.cimxml;

/**
 * CIM-XML text that cannot be read as an instance of the schema, or an instance that cannot be
 * written as CIM-XML; the message names the class, property or value at fault.
 */
public final class CimXmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CimXmlException(String message) {
        super(message);
    }

    public CimXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
