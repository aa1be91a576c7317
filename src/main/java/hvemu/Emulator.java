package hvemu;

import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.control.Admin;
import hvemu.control.AdminRoutes;
import hvemu.control.FaultRules;
import hvemu.control.LocalAdmin;
import hvemu.control.Scenario;
import hvemu.control.RequestJournal;
import hvemu.job.Clock;
import hvemu.job.JobEngine;
import hvemu.job.JobProgression;
import hvemu.operations.DeleteOperation;
import hvemu.operations.EnumerateClassesOperation;
import hvemu.operations.EnumerateOperation;
import hvemu.operations.EnumerationContexts;
import hvemu.operations.GetClassOperation;
import hvemu.operations.GetOperation;
import hvemu.operations.IdentifyOperation;
import hvemu.operations.InvokeOperation;
import hvemu.operations.Namespaces;
import hvemu.operations.Operation;
import hvemu.operations.PullOperation;
import hvemu.operations.PutOperation;
import hvemu.operations.ReleaseOperation;
import hvemu.operations.RequestGate;
import hvemu.operations.ServiceIdentity;
import hvemu.operations.UnservedResourceOperation;
import hvemu.provider.ProviderRegistry;
import hvemu.provider.StoredInstanceProvider;
import hvemu.provider.job.ConcreteJobProvider;
import hvemu.provider.job.JobInstanceProvider;
import hvemu.provider.pool.ResourcePoolConfigurationServiceProvider;
import hvemu.provider.pool.ResourcePoolInstanceProvider;
import hvemu.repository.InMemoryInstanceRepository;
import hvemu.transport.AdminHandler;
import hvemu.transport.AuthSchemes;
import hvemu.transport.Credentials;
import hvemu.transport.HttpsSettings;
import hvemu.transport.TransportSettings;
import hvemu.transport.WsmanHttpServer;
import hvemu.wsman.Actions;
import hvemu.wsman.Dispatcher;
import hvemu.wsman.EndpointSettings;
import hvemu.wsman.WsmanEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hvemu: the WS-Man endpoint on its HTTP and HTTPS ports, serving the CIM model loaded from MOF.
 *
 * <p>Build one with {@link #builder()}, then {@link #start()}; {@link #close()} stops it. Defaults are
 * WinRM's: 127.0.0.1, HTTP on port 5985 and no HTTPS, a 500 KB request limit, and the vendor and version
 * of a Windows Server 2022 host. Listening on any address but loopback requires credentials, and Basic
 * over plain HTTP there is refused unless unencrypted traffic is allowed.
 */
public final class Emulator implements AutoCloseable {
    /** Where the self-signed HTTPS certificate is kept unless told otherwise: {@code ~/.hvemu}. */
    public static final Path DEFAULT_DATA_DIR = Path.of(System.getProperty("user.home"), ".hvemu");

    /** How many exchanges the journal keeps unless told otherwise ({@link Builder#journalSize}). */
    public static final int DEFAULT_JOURNAL_SIZE = RequestJournal.DEFAULT_ENTRIES;

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    private final WsmanHttpServer server;
    private final Dispatcher dispatcher;
    private final JobEngine jobs;
    private final LocalAdmin admin;

    private Emulator(Builder b) {
        Scenario scenario = b.scenarioPath == null ? b.scenario : Scenario.read(b.scenarioPath);
        TransportSettings transport = new TransportSettings(b.host, b.http ? b.port : TransportSettings.NO_PORT,
                b.httpsPort == null ? null : new HttpsSettings(b.httpsPort, b.keystore, b.keystorePassword, b.dataDir),
                b.credentials, b.maxRequestBytes, b.allowUnencrypted, b.auth);
        // Each listener reports what it accepts; the HTTP one accepts Basic only where it is allowed, and
        // Negotiate everywhere (beyond loopback its clients seal their messages).
        List<String> httpProfiles = new ArrayList<>();
        List<String> httpsProfiles = new ArrayList<>();
        if (b.credentials != null && b.auth.basic()) {
            if (transport.basicOverHttp()) {
                httpProfiles.add(ServiceIdentity.HTTP_BASIC);
            }
            httpsProfiles.add(ServiceIdentity.HTTPS_BASIC);
        }
        if (transport.servesNegotiate()) {
            httpProfiles.add(ServiceIdentity.HTTP_SPNEGO_KERBEROS);
            httpsProfiles.add(ServiceIdentity.HTTPS_SPNEGO_KERBEROS);
        }
        MofLoader.Model model = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA),
                b.topology == null ? MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY) : MofSource.file(b.topology));
        InMemoryInstanceRepository repository = new InMemoryInstanceRepository(model.schema(), model.instances());
        jobs = new JobEngine(b.clock, b.jobs, repository, model.schema().namespace());
        StoredInstanceProvider stored = new StoredInstanceProvider(model.schema(), repository);
        ProviderRegistry providers = ProviderRegistry.builder(model.schema(), stored)
                .instances("CIM_ResourcePool", new ResourcePoolInstanceProvider(model.schema(), stored))
                .instances("Msvm_ConcreteJob", new JobInstanceProvider(stored, jobs))
                .typedMethods("CIM_ResourcePoolConfigurationService",
                        new ResourcePoolConfigurationServiceProvider(model.schema(), repository, jobs))
                .typedMethods(JobEngine.JOB_CLASS, new ConcreteJobProvider(model.schema(), repository, jobs))
                .refresh(jobs::catchUp)
                .jobs(jobs)
                .build();
        EnumerationContexts contexts = new EnumerationContexts(b.clock::now, b.enumerationExpiry);
        // Reset and snapshots replace the whole model: they wait for the requests in flight, and new ones wait.
        RequestGate gate = new RequestGate();
        dispatcher = dispatcher(new ServiceIdentity(b.productVendor, b.productVersion, httpProfiles, httpsProfiles),
                providers, contexts, gate);
        RequestJournal journal = new RequestJournal(b.journalSize, b.journalBytes);
        FaultRules faults = new FaultRules(model.schema());
        WsmanEndpoint endpoint = new WsmanEndpoint(dispatcher, EndpointSettings.defaults(), faults);
        admin = new LocalAdmin(model.schema(), repository, jobs, gate, contexts, journal, faults);
        // Before the server exists: no request sees the emulator without its scenario.
        admin.startWith(scenario);
        AdminRoutes routes = new AdminRoutes(admin);
        AdminHandler adminHandler = (method, path, query, body) -> {
            AdminRoutes.Reply reply = routes.handle(method, path, query, body);
            return new AdminHandler.Reply(reply.status(), reply.body(), reply.allow());
        };
        server = new WsmanHttpServer(transport, endpoint, adminHandler, journal);

        if (b.credentials != null && b.auth.basic() && server.servesHttp() && !transport.basicOverHttp()) {
            LOG.warn("Basic authentication over plain HTTP on {} will be refused (401): the listener is not on "
                    + "loopback; use HTTPS{}, or give --allow-unencrypted", b.host,
                    transport.servesNegotiate() ? " or Negotiate with message encryption" : "");
        }
    }

    /** Returns the route table: every Action the service answers, and its operation, inside the gate. */
    static Dispatcher dispatcher(ServiceIdentity identity, ProviderRegistry providers, EnumerationContexts contexts,
            RequestGate gate) {
        // Create stays unserved: the WMI provider makes pools only through methods (docs/semantics.md).
        Operation unserved = new UnservedResourceOperation();
        return Dispatcher.builder()
                .gate(gate)
                .identify(new IdentifyOperation(identity))
                .on(Actions.GET, new GetOperation(providers))
                .on(Actions.GET, Namespaces.CIM_XML_URI, new GetClassOperation(providers.schema()))
                .onBody(Actions.PUT, new PutOperation(providers))
                .onBody(Actions.CREATE, unserved)
                .on(Actions.DELETE, new DeleteOperation(providers))
                .on(Actions.ENUMERATE, new EnumerateOperation(providers, contexts),
                        new QName(Namespaces.ENUMERATION, "Enumerate"))
                .on(Actions.ENUMERATE, Namespaces.CIM_XML_URI, new EnumerateClassesOperation(providers.schema(), contexts),
                        new QName(Namespaces.ENUMERATION, "Enumerate"))
                .on(Actions.PULL, new PullOperation(contexts), new QName(Namespaces.ENUMERATION, "Pull"))
                .on(Actions.RELEASE, new ReleaseOperation(contexts), new QName(Namespaces.ENUMERATION, "Release"))
                .invoke(new InvokeOperation(providers))
                .build();
    }

    /** Returns the Actions the service routes (Identify and method Actions aside). */
    Set<String> routes() {
        return dispatcher.actions();
    }

    /** Returns a builder with WinRM's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving.
     *
     * @throws IllegalStateException when a port cannot be bound
     */
    public Emulator start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen: " + e.getMessage(), e);
        }
        List<URI> endpoints = new ArrayList<>();
        if (server.servesHttp()) {
            endpoints.add(endpointUri());
        }
        if (server.servesHttps()) {
            endpoints.add(httpsEndpointUri());
        }
        LOG.info("hvemu listening on {}", endpoints.stream().map(URI::toString).collect(Collectors.joining(" and ")));
        return this;
    }

    /**
     * Returns the URL of the WS-Man endpoint over plain HTTP, e.g. {@code http://127.0.0.1:5985/wsman}.
     *
     * @throws IllegalStateException when the emulator serves HTTPS only
     */
    public URI endpointUri() {
        return server.endpointUri();
    }

    /**
     * Returns the URL of the WS-Man endpoint over HTTPS, e.g. {@code https://127.0.0.1:5986/wsman}, with the
     * port bound when 0 was asked.
     *
     * @throws IllegalStateException when the emulator serves no HTTPS
     */
    public URI httpsEndpointUri() {
        return server.httpsEndpointUri();
    }

    /** Returns the control plane, in process: reset, snapshots, journal, fault rules, jobs, instances. */
    public Admin admin() {
        return admin;
    }

    /** Returns the URL of the admin API, e.g. {@code http://127.0.0.1:5985/hvemu/admin}. */
    public URI adminUri() {
        return server.adminUri();
    }

    /** Returns the job engine: its clock and progression, and control of stepped jobs. */
    public JobEngine jobs() {
        return jobs;
    }

    /**
     * Returns the HTTP port.
     *
     * @throws IllegalStateException when the emulator serves HTTPS only
     */
    public int port() {
        return server.port();
    }

    /**
     * Returns the HTTPS port.
     *
     * @throws IllegalStateException when the emulator serves no HTTPS
     */
    public int httpsPort() {
        return server.httpsPort();
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the server failed", e);
        }
    }

    /** Configures an {@link Emulator}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 5985;
        private boolean http = true;
        private Integer httpsPort;
        private Path keystore;
        private String keystorePassword;
        private Path dataDir = DEFAULT_DATA_DIR;
        private boolean allowUnencrypted;
        private AuthSchemes auth = AuthSchemes.DEFAULT;
        private Credentials credentials;
        private int maxRequestBytes = TransportSettings.DEFAULT_MAX_REQUEST_BYTES;
        private String productVendor = ServiceIdentity.DEFAULT_PRODUCT_VENDOR;
        private String productVersion = ServiceIdentity.DEFAULT_PRODUCT_VERSION;
        private Path topology;
        private Clock clock = Clock.system();
        private JobProgression jobs = JobProgression.timed(Duration.ofSeconds(1));
        private Duration enumerationExpiry = Duration.ofSeconds(60);
        private Path scenarioPath;
        private Scenario scenario = Scenario.none();
        private int journalSize = DEFAULT_JOURNAL_SIZE;
        private long journalBytes = RequestJournal.DEFAULT_BYTES;

        private Builder() {
        }

        /** Sets the address to listen on; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Sets the port; 0 picks a free one. 5985 by default. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serves plain HTTP (the default) or not; without it, {@link #httpsPort(int)} must be given. */
        public Builder http(boolean http) {
            this.http = http;
            return this;
        }

        /** Serves HTTPS on this port too; 0 picks a free one (5986 by WinRM's convention). No HTTPS by default. */
        public Builder httpsPort(int httpsPort) {
            this.httpsPort = httpsPort;
            return this;
        }

        /**
         * Serves HTTPS with the key and certificate of this PKCS12 or JKS keystore, whose key has the
         * keystore's password (null is the empty one), instead of the self-signed certificate of the data
         * directory.
         */
        public Builder keystore(Path keystore, String password) {
            this.keystore = keystore;
            this.keystorePassword = password;
            return this;
        }

        /**
         * Sets where the self-signed HTTPS certificate is generated on first start and kept;
         * {@link #DEFAULT_DATA_DIR} by default.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Accepts plain-text SOAP over plain HTTP on a listener beyond loopback, as WinRM's
         * {@code AllowUnencrypted} does: Basic credentials, and Negotiate clients that do not seal their
         * messages. Refused by default (on loopback they are always accepted).
         */
        public Builder allowUnencrypted(boolean allowUnencrypted) {
            this.allowUnencrypted = allowUnencrypted;
            return this;
        }

        /**
         * Sets the authentication schemes accepted with the credentials: Basic, Negotiate (NTLM, with
         * message encryption over HTTP) or both, the default.
         */
        public Builder auth(AuthSchemes auth) {
            this.auth = java.util.Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Requires credentials on every request but the unauthenticated Identify: this user ({@code name} or
         * {@code DOMAIN\name}) and password, by Basic or Negotiate ({@link #auth}).
         */
        public Builder credentials(String user, String password) {
            this.credentials = user == null ? null : new Credentials(user, password);
            return this;
        }

        /** Sets the largest request body accepted, in bytes; 512000 by default. */
        public Builder maxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /** Sets the vendor Identify reports. */
        public Builder productVendor(String productVendor) {
            this.productVendor = productVendor;
            return this;
        }

        /** Sets the product version Identify reports to authenticated clients. */
        public Builder productVersion(String productVersion) {
            this.productVersion = productVersion;
            return this;
        }

        /** Loads the topology (instances) from a MOF file instead of the default two-node cluster. */
        public Builder topology(Path topology) {
            this.topology = topology;
            return this;
        }

        /** Sets the clock jobs run by; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Sets how long an enumeration context lives without a Pull; 60 s by default, as WinRM. */
        public Builder enumerationExpiry(Duration expiry) {
            this.enumerationExpiry = expiry;
            return this;
        }

        /**
         * Sets how many exchanges the journal keeps, newest last ({@code admin().journal(...)}); 1000 by
         * default, 0 keeps none.
         */
        public Builder journalSize(int entries) {
            this.journalSize = entries;
            return this;
        }

        /**
         * Sets how many bytes of request and response bodies the journal keeps in all; 64 MiB by default.
         * Past it the oldest exchanges go, as past {@link #journalSize}.
         */
        public Builder journalBytes(long bytes) {
            this.journalBytes = bytes;
            return this;
        }

        /** Sets how jobs progress: immediate, timed (1 s by default) or stepped. */
        public Builder jobs(JobProgression jobs) {
            this.jobs = jobs;
            return this;
        }

        /**
         * Starts with the job modes and fault rules of this scenario file (JSON; {@link Scenario}), applied
         * through {@link #admin()} before the first request and again by every reset. Read and applied by
         * {@link #build()}; null for none.
         */
        public Builder scenario(Path file) {
            this.scenarioPath = file;
            this.scenario = Scenario.none();
            return this;
        }

        /** Starts with this scenario, as {@link #scenario(Path)} does with a file's. */
        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            this.scenarioPath = null;
            return this;
        }

        /**
         * Returns the configured emulator, not yet started.
         *
         * @throws IllegalStateException when it would listen beyond loopback without credentials, would not
         *     listen at all, or the HTTPS keystore cannot be read (the message says why)
         * @throws IllegalArgumentException when a port is out of range
         * @throws hvemu.cim.schema.MofException when the schema or topology cannot be loaded; its
         *     message names the file, line and column
         * @throws hvemu.control.ScenarioException when the scenario cannot be read or an entry of it is refused;
         *     its message names the file and the entry
         */
        public Emulator build() {
            if (credentials == null && !TransportSettings.isLoopback(host)) {
                throw new IllegalStateException("refusing to listen on " + host
                        + " without credentials: give --user and --password, or listen on 127.0.0.1");
            }
            if (!http && httpsPort == null) {
                throw new IllegalStateException("no listener: without HTTP, give an HTTPS port (--https-port)");
            }
            if (keystore != null && httpsPort == null) {
                throw new IllegalStateException("a keystore is given but no HTTPS port (--https-port)");
            }
            if (journalSize < 0 || journalBytes < 0) {
                throw new IllegalArgumentException("the journal's size is 0 or more: " + journalSize + " entries, "
                        + journalBytes + " bytes");
            }
            if (http && port < 0) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            return new Emulator(this);
        }
    }
}
