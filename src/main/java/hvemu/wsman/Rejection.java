package hvemu.wsman;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.message.Packet;
import hvemu.operations.OperationException;
import jakarta.xml.ws.WebServiceContext;

/**
 * Carries the reason a request could not be decoded from {@link TolerantCodec} to {@link WsmanEndpoint},
 * as a property of Metro's packet: the packet's message becomes an empty envelope, and the endpoint
 * answers with the fault instead of processing it. (Metro wraps every request message before the
 * endpoint sees it, so the message itself cannot carry the reason.)
 */
final class Rejection {
    private static final String PROPERTY = Rejection.class.getName();

    private Rejection() {
    }

    /** Marks the packet's request as rejected for the given reason. */
    static void reject(Packet packet, OperationException reason) {
        packet.setMessage(Messages.createEmpty(SOAPVersion.SOAP_12));
        packet.invocationProperties.put(PROPERTY, reason);
    }

    /** Returns the reason the current request was rejected, or null when it was decoded. */
    static OperationException of(WebServiceContext context) {
        return context == null ? null : (OperationException) context.getMessageContext().get(PROPERTY);
    }
}
