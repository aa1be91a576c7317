package hvemu.testsupport;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/** One HTTP answer: status, headers and body text. */
public record HttpExchange(int status, HttpHeaders headers, String body) {
    /** Returns the value of a response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Returns the text of every node the XPath (without prefixes: use local-name()) selects in the body. */
    public List<String> texts(String xpath) {
        List<String> out = new ArrayList<>();
        new JAXPXPathEngine().selectNodes(xpath, Input.fromString(body).build()).forEach(n -> out.add(n.getTextContent()));
        return out;
    }
}
