package hvemu.wsman;

import hvemu.operations.FaultKind;
import hvemu.operations.OperationException;
import java.time.Duration;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/** Parses {@code w:OperationTimeout}, an xs:duration such as {@code PT60.000S} (DSP0226 §6.1). */
final class Timeouts {
    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Timeouts() {
    }

    /**
     * Returns the duration, or null for null text.
     *
     * @throws OperationException {@code a:InvalidMessageInformationHeader} for text that is not a
     *     positive duration, with Windows' message (fixture winrm-fault-invalid-message-information-header-response.xml)
     */
    static Duration parse(String text) throws OperationException {
        if (text == null) {
            return null;
        }
        try {
            javax.xml.datatype.Duration d = FACTORY.newDuration(text);
            long millis = d.getTimeInMillis(new java.util.Date(0));
            if (d.getSign() > 0 && millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // falls through to the fault below
        }
        throw new OperationException(FaultKind.INVALID_MESSAGE_INFORMATION_HEADER,
                "The XML contains an invalid timeout field in the SOAP header: " + text + ".");
    }
}
