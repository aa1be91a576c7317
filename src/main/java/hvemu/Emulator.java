package hvemu;

import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
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
import hvemu.operations.ServiceIdentity;
import hvemu.operations.UnservedResourceOperation;
import hvemu.provider.ProviderRegistry;
import hvemu.provider.StoredInstanceProvider;
import hvemu.provider.job.ConcreteJobProvider;
import hvemu.provider.job.JobInstanceProvider;
import hvemu.provider.pool.ResourcePoolConfigurationServiceProvider;
import hvemu.provider.pool.ResourcePoolInstanceProvider;
import hvemu.repository.InMemoryInstanceRepository;
import hvemu.transport.Credentials;
import hvemu.transport.TransportSettings;
import hvemu.transport.WsmanHttpServer;
import hvemu.wsman.Actions;
import hvemu.wsman.Dispatcher;
import hvemu.wsman.EndpointSettings;
import hvemu.wsman.WsmanEndpoint;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hvemu: the WS-Man endpoint on its HTTP port, serving the CIM model loaded from MOF.
 *
 * <p>Build one with {@link #builder()}, then {@link #start()}; {@link #close()} stops it. Defaults are
 * WinRM's: 127.0.0.1, port 5985, a 500 KB request limit, and the vendor and version of a Windows Server
 * 2022 host. Listening on any address but loopback requires credentials.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    private final WsmanHttpServer server;
    private final Dispatcher dispatcher;
    private final JobEngine jobs;

    private Emulator(Builder b) {
        List<String> profiles = new ArrayList<>();
        if (b.credentials != null) {
            profiles.add(ServiceIdentity.HTTP_BASIC);
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
                .build();
        EnumerationContexts contexts = new EnumerationContexts(b.clock::now, b.enumerationExpiry);
        dispatcher = dispatcher(new ServiceIdentity(b.productVendor, b.productVersion, profiles), providers, contexts);
        WsmanEndpoint endpoint = new WsmanEndpoint(dispatcher, EndpointSettings.defaults());
        server = new WsmanHttpServer(new TransportSettings(b.host, b.port, b.credentials, b.maxRequestBytes), endpoint);
    }

    /** Returns the route table: every Action the service answers, and its operation. */
    static Dispatcher dispatcher(ServiceIdentity identity, ProviderRegistry providers, EnumerationContexts contexts) {
        // Create stays unserved: the WMI provider makes pools only through methods (docs/semantics.md).
        Operation unserved = new UnservedResourceOperation();
        return Dispatcher.builder()
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
     * @throws IllegalStateException when the port cannot be bound
     */
    public Emulator start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen: " + e.getMessage(), e);
        }
        LOG.info("hvemu listening on {}", endpointUri());
        return this;
    }

    /** Returns the URL of the WS-Man endpoint, e.g. {@code http://127.0.0.1:5985/wsman}. */
    public URI endpointUri() {
        return server.endpointUri();
    }

    /** Returns the job engine: its clock and progression, and control of stepped jobs. */
    public JobEngine jobs() {
        return jobs;
    }

    /** Returns the HTTP port. */
    public int port() {
        return server.port();
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
        private Credentials credentials;
        private int maxRequestBytes = TransportSettings.DEFAULT_MAX_REQUEST_BYTES;
        private String productVendor = ServiceIdentity.DEFAULT_PRODUCT_VENDOR;
        private String productVersion = ServiceIdentity.DEFAULT_PRODUCT_VERSION;
        private Path topology;
        private Clock clock = Clock.system();
        private JobProgression jobs = JobProgression.timed(Duration.ofSeconds(1));
        private Duration enumerationExpiry = Duration.ofSeconds(60);

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

        /** Requires HTTP Basic credentials on every request but the unauthenticated Identify. */
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

        /** Sets how jobs progress: immediate, timed (1 s by default) or stepped. */
        public Builder jobs(JobProgression jobs) {
            this.jobs = jobs;
            return this;
        }

        /**
         * Returns the configured emulator, not yet started.
         *
         * @throws IllegalStateException when it would listen beyond loopback without credentials
         * @throws hvemu.cim.schema.MofException when the schema or topology cannot be loaded; its
         *     message names the file, line and column
         */
        public Emulator build() {
            if (credentials == null && !isLoopback(host)) {
                throw new IllegalStateException("refusing to listen on " + host
                        + " without credentials: give --user and --password, or listen on 127.0.0.1");
            }
            return new Emulator(this);
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("unknown host to listen on: " + host, e);
            }
        }
    }
}
