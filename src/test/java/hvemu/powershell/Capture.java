package hvemu.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Fixtures;

/**
 * A request captured from the MI client (a fixture of {@code ../shared/fixtures}), pointed at hvemu by a
 * few literal rewrites of what names another product's classes, namespace, keys and method. Everything
 * else (headers, options, prefixes, whitespace) stays as captured.
 *
 * <p>Each rewrite must find its text in the capture, so a fixture that changes fails here, not later.
 */
final class Capture {
    private final String fixture;
    private String text;

    private Capture(String fixture, String text) {
        this.fixture = fixture;
        this.text = text;
    }

    /** Returns the capture, without the source comment the fixture file opens with. */
    static Capture of(String fixture) {
        return new Capture(fixture, Fixtures.shared(fixture).replaceFirst("(?s)^<!--.*?-->\\s*", ""));
    }

    /** Replaces every occurrence of {@code captured}, which the capture must hold, by {@code ours}. */
    Capture rewrite(String captured, String ours) {
        assertThat(text).as("%s holds %s", fixture, captured).contains(captured);
        text = text.replace(captured, ours);
        return this;
    }

    /** Removes the OptionSet header: the same request as a client other than the MI client sends it. */
    Capture withoutOptions() {
        return rewrite(text.substring(text.indexOf("<w:OptionSet"), text.indexOf("</w:OptionSet>") + 14), "");
    }

    /**
     * Returns the captured MessageID as a parser reads it (line ends normalized), which the reply's RelatesTo
     * must repeat exactly.
     */
    String messageId() {
        return text.substring(text.indexOf("<a:MessageID>") + 13, text.indexOf("</a:MessageID>")).replace("\r\n", "\n");
    }

    /** Returns the request text. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return fixture;
    }
}
