package hvemu.transport;

import hvemu.wsman.Injection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EofException;

/**
 * The fault-injection effects the transport owns (an {@link Injection} the WS-Man layer chose): an HTTP
 * status in place of the reply, a connection dropped with no reply, and a delay before the reply.
 */
final class InjectedEffects {
    /** The longest delay a rule may ask; below the 120 s idle timeout, so the reply still goes out. */
    static final Duration MAX_DELAY = Duration.ofSeconds(100);

    private InjectedEffects() {
    }

    /**
     * Readies the response for {@code status} and no body in place of the reply the service made, whose
     * headers go: a 401 carries WinRM's Basic challenge, as a real one does.
     */
    static void replace(HttpServletResponse response, int status) {
        response.reset();
        response.setHeader("Server", WsmanFilter.SERVER);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"WSMAN\"");
        }
    }

    /**
     * Closes the request's connection at once, before anything of the response is written: the client sees
     * the connection end (EOF) with no status line. The exchange is aborted, so Jetty neither commits a
     * response nor reuses the connection, and its endpoint closed now: an abort alone would let Jetty write
     * its 500 error page before closing.
     */
    static void drop(HttpServletRequest request) {
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(request);
        core.getServletChannel().abort(new EofException("connection dropped by a fault-injection rule"));
        core.getServletChannel().getEndPoint().close();
    }

    /** Waits {@code delay} (at most {@link #MAX_DELAY}); an interrupt (the server stopping) ends the wait. */
    static void pause(Duration delay) {
        try {
            Thread.sleep(Math.min(delay.toMillis(), MAX_DELAY.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
