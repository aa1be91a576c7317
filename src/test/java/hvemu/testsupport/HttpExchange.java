package hvemu.testsupport;

import java.net.http.HttpHeaders;

/** One HTTP answer: status, headers and body text. */
public record HttpExchange(int status, HttpHeaders headers, String body) {
    /** Returns the value of a response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
