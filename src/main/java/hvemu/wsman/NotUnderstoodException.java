package hvemu.wsman;

import java.util.List;
import javax.xml.namespace.QName;

/** Raised by {@link HeaderReader} when headers marked mustUnderstand are not understood. */
final class NotUnderstoodException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<QName> headers;

    NotUnderstoodException(List<QName> headers) {
        super("not understood: " + headers, null, false, false);
        this.headers = List.copyOf(headers);
    }

    /** Returns the qualified names of the headers that were not understood, in request order. */
    List<QName> headers() {
        return headers;
    }
}
