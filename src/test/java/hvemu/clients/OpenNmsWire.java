package hvemu.clients;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The messages the OpenNMS client sent and received, as its own CXF logging interceptors report them:
 * {@code CXFWSManClient} installs {@code LoggingOutInterceptor} and {@code LoggingInInterceptor}, which log
 * each envelope at INFO under {@code org.apache.cxf.services}, through SLF4J (the client's jar sets CXF's
 * logger to {@code Slf4jLogger}), so here through Logback.
 *
 * <p>{@link #open()} starts recording, keeping those lines and CXF's warnings off the console;
 * {@link #close()} stops.
 */
final class OpenNmsWire implements AutoCloseable {
    /** One SOAP envelope the client logged, parsed. */
    record Message(boolean outbound, Document envelope) {
        /** The first element with this local name, or null. */
        Element header(String localName) {
            var list = envelope.getElementsByTagNameNS("*", localName);
            return list.getLength() == 0 ? null : (Element) list.item(0);
        }
    }

    private static final String PAYLOAD = "Payload: ";
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.apache.cxf.services");
    // CXF warns with a stack trace of every reply a proxy cannot read, which the attempts of unsupported
    // operations provoke on purpose; the report carries what went wrong.
    private final Logger chain = (Logger) LoggerFactory.getLogger("org.apache.cxf.phase.PhaseInterceptorChain");
    private final Level chainLevel = chain.getLevel();
    private final Level level = logger.getLevel();
    private final boolean additive = logger.isAdditive();
    private final List<Message> messages = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String text = event.getFormattedMessage();
            int start = text == null ? -1 : text.indexOf(PAYLOAD);
            if (start >= 0) {
                int end = text.indexOf("\n---", start);
                String payload = text.substring(start + PAYLOAD.length(), end < 0 ? text.length() : end).trim();
                synchronized (messages) {
                    messages.add(new Message(text.startsWith("Outbound"), parse(payload)));
                }
            }
        }
    };

    private OpenNmsWire() {
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        chain.setLevel(Level.ERROR);
    }

    static OpenNmsWire open() {
        return new OpenNmsWire();
    }

    /** The messages logged so far, in order. */
    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(level);
        logger.setAdditive(additive);
        chain.setLevel(chainLevel);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("the client logged a payload that is not XML: " + xml, e);
        }
    }
}
