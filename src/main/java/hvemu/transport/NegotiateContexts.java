package hvemu.transport;

import hvemu.transport.auth.NegotiateContext;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;

/**
 * Keeps each connection's Negotiate context as an attribute of Jetty's connection (a
 * {@link ConnectionMetaData}, whose attributes live as long as the connection), and, as a
 * {@link Connection.Listener} bean of the connectors, ends it when the connection closes. NTLM over HTTP
 * authenticates the connection, not the request (RFC 4559 §4.2 and clients.md: pywinrm, winrm4j and Go keep
 * one connection; winrm-client makes one per request).
 */
final class NegotiateContexts implements Connection.Listener {
    private static final String ATTRIBUTE = NegotiateContext.class.getName();

    static NegotiateContext of(ConnectionMetaData connection) {
        return (NegotiateContext) connection.getAttribute(ATTRIBUTE);
    }

    static void set(ConnectionMetaData connection, NegotiateContext context) {
        drop(connection);
        connection.setAttribute(ATTRIBUTE, context);
    }

    static void drop(ConnectionMetaData connection) {
        if (connection.removeAttribute(ATTRIBUTE) instanceof NegotiateContext context) {
            context.fail();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof ConnectionMetaData metaData) {
            drop(metaData);
        }
    }
}
