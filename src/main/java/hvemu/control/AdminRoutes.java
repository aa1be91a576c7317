package hvemu.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin API's route table: every route under {@code /hvemu/admin/}, each one small task on an
 * {@link Admin}. JSON in and out; a failure is {@code {"error": "..."}} with the status of its
 * {@link AdminException}, a known path with another method 405 with {@code Allow}.
 */
public final class AdminRoutes {
    /** The path the routes hang under. */
    public static final String PREFIX = "/hvemu/admin";

    /** The JSON mapper of the admin API (and its HTTP client): nulls left out, unknown fields refused. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** An answer: its status, its JSON body (empty for 204) and, for a 405, the methods allowed. */
    public record Reply(int status, byte[] body, String allow) {
        static Reply json(int status, Object value) {
            try {
                return new Reply(status, JSON.writeValueAsBytes(value), null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the admin reply as JSON", e);
            }
        }
    }

    /** One request to a route: the path's {@code {names}}, the query parameters and the body. */
    record Call(Map<String, String> path, Map<String, String> query, byte[] body) {
        String path(String name) {
            return path.get(name);
        }

        String query(String name) {
            return query.get(name);
        }

        <T> T body(Class<T> type) {
            if (body.length == 0) {
                throw AdminException.badRequest("the request needs a JSON body");
            }
            try {
                return JSON.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw AdminException.badRequest("the body is not a valid " + type.getSimpleName() + ": "
                        + e.getOriginalMessage());
            } catch (IOException e) {
                throw AdminException.badRequest("the body cannot be read: " + e.getMessage());
            }
        }
    }

    /** What a route does; returns the value to answer as JSON, or null for 204 No Content. */
    @FunctionalInterface
    interface Task {
        Object run(Admin admin, Call call);
    }

    private record Route(String method, String[] segments, Task task) {
        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < path.length; i++) {
                String s = segments[i];
                if (s.startsWith("{")) {
                    names.put(s.substring(1, s.length() - 1), path[i]);
                } else if (!s.equals(path[i])) {
                    return null;
                }
            }
            return names;
        }
    }

    private final Admin admin;
    private final List<Route> routes = new ArrayList<>();

    public AdminRoutes(Admin admin) {
        this.admin = admin;
        post("/reset", (a, c) -> {
            a.reset();
            return null;
        });
        get("/snapshots", (a, c) -> a.snapshots());
        put("/snapshots/{name}", (a, c) -> {
            a.saveSnapshot(c.path("name"));
            return null;
        });
        post("/snapshots/{name}/restore", (a, c) -> {
            a.restoreSnapshot(c.path("name"));
            return null;
        });
        delete("/snapshots/{name}", (a, c) -> {
            a.deleteSnapshot(c.path("name"));
            return null;
        });
        get("/journal", (a, c) -> a.journal(new JournalQuery(c.query("action"), c.query("resourceUri"),
                c.query("method"), integer(c.query("limit"), "limit"))));
        delete("/journal", (a, c) -> {
            a.clearJournal();
            return null;
        });
        get("/faults", (a, c) -> a.faults());
        post("/faults", (a, c) -> a.addFault(c.body(FaultRule.class)));
        delete("/faults", (a, c) -> {
            a.clearFaults();
            return null;
        });
        delete("/faults/{id}", (a, c) -> {
            a.removeFault(c.path("id"));
            return null;
        });
        get("/jobs", (a, c) -> a.jobs());
        get("/jobs/modes", (a, c) -> a.jobModes());
        put("/jobs/modes/{method}", (a, c) -> {
            a.jobMode(c.path("method"), c.body(String.class));
            return a.jobModes();
        });
        post("/jobs/advance", (a, c) -> Map.of("advanced", a.advanceJobs()));
        post("/jobs/{id}/advance", (a, c) -> a.advanceJob(c.path("id")));
        post("/jobs/{id}/complete", (a, c) -> a.completeJob(c.path("id")));
        post("/jobs/{id}/fail", (a, c) -> {
            FaultRule.JobError error = c.body(FaultRule.JobError.class);
            return a.failJob(c.path("id"), error.errorCode(), error.errorDescription());
        });
        get("/instances/{class}", (a, c) -> a.instances(c.path("class"), c.query()));
    }

    /**
     * Answers one request: {@code path} is the part after {@link #PREFIX} (e.g. {@code /reset}),
     * {@code query} the raw query string or null.
     */
    public Reply handle(String method, String path, String query, byte[] body) {
        String[] segments = segments(path);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> names = route.match(segments);
            if (names == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            try {
                Object value = route.task().run(admin, new Call(names, query(query), body));
                return value == null ? new Reply(204, new byte[0], null) : Reply.json(200, value);
            } catch (AdminException e) {
                return Reply.json(e.status(), Map.of("error", e.getMessage()));
            }
        }
        if (!allowed.isEmpty()) {
            return new Reply(405, error(method + " is not allowed on " + PREFIX + path), String.join(", ", allowed));
        }
        return new Reply(404, error("no admin route " + PREFIX + path), null);
    }

    private static byte[] error(String message) {
        return Reply.json(0, Map.of("error", message)).body();
    }

    private void get(String template, Task task) {
        route("GET", template, task);
    }

    private void post(String template, Task task) {
        route("POST", template, task);
    }

    private void put(String template, Task task) {
        route("PUT", template, task);
    }

    private void delete(String template, Task task) {
        route("DELETE", template, task);
    }

    private void route(String method, String template, Task task) {
        routes.add(new Route(method, segments(template), task));
    }

    private static String[] segments(String path) {
        String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] parts = trimmed.split("/+");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static int integer(String text, String name) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw AdminException.badRequest(name + " must be a whole number, not \"" + text + "\"");
        }
    }
}
