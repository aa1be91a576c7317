package hvemu.transport;

import hvemu.transport.auth.NegotiateServer;
import hvemu.transport.auth.NtlmAccount;
import hvemu.wsman.WsmanEndpoint;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty server that serves the WS-Man endpoint on {@code POST /wsman}, over HTTP, HTTPS or both.
 *
 * <p>Both listeners share one endpoint, one {@link NegotiateFilter} (when Negotiate is served) and one
 * {@link WsmanFilter}: a request is handled alike whichever it arrives on, but for plain-text SOAP over plain
 * HTTP beyond loopback ({@link TransportSettings#unencryptedOverHttp()}).
 * Start it once; {@link #stop()} releases the ports. Not thread-safe for start and stop; serving is.
 */
public final class WsmanHttpServer {
    /** The path WinRM listens on. */
    public static final String PATH = "/wsman";
    /** Windows closes idle connections after about two minutes (wire.md §6). */
    private static final long IDLE_TIMEOUT_MS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(WsmanHttpServer.class);
    /** The computer name NTLM challenges carry (MsvAvNbComputerName): the emulator's, not the host's. */
    static final String COMPUTER_NAME = "HVEMU";

    private final Server server;
    private final ServerConnector http;
    private final ServerConnector https;
    private final ServerCertificate certificate;
    private final String host;

    /**
     * Configures the server; the HTTPS certificate is read, or generated, now.
     *
     * @throws IllegalStateException when the HTTPS keystore cannot be read
     */
    public WsmanHttpServer(TransportSettings settings, WsmanEndpoint endpoint) {
        this(settings, endpoint, null);
    }

    /** A server of the WS-Man endpoint and, when {@code admin} is not null, the admin API beside it. */
    public WsmanHttpServer(TransportSettings settings, WsmanEndpoint endpoint, AdminHandler admin) {
        this(settings, endpoint, admin, ExchangeRecorder.NONE);
    }

    /**
     * A server of the WS-Man endpoint, the admin API beside it when {@code admin} is not null, that tells
     * {@code recorder} of every exchange on {@code /wsman}.
     */
    public WsmanHttpServer(TransportSettings settings, WsmanEndpoint endpoint, AdminHandler admin,
            ExchangeRecorder recorder) {
        this.host = settings.host();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("hvemu-http");
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        if (settings.port() == TransportSettings.NO_PORT) {
            http = null;
        } else {
            http = connector(settings.port(), new HttpConnectionFactory(config));
        }
        if (settings.https() == null) {
            https = null;
            certificate = null;
        } else {
            certificate = ServerCertificate.of(settings.https(), settings.host());
            HttpConfiguration secure = new HttpConfiguration(config);
            // WinRM clients are told to skip the name check (-SkipCNCheck, server_cert_validation='ignore'):
            // a name the certificate does not hold must not turn into Jetty's 400 "Invalid SNI".
            secure.addCustomizer(new SecureRequestCustomizer(false));
            https = connector(settings.https().port(),
                    new SslConnectionFactory(tls(certificate), "http/1.1"), new HttpConnectionFactory(secure));
        }

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addEventListener(new MetroEndpoints(endpoint));
        // An open service offers no scheme but Basic's challenge to a bad unauthenticated Identify, as before.
        AuthSchemes schemes = settings.credentials() == null ? new AuthSchemes(true, false) : settings.auth();
        if (settings.servesNegotiate()) {
            // Negotiate and sealing first: they turn a sealed request into the SOAP WsmanFilter checks.
            NegotiateServer negotiate = new NegotiateServer(
                    NtlmAccount.of(settings.credentials().user(), settings.credentials().password()),
                    COMPUTER_NAME, System::currentTimeMillis);
            context.addFilter(new FilterHolder(new NegotiateFilter(negotiate, settings.maxRequestBytes(),
                    settings.unencryptedOverHttp(), schemes)), PATH, EnumSet.of(DispatcherType.REQUEST));
            NegotiateContexts contexts = new NegotiateContexts();
            for (ServerConnector connector : new ServerConnector[] {http, https}) {
                if (connector != null) {
                    connector.addBean(contexts);
                }
            }
        }
        BasicCheck basic = new BasicCheck(settings.credentials(), settings.basicOverHttp(), schemes);
        context.addFilter(new FilterHolder(new WsmanFilter(basic, settings.maxRequestBytes(), recorder)), PATH,
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WsmanServlet()), PATH);
        if (admin != null) {
            context.addServlet(new ServletHolder(new AdminServlet(admin, basic, settings.maxRequestBytes())),
                    AdminHandler.PREFIX + "/*");
        }
        server.setHandler(context);
        server.setStopAtShutdown(false);
    }

    private ServerConnector connector(int port, ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, 1, 1, factories);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        return connector;
    }

    private static SslContextFactory.Server tls(ServerCertificate certificate) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(certificate.password());
        tls.setCertAlias(certificate.alias());
        return tls;
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
        if (certificate != null) {
            LOG.info("HTTPS certificate {} from {}, SHA-256 fingerprint {}",
                    certificate.certificate().getSubjectX500Principal().getName(), certificate.path(),
                    certificate.sha256Fingerprint());
        }
    }

    /** Stops listening and waits for exchanges in progress. */
    public void stop() throws Exception {
        server.stop();
    }

    /**
     * Returns the HTTP port listened on (the chosen one when the settings said 0).
     *
     * @throws IllegalStateException when there is no HTTP listener
     */
    public int port() {
        return listener(http, "HTTP").getLocalPort();
    }

    /** Returns the URL of the admin API, e.g. {@code http://127.0.0.1:5985/hvemu/admin}, over HTTP when served. */
    public URI adminUri() {
        return (servesHttp() ? endpointUri() : httpsEndpointUri()).resolve(AdminHandler.PREFIX);
    }

    /**
     * Returns the HTTPS port listened on (the chosen one when the settings said 0).
     *
     * @throws IllegalStateException when there is no HTTPS listener
     */
    public int httpsPort() {
        return listener(https, "HTTPS").getLocalPort();
    }

    /** Returns true when there is an HTTP listener. */
    public boolean servesHttp() {
        return http != null;
    }

    /** Returns true when there is an HTTPS listener. */
    public boolean servesHttps() {
        return https != null;
    }

    /** Returns the HTTP URL of the endpoint; see {@link #port()}. */
    public URI endpointUri() {
        return uri("http", port());
    }

    /** Returns the HTTPS URL of the endpoint; see {@link #httpsPort()}. */
    public URI httpsEndpointUri() {
        return uri("https", httpsPort());
    }

    private URI uri(String scheme, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + h + ":" + port + PATH);
    }

    private static ServerConnector listener(ServerConnector connector, String name) {
        if (connector == null) {
            throw new IllegalStateException("no " + name + " listener");
        }
        return connector;
    }
}
