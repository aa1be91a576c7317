package hvemu.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Bounded reading of request bodies for {@link NegotiateFilter}. */
final class RequestBodies {
    /** How much of a body over the limit is read and dropped before the 413, so the client sees it. */
    private static final long DRAIN_BYTES = 16L << 20;

    private RequestBodies() {
    }

    /** Returns the body, or null when it is longer than {@code limit}; reads at most limit + 1 bytes. */
    static byte[] read(InputStream in, int limit, long declaredLength) throws IOException {
        if (declaredLength > limit) {
            return null;
        }
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    /** Reads and drops what remains of a body declared no longer than 16 MiB; a client gone is no error. */
    static void drainIfSmall(HttpServletRequest request) {
        if (request.getContentLengthLong() > DRAIN_BYTES) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] scratch = new byte[8192];
            long left = DRAIN_BYTES;
            for (int n; left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException clientGone) {
            // The 413 goes out either way; the connection closes after it.
        }
    }
}
