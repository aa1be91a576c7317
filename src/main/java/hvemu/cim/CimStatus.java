package hvemu.cim;

/** CIM status codes of failed operations (DSP0200 / DSP0223), as providers report them. */
public enum CimStatus {
    FAILED(1),
    ACCESS_DENIED(2),
    INVALID_NAMESPACE(3),
    INVALID_PARAMETER(4),
    INVALID_CLASS(5),
    NOT_FOUND(6),
    NOT_SUPPORTED(7),
    ALREADY_EXISTS(11),
    NO_SUCH_PROPERTY(12),
    TYPE_MISMATCH(13),
    METHOD_NOT_AVAILABLE(16),
    METHOD_NOT_FOUND(17);

    private final int code;

    CimStatus(int code) {
        this.code = code;
    }

    /** Returns the numeric CIM status code. */
    public int code() {
        return code;
    }
}
