package hvemu.cim.schema;

/** A MOF file that cannot be loaded, with the file, line and column of the problem. */
public final class MofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MofException(Position position, String message) {
        super(position + ": " + message, null, false, false);
    }

    /** A place in a MOF source; 1-based line and column. */
    public record Position(String source, int line, int column) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column;
        }
    }
}
