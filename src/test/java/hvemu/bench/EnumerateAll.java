package hvemu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bench client for {@code scripts/bench}: enumerates every instance of a class as PowerShell does
 * (optimized Enumerate, MaxElements 32000, MaxEnvelopeSize 512000, then Pull until EndOfSequence) and
 * prints {@code items milliseconds round-trips}, the best of {@code runs}. Run:
 * {@code java -cp target/test-classes hvemu.bench.EnumerateAll <port> <class> [runs]}.
 */
public final class EnumerateAll {
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    private static final Pattern CONTEXT = Pattern.compile("EnumerationContext>([^<]*)<");
    private static final Pattern ITEM = Pattern.compile("<p:(Msvm|CIM)_[A-Za-z]+ ");

    private EnumerateAll() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = "http://127.0.0.1:" + args[0] + "/wsman";
        String uri = WMI + args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long best = Long.MAX_VALUE;
        int items = 0;
        int trips = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            items = 0;
            trips = 1;
            String reply = post(http, endpoint, envelope(uri, N + "/Enumerate", "<n:Enumerate><w:OptimizeEnumeration/>"
                    + "<w:MaxElements>32000</w:MaxElements></n:Enumerate>"));
            items += count(reply);
            String context = context(reply);
            while (!context.isEmpty()) {
                reply = post(http, endpoint, envelope(uri, N + "/Pull", "<n:Pull><n:EnumerationContext>" + context
                        + "</n:EnumerationContext><n:MaxElements>32000</n:MaxElements></n:Pull>"));
                items += count(reply);
                trips++;
                context = reply.contains("EndOfSequence") ? "" : context(reply);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%d %.0f %d%n", items, best / 1e6, trips);
    }

    private static int count(String reply) {
        if (!reply.contains("Response>") || reply.contains("Fault>")) {
            throw new IllegalStateException("not an enumeration reply: " + reply);
        }
        Matcher m = ITEM.matcher(reply);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String context(String reply) {
        Matcher m = CONTEXT.matcher(reply);
        return m.find() ? m.group(1) : "";
    }

    private static String post(HttpClient http, String endpoint, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static String envelope(String uri, String action, String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/"
                + "addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:n=\"" + N + "\"><s:Header>"
                + "<a:To>http://127.0.0.1/wsman</a:To><w:ResourceURI s:mustUnderstand=\"true\">" + uri + "</w:ResourceURI>"
                + "<a:ReplyTo><a:Address s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/"
                + "anonymous</a:Address></a:ReplyTo><a:Action s:mustUnderstand=\"true\">" + action + "</a:Action>"
                + "<w:MaxEnvelopeSize s:mustUnderstand=\"true\">512000</w:MaxEnvelopeSize><a:MessageID>uuid:"
                + java.util.UUID.randomUUID() + "</a:MessageID><w:OperationTimeout>PT60.000S</w:OperationTimeout>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }
}
