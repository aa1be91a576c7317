package hvemu.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client that posts WS-Man envelopes the way WinRM clients do, for end-to-end tests. */
public final class WsmanClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private WsmanClient(URI endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
        headers.put("Content-Type", "application/soap+xml;charset=UTF-8");
    }

    /** Returns a client of the given endpoint, sending no credentials. */
    public static WsmanClient of(URI endpoint) {
        return new WsmanClient(endpoint, HTTP);
    }

    /** Returns a client of the given endpoint that sends through {@code http} (an HTTPS one, say). */
    public static WsmanClient of(URI endpoint, HttpClient http) {
        return new WsmanClient(endpoint, http);
    }

    /** Returns a copy that sends HTTP Basic credentials. */
    public WsmanClient basic(String user, String password) {
        return header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns a copy that sends one more request header (or replaces it). */
    public WsmanClient header(String name, String value) {
        WsmanClient copy = new WsmanClient(endpoint, http);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    /** Returns a copy that sends no such request header. */
    public WsmanClient without(String name) {
        WsmanClient copy = new WsmanClient(endpoint, http);
        copy.headers.putAll(headers);
        copy.headers.remove(name);
        return copy;
    }

    /** POSTs an envelope in UTF-8. */
    public HttpExchange post(String envelope) {
        return post(envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs an envelope in the given charset. */
    public HttpExchange post(String envelope, Charset charset) {
        return post(envelope.getBytes(charset));
    }

    /** POSTs raw bytes. */
    public HttpExchange post(byte[] body) {
        return send("POST", HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Sends a request with the given method and no body. */
    public HttpExchange send(String method) {
        return send(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpExchange send(String method, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpExchange(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
