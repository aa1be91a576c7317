package hvemu.transport;

import hvemu.wsman.WsmanEndpoint;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server that serves the WS-Man endpoint on {@code POST /wsman}.
 *
 * <p>Start it once; {@link #stop()} releases the port. Not thread-safe for start and stop; serving is.
 */
public final class WsmanHttpServer {
    /** The path WinRM listens on. */
    public static final String PATH = "/wsman";
    /** Windows closes idle connections after about two minutes (wire.md §6). */
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    public WsmanHttpServer(TransportSettings settings, WsmanEndpoint endpoint) {
        this.host = settings.host();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("hvemu-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addEventListener(new MetroEndpoints(endpoint));
        context.addFilter(new FilterHolder(new WsmanFilter(settings.credentials(), settings.maxRequestBytes())),
                PATH, EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WsmanServlet()), PATH);
        server.setHandler(context);
        server.setStopAtShutdown(false);
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** Stops listening and waits for exchanges in progress. */
    public void stop() throws Exception {
        server.stop();
    }

    /** Returns the port listened on (the chosen one when the settings said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Returns the URL of the endpoint. */
    public URI endpointUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + PATH);
    }
}
