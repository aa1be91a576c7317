package hvemu.clients;

import hvemu.testsupport.RealClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * The per-operation report of one OpenNMS client run, in {@link RealClient}'s line format
 * ({@code hvemu-client: <operation> ok|fail|unsupported <detail>}), printed on stdout as it goes and
 * kept as a {@link RealClient.Run} for the test's assertions.
 */
final class OpenNmsReport {
    private final Map<String, RealClient.Outcome> outcomes = new LinkedHashMap<>();
    private final StringBuilder output = new StringBuilder();

    /** Starts a report, printing {@code title} (the client and its mode) on a line of its own. */
    OpenNmsReport(String title) {
        System.out.println("hvemu-client " + title);
    }

    /**
     * Runs one operation: ok with the detail {@code body} returns, fail with whatever it throws (an
     * exception of the client, or an assertion on what the client returned).
     */
    void step(String operation, Callable<String> body) {
        try {
            record(operation, "ok", body.call());
        } catch (Exception | AssertionError e) {
            failed(operation, e);
        }
    }

    /** Records an operation the client cannot perform, and why. */
    void unsupported(String operation, String why) {
        record(operation, "unsupported", why);
    }

    /**
     * Records an operation the client can only attempt: {@code attempt} must fail as {@code expected}
     * recognises (it returns the evidence, or null for any other failure), which makes the operation
     * unsupported with {@code why} and that evidence. Anything else, success included, is a fail: the
     * client's limits would then not be what this suite documents.
     */
    void attempt(String operation, String why, Function<Exception, String> expected, Callable<?> attempt) {
        try {
            Object result = attempt.call();
            record(operation, "fail", "expected the attempt to fail, the client returned "
                    + oneLine(String.valueOf(result)));
        } catch (Exception e) {
            String evidence = expected.apply(e);
            if (evidence != null) {
                unsupported(operation, why + "; " + oneLine(evidence));
            } else {
                failed(operation, e);
            }
        }
    }

    /** Recognises a SOAP fault of the given subcode (local name), as evidence "hvemu answers subcode: reason". */
    static Function<Exception, String> fault(String subcode) {
        return e -> {
            SoapFault fault = soapFault(e);
            if (fault == null || fault.getSubCode() == null || !subcode.equals(fault.getSubCode().getLocalPart())) {
                return null;
            }
            var message = fault.getDetail() == null ? null : fault.getDetail().getElementsByTagNameNS("*", "Message");
            return "hvemu answers " + subcode + ": " + (message == null || message.getLength() == 0
                    ? fault.getReason() : message.item(0).getTextContent());
        };
    }

    /** The CXF SOAP fault behind an exception of the OpenNMS client, or null. */
    static SoapFault soapFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return fault;
            }
        }
        return null;
    }

    /** The run as {@link RealClient} reads a client outside the JVM: exit code 0, the printed lines, the outcomes. */
    RealClient.Run run() {
        return new RealClient.Run(0, output.toString(), Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)));
    }

    /** Records a fail with what was thrown, keeping its stack trace in the output. */
    private void failed(String operation, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        output.append(trace).append('\n');
        record(operation, "fail", e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
    }

    private void record(String operation, String status, String detail) {
        if (outcomes.put(operation, new RealClient.Outcome(operation, status, detail)) != null) {
            throw new IllegalStateException(operation + " reported twice");
        }
        String line = "hvemu-client: " + operation + " " + status + " " + detail;
        output.append(line).append('\n');
        System.out.println(line);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
