package hvemu.wsman;

import hvemu.operations.Namespaces;
import com.sun.xml.ws.api.message.Header;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.MessageHeaders;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import hvemu.operations.Selector;
import hvemu.operations.XmlBindings;
import hvemu.wsman.binding.wsman.ObjectFactory;
import hvemu.wsman.binding.wsman.OptionSet;
import hvemu.wsman.binding.wsman.OptionType;
import hvemu.wsman.binding.wsman.SelectorSetType;
import jakarta.xml.bind.JAXBException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the header blocks of a request into {@link RequestHeaders}, by namespace URI and never by
 * prefix, and checks them the way WinRM does (wire.md §2.1, §5.2).
 *
 * <p>Checks, in order: every header with {@code mustUnderstand} true or 1 (qualified or not) must be one
 * WinRM understands; a singular header must not repeat; Locale and DataLocale must not be
 * mustUnderstand; ReplyTo and FaultTo must be anonymous; FragmentTransfer is not supported;
 * MaxEnvelopeSize and OperationTimeout must be valid. Whether Action, MessageID and ReplyTo must be
 * present depends on the operation and is checked by the {@link Dispatcher}.
 */
final class HeaderReader {
    private static final XmlBindings BINDINGS = XmlBindings.of(ObjectFactory.class,
            hvemu.wsman.binding.addressing.ObjectFactory.class);
    private static final String SOAP_MU = "mustUnderstand";
    /** The smallest MaxEnvelopeSize a client may ask for (MS-WSMV §3.1.4.1.8). */
    static final long MIN_ENVELOPE_SIZE = 8192;

    private static final Set<String> WSMAN_HEADERS = Set.of("ResourceURI", "SelectorSet", "OptionSet",
            "MaxEnvelopeSize", "OperationTimeout", "Locale", "RequestTotalItemsCountEstimate", "FragmentTransfer");
    private static final Set<String> MSFT_HEADERS = Set.of("DataLocale", "SessionId", "OperationID",
            "SequenceId", "ActivityId");
    private static final Set<String> ADDRESSING_HEADERS = Set.of("To", "Action", "MessageID", "ReplyTo",
            "FaultTo", "From", "RelatesTo");

    private HeaderReader() {
    }

    /**
     * Reads and checks the headers.
     *
     * @throws NotUnderstoodException when a mustUnderstand header is not understood
     * @throws OperationException when a header is missing a valid value
     */
    static RequestHeaders read(Message message) throws NotUnderstoodException, OperationException {
        return read(headersOf(message));
    }

    /** Metro parses header blocks lazily; a block that is not well-formed fails here. */
    private static MessageHeaders headersOf(Message message) throws OperationException {
        try {
            MessageHeaders headers = message.getHeaders();
            headers.asList();
            return headers;
        } catch (RuntimeException e) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The SOAP header is not well-formed XML: " + Prolog.describe(e));
        }
    }

    static RequestHeaders read(MessageHeaders headers) throws NotUnderstoodException, OperationException {
        List<QName> notUnderstood = new ArrayList<>();
        Values v = new Values();
        for (Iterator<Header> it = headers.getHeaders(); it.hasNext(); ) {
            Header h = it.next();
            String ns = h.getNamespaceURI();
            String local = h.getLocalPart();
            boolean mu = isMustUnderstand(h);
            if (!understands(ns, local)) {
                if (mu) {
                    notUnderstood.add(new QName(ns, local));
                }
                continue;
            }
            v.take(h, ns, local, mu);
        }
        if (!notUnderstood.isEmpty()) {
            throw new NotUnderstoodException(notUnderstood);
        }
        return v.finish();
    }

    /**
     * Returns the addressing version and raw MessageID of a request whatever else is wrong with it, so
     * that even a fault about its headers relates to it (fixture winrm-fault-invalid-message-information-header-response.xml).
     */
    static Correlation correlate(Message message) {
        MessageHeaders headers;
        try {
            headers = message.getHeaders();
        } catch (RuntimeException e) {
            return Correlation.NONE;
        }
        for (AddressingVersion version : AddressingVersion.values()) {
            Header id = headers.get(version.namespace(), "MessageID", false);
            if (id != null) {
                return new Correlation(version, id.getStringContent());
            }
        }
        return Correlation.NONE;
    }

    /** The addressing version of a request and its MessageID (null when it has none). */
    record Correlation(AddressingVersion addressing, String messageId) {
        /** A request whose headers cannot be read. */
        static final Correlation NONE = new Correlation(AddressingVersion.MEMBER_2004_08, null);
    }

    static boolean understands(String ns, String local) {
        return switch (ns) {
            case Namespaces.ADDRESSING, Namespaces.ADDRESSING_W3C -> ADDRESSING_HEADERS.contains(local);
            case Namespaces.WSMAN -> WSMAN_HEADERS.contains(local);
            case Namespaces.MSFT -> MSFT_HEADERS.contains(local);
            case Namespaces.SHELL -> local.equals("CompressionType");
            default -> false;
        };
    }

    /** SOAP 1.2 says env:mustUnderstand; pywinrm, Ruby and Go clients write it unqualified (wire.md §2.1). */
    private static boolean isMustUnderstand(Header h) {
        String value = h.getAttribute(Namespaces.SOAP, SOAP_MU);
        if (value == null) {
            value = h.getAttribute("", SOAP_MU);
        }
        if (value == null) {
            return false;
        }
        String t = value.trim();
        return t.equals("true") || t.equals("1");
    }

    /** The values found so far, and the checks on them. */
    private static final class Values {
        private final Map<String, Header> singles = new LinkedHashMap<>();
        private AddressingVersion addressing;
        private final List<Selector> selectors = new ArrayList<>();
        private final Map<String, List<String>> options = new LinkedHashMap<>();

        void take(Header h, String ns, String local, boolean mu) throws OperationException {
            AddressingVersion version = AddressingVersion.of(ns);
            if (version != null) {
                if (addressing != null && addressing != version) {
                    throw invalid("The request mixes two WS-Addressing versions.");
                }
                addressing = version;
            }
            if (singles.putIfAbsent(ns + "|" + local, h) != null) {
                throw invalid("The request contains more than one " + local + " header.");
            }
            if (mu && local.equals("Locale") && ns.equals(Namespaces.WSMAN)) {
                throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.LOCALE,
                        "The Locale header must not be mustUnderstand: data sources may not comply with a locale,"
                                + " so send it as a hint with mustUnderstand=\"false\".");
            }
            if (mu && local.equals("DataLocale")) {
                throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.DATA_LOCALE,
                        "The DataLocale header must not be mustUnderstand; send it with mustUnderstand=\"false\".");
            }
            if (local.equals("FragmentTransfer")) {
                throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.FRAGMENT_LEVEL_ACCESS,
                        "The service does not support fragment-level transfer (FragmentTransfer header).");
            }
            if (ns.equals(Namespaces.WSMAN) && local.equals("SelectorSet")) {
                readSelectors(h);
            } else if (ns.equals(Namespaces.WSMAN) && local.equals("OptionSet")) {
                readOptions(h);
            }
        }

        RequestHeaders finish() throws OperationException {
            AddressingVersion version = addressing == null ? AddressingVersion.MEMBER_2004_08 : addressing;
            String a = version.namespace();
            String messageId = raw(a, "MessageID");
            if (messageId != null && messageId.length() > 2048) {
                throw invalid("The MessageID header is longer than 2048 characters.");
            }
            String replyTo = address(a, "ReplyTo");
            checkAnonymous(version, "ReplyTo", replyTo);
            checkAnonymous(version, "FaultTo", address(a, "FaultTo"));
            String sequenceId = text(Namespaces.MSFT, "SequenceId");
            if (sequenceId != null && !sequenceId.matches("\\d{1,19}")) {
                throw invalid("The SequenceId header is not an unsigned number: " + sequenceId);
            }
            Header locale = singles.get(Namespaces.WSMAN + "|Locale");
            return new RequestHeaders(version, text(a, "Action"), messageId, text(a, "To"), replyTo,
                    text(Namespaces.WSMAN, "ResourceURI"), selectors, options,
                    maxEnvelopeSize(), Timeouts.parse(text(Namespaces.WSMAN, "OperationTimeout")),
                    locale == null ? null : locale.getAttribute(Namespaces.XML, "lang"),
                    text(Namespaces.MSFT, "SessionId"), text(Namespaces.MSFT, "ActivityId"));
        }

        private Long maxEnvelopeSize() throws OperationException {
            String text = text(Namespaces.WSMAN, "MaxEnvelopeSize");
            if (text == null) {
                return null;
            }
            long size;
            try {
                size = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid("The MaxEnvelopeSize header is not a number: " + text);
            }
            if (size < MIN_ENVELOPE_SIZE) {
                throw new OperationException(FaultKind.ENCODING_LIMIT, FaultDetail.MINIMUM_ENVELOPE_LIMIT,
                        "The MaxEnvelopeSize of " + text + " bytes is below the minimum of " + MIN_ENVELOPE_SIZE
                                + " bytes.");
            }
            return size;
        }

        private static void checkAnonymous(AddressingVersion version, String name, String address)
                throws OperationException {
            if (address != null && !address.equals(version.anonymous())
                    && !address.equals(AddressingVersion.MEMBER_2004_08.anonymous())) {
                throw new OperationException(FaultKind.UNSUPPORTED_FEATURE, FaultDetail.ADDRESSING_MODE,
                        "The " + name + " address must be the anonymous address " + version.anonymous()
                                + "; the service does not send replies elsewhere: " + address);
            }
        }

        private String raw(String ns, String local) {
            Header h = singles.get(ns + "|" + local);
            return h == null ? null : h.getStringContent();
        }

        private String text(String ns, String local) {
            String raw = raw(ns, local);
            return raw == null ? null : raw.trim();
        }

        /** The Address child of an endpoint reference header, trimmed; "" when it has none. */
        private String address(String ns, String local) throws OperationException {
            Header h = singles.get(ns + "|" + local);
            if (h == null) {
                return null;
            }
            try {
                XMLStreamReader r = h.readHeader();
                r.nextTag();
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Address")
                            && ns.equals(r.getNamespaceURI())) {
                        return r.getElementText().trim();
                    }
                }
                return "";
            } catch (XMLStreamException e) {
                throw invalid("The " + local + " header cannot be read.");
            }
        }

        private void readSelectors(Header h) throws OperationException {
            selectors.addAll(hvemu.operations.codec.Selectors.of(bind(h, SelectorSetType.class, "SelectorSet")));
        }

        private void readOptions(Header h) throws OperationException {
            OptionSet set = bind(h, OptionSet.class, "OptionSet");
            for (OptionType o : set.getOption()) {
                String value = o.getValue() == null ? "" : o.getValue().trim();
                options.computeIfAbsent(o.getName(), k -> new ArrayList<>()).add(value);
            }
        }

        private static <T> T bind(Header h, Class<T> type, String name) throws OperationException {
            try {
                XMLStreamReader r = h.readHeader();
                if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    r.nextTag();
                }
                return BINDINGS.unmarshal(r, type);
            } catch (XMLStreamException | JAXBException e) {
                throw invalid("The " + name + " header is not valid.");
            }
        }

        private static OperationException invalid(String message) {
            return new OperationException(FaultKind.INVALID_MESSAGE_INFORMATION_HEADER, message);
        }
    }
}
