import io.cloudsoft.winrm4j.client.PayloadEncryptionMode;
import io.cloudsoft.winrm4j.client.WinRmClientContext;
import io.cloudsoft.winrm4j.client.retry.SimpleCounterRetryPolicy;
import io.cloudsoft.winrm4j.winrm.WinRmTool;
import io.cloudsoft.winrm4j.winrm.WinRmToolResponse;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Drives hvemu with winrm4j 0.12.3 (NTLM, PayloadEncryptionMode.REQUIRED) for hvemu.clients.Winrm4jIT and prints
 * one line per operation: {@code hvemu-client: <operation> ok|fail|unsupported <detail>}.
 *
 * <p>winrm4j speaks WinRS only (shell Create, Command, Receive, Signal, Delete): its first sealed request, the shell
 * Create, is what hvemu can answer, with the WS-Man fault for a resource it does not serve. Getting that fault back
 * through winrm4j's own decryption shows the handshake, the sealing both ways and the fault body.
 *
 * <p>Environment: HVEMU_URL, HVEMU_USER (DOMAIN\name), HVEMU_PASSWORD. Run with Java's source launcher on a class
 * path of winrm4j and its dependencies.
 */
public final class Flow {
    private static int failures;

    public static void main(String[] args) {
        URI url = URI.create(System.getenv("HVEMU_URL"));
        String user = System.getenv("HVEMU_USER");
        String password = System.getenv("HVEMU_PASSWORD");
        int slash = user.indexOf('\\');
        String domain = slash < 0 ? null : user.substring(0, slash);
        String name = user.substring(slash + 1);
        WinRmClientContext context = WinRmClientContext.newInstance();
        try {
            run("shell", () -> shell(tool(url, domain, name, password, context)));
            run("wrong-password", () -> refused(tool(url, domain, name, password + "x", context)));
            run("wrong-user", () -> refused(tool(url, domain, "someone", password, context)));
        } finally {
            context.shutdown();
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static WinRmTool tool(URI url, String domain, String name, String password, WinRmClientContext context) {
        WinRmTool tool = WinRmTool.Builder.builder(url.getHost(), domain, name, password).port(url.getPort())
                .useHttps(false).authenticationScheme("NTLM").payloadEncryptionMode(PayloadEncryptionMode.REQUIRED)
                .context(context).build();
        // The default policy retries a refusal for minutes; one attempt tells all.
        tool.setFailureRetryPolicy(new SimpleCounterRetryPolicy(1, 0, TimeUnit.MILLISECONDS));
        return tool;
    }

    /** The WinRS shell: hvemu answers its Create with a sealed fault, which winrm4j unseals and raises. */
    private static String shell(WinRmTool tool) throws Unsupported {
        try {
            WinRmToolResponse response = tool.executeCommand("hostname");
            return "StatusCode=" + response.getStatusCode();
        } catch (RuntimeException e) {
            String chain = chain(e);
            if (chain.contains("DestinationUnreachable") || chain.contains("cannot find the resource")) {
                throw new Unsupported("hvemu serves no WinRS shell: the sealed Create was answered with a fault, "
                        + "unsealed by winrm4j: " + chain);
            }
            throw e;
        }
    }

    /**
     * Wrong credentials: hvemu answers the AUTHENTICATE leg 401 with no body, which winrm4j, believing itself
     * authenticated, reports as an unencrypted payload. What matters is that the Create never reached the service:
     * no WS-Man fault comes back.
     */
    private static String refused(WinRmTool tool) {
        try {
            tool.executeCommand("hostname");
        } catch (RuntimeException e) {
            String chain = chain(e);
            if (chain.contains("DestinationUnreachable") || chain.contains("cannot find the resource")) {
                throw new IllegalStateException("the Create reached the service with wrong credentials: " + chain);
            }
            return "Refused=yes Exception=\"" + chain.replace('"', '\'') + "\"";
        }
        throw new IllegalStateException("a command ran with wrong credentials");
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(t.getMessage()).replace('\n', ' '));
        }
        return out.toString();
    }

    private interface Action {
        String run() throws Exception;
    }

    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private static void run(String operation, Action action) {
        try {
            System.out.println("hvemu-client: " + operation + " ok " + action.run());
        } catch (Unsupported e) {
            System.out.println("hvemu-client: " + operation + " unsupported " + e.getMessage());
        } catch (Exception e) {
            failures++;
            System.out.println("hvemu-client: " + operation + " fail " + chain(e));
            e.printStackTrace(System.out);
        }
        System.out.flush();
    }
}
