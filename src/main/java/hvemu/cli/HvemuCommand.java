package hvemu.cli;

import hvemu.Emulator;
import hvemu.operations.ServiceIdentity;
import hvemu.transport.AuthSchemes;
import hvemu.transport.TransportSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code hvemu} command line: options only; the work is {@link Emulator}'s. */
@Command(name = "hvemu", mixinStandardHelpOptions = true, version = "hvemu 0.1.0", sortOptions = false,
        usageHelpWidth = 100, description = "Emulates the Windows Hyper-V cluster WMI provider (root/HyperVCluster/v2) over WS-Management.")
public final class HvemuCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than loopback needs --user.")
    String host;

    @Option(names = "--port", defaultValue = "5985", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--user", description = "User name (name or DOMAIN\\name) clients authenticate as.")
    String user;

    @Option(names = "--password", paramLabel = "<pw>", arity = "0..1", interactive = true,
            description = "Password for --user (prompted when given without a value).")
    String password;

    @Option(names = "--https-port", paramLabel = "<port>",
            description = "HTTPS port (5986 by convention; 0 picks one). No HTTPS unless given.")
    Integer httpsPort;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "PKCS12 or JKS keystore with the HTTPS key and certificate (default: a self-signed "
                    + "certificate kept in the data directory).")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "<pw>", arity = "0..1", interactive = true,
            description = "Password of --keystore and its key (prompted when given without a value).")
    String keystorePassword;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the self-signed HTTPS certificate is generated and kept (default: ~/.hvemu).")
    Path dataDir;

    @Option(names = "--no-http", description = "Serve no plain HTTP, only HTTPS (needs --https-port).")
    boolean noHttp;

    @Option(names = "--auth", paramLabel = "<schemes>", defaultValue = "basic,negotiate",
            description = "Authentication schemes accepted with --user: basic, negotiate (NTLM, with message "
                    + "encryption over HTTP) or both (default: ${DEFAULT-VALUE}; WinRM's Auth/Basic, Auth/Negotiate).")
    String auth;

    @Option(names = "--allow-unencrypted",
            description = "Accept plain-text SOAP over plain HTTP on a listener beyond loopback: Basic, and "
                    + "Negotiate without message encryption (WinRM's AllowUnencrypted).")
    boolean allowUnencrypted;

    @Option(names = "--max-request-size", paramLabel = "<n>", defaultValue = "" + TransportSettings.DEFAULT_MAX_REQUEST_BYTES,
            description = "Largest request body in bytes; larger ones get HTTP 413 (default: ${DEFAULT-VALUE}).")
    int maxRequestBytes;

    @Option(names = "--product-vendor", paramLabel = "<v>", defaultValue = ServiceIdentity.DEFAULT_PRODUCT_VENDOR,
            description = "Vendor reported by Identify (default: ${DEFAULT-VALUE}).")
    String productVendor;

    @Option(names = "--product-version", paramLabel = "<v>", defaultValue = ServiceIdentity.DEFAULT_PRODUCT_VERSION,
            description = "Version reported by authenticated Identify (default: ${DEFAULT-VALUE}).")
    String productVersion;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "MOF file of the instances to serve (default: the built-in two-node cluster).")
    Path topology;

    @Option(names = "--jobs", defaultValue = "1s", paramLabel = "MODE",
            description = "How jobs progress: immediate, manual (each step on request), or a duration such as 2s (default: ${DEFAULT-VALUE}).")
    String jobs;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "JSON file of job modes and fault rules to start with, re-applied by every reset "
                    + "(docs/harness.md).")
    Path scenario;

    @Option(names = "--journal-size", paramLabel = "<n>", defaultValue = "" + Emulator.DEFAULT_JOURNAL_SIZE,
            description = "Exchanges the admin API's journal keeps, newest last; 0 keeps none (default: ${DEFAULT-VALUE}).")
    int journalSize;

    @Option(names = {"-v", "--verbose"}, description = "Log one line per exchange.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new HvemuCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if ((user == null) != (password == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--user and --password go together");
        }
        if (httpsPort == null && (noHttp || keystore != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (noHttp ? "--no-http" : "--keystore") + " needs --https-port");
        }
        if (keystorePassword != null && keystore == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keystore-password needs --keystore");
        }
        if (verbose) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("hvemu"))
                    .setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
        Emulator emulator;
        try {
            Emulator.Builder builder = Emulator.builder().host(host).port(port).http(!noHttp)
                    .allowUnencrypted(allowUnencrypted).auth(AuthSchemes.parse(auth)).credentials(user, password)
                    .maxRequestBytes(maxRequestBytes).productVendor(productVendor).productVersion(productVersion)
                    .topology(topology).jobs(hvemu.job.JobProgression.parse(jobs)).scenario(scenario)
                    .journalSize(journalSize);
            if (httpsPort != null) {
                builder.httpsPort(httpsPort).keystore(keystore, keystorePassword);
            }
            if (dataDir != null) {
                builder.dataDir(dataDir);
            }
            emulator = builder.build().start();
        } catch (IllegalStateException | IllegalArgumentException | hvemu.cim.schema.MofException e) {
            spec.commandLine().getErr().println("hvemu: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "hvemu-shutdown"));
        stopped.await();
        return 0;
    }
}
