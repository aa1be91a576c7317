package hvemu.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@link Admin} over HTTP: each call is one request to the route {@link AdminRoutes} maps to the same
 * method, so a harness in another process (or language) sees what an in-process one does. A failure the
 * server reports comes back as an {@link AdminException} with its status and message.
 */
public final class HttpAdmin implements Admin {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<JournalEntry>> ENTRIES = new TypeReference<>() { };
    private static final TypeReference<List<FaultRule>> RULES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> MODES = new TypeReference<>() { };
    private static final TypeReference<List<JobView>> JOBS = new TypeReference<>() { };
    private static final TypeReference<List<InstanceView>> INSTANCES = new TypeReference<>() { };

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * An admin client of the emulator at {@code base} (its admin URL, e.g.
     * {@code http://127.0.0.1:5985/hvemu/admin}), with Basic credentials, or none when {@code user} is null.
     */
    public HttpAdmin(URI base, String user, String password) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void reset() {
        send("POST", "reset", null);
    }

    @Override
    public void saveSnapshot(String name) {
        send("PUT", "snapshots/" + segment(name), null);
    }

    @Override
    public void restoreSnapshot(String name) {
        send("POST", "snapshots/" + segment(name) + "/restore", null);
    }

    @Override
    public List<String> snapshots() {
        return read(send("GET", "snapshots", null), STRINGS);
    }

    @Override
    public void deleteSnapshot(String name) {
        send("DELETE", "snapshots/" + segment(name), null);
    }

    @Override
    public List<JournalEntry> journal(JournalQuery query) {
        List<String> params = new ArrayList<>();
        param(params, "action", query.action());
        param(params, "resourceUri", query.resourceUri());
        param(params, "method", query.method());
        if (query.limit() > 0) {
            param(params, "limit", Integer.toString(query.limit()));
        }
        return read(send("GET", "journal" + (params.isEmpty() ? "" : "?" + String.join("&", params)), null), ENTRIES);
    }

    @Override
    public void clearJournal() {
        send("DELETE", "journal", null);
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        return read(send("POST", "faults", rule), new TypeReference<FaultRule>() { });
    }

    @Override
    public List<FaultRule> faults() {
        return read(send("GET", "faults", null), RULES);
    }

    @Override
    public void removeFault(String id) {
        send("DELETE", "faults/" + segment(id), null);
    }

    @Override
    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    @Override
    public void jobMode(String method, String mode) {
        send("PUT", "jobs/modes/" + segment(method), mode);
    }

    @Override
    public Map<String, String> jobModes() {
        return read(send("GET", "jobs/modes", null), MODES);
    }

    @Override
    public List<JobView> jobs() {
        return read(send("GET", "jobs", null), JOBS);
    }

    @Override
    public JobView advanceJob(String instanceId) {
        return read(send("POST", "jobs/" + segment(instanceId) + "/advance", null), new TypeReference<JobView>() { });
    }

    @Override
    public int advanceJobs() {
        return read(send("POST", "jobs/advance", null), new TypeReference<Map<String, Integer>>() { }).get("advanced");
    }

    @Override
    public JobView completeJob(String instanceId) {
        return read(send("POST", "jobs/" + segment(instanceId) + "/complete", null), new TypeReference<JobView>() { });
    }

    @Override
    public JobView failJob(String instanceId, int errorCode, String errorDescription) {
        return read(send("POST", "jobs/" + segment(instanceId) + "/fail",
                new FaultRule.JobError(errorCode, errorDescription, 0)), new TypeReference<JobView>() { });
    }

    @Override
    public List<InstanceView> instances(String className, Map<String, String> where) {
        List<String> params = new ArrayList<>();
        where.forEach((name, value) -> param(params, name, value));
        String query = params.isEmpty() ? "" : "?" + String.join("&", params);
        return read(send("GET", "instances/" + segment(className) + query, null), INSTANCES);
    }

    private byte[] send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(AdminRoutes.JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new AdminException(response.statusCode(), message(response));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("admin request " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during admin request " + method + " " + path, e);
        }
    }

    private static String message(HttpResponse<byte[]> response) {
        try {
            JsonNode error = AdminRoutes.JSON.readTree(response.body()).get("error");
            if (error != null) {
                return error.asText();
            }
        } catch (IOException notJson) {
            // fall through: the status says enough
        }
        return "HTTP " + response.statusCode() + " from " + response.uri();
    }

    private static <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return AdminRoutes.JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the admin reply is not the JSON expected", e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void param(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
