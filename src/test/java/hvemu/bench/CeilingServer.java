package hvemu.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling for {@code scripts/bench}: plain Jetty that reads the request body and answers a canned
 * Identify reply, with no SOAP stack at all. Run: {@code java -cp target/test-classes:target/hvemu.jar
 * hvemu.bench.CeilingServer <port>}.
 */
public final class CeilingServer {
    private static final byte[] REPLY = ("<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<s:Header/><s:Body><wsmid:IdentifyResponse xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/"
            + "wsmanidentity.xsd\"><wsmid:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
            + "</wsmid:ProtocolVersion><wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor>"
            + "<wsmid:ProductVersion>OS: 10.0.20348 SP: 0.0 Stack: 3.0</wsmid:ProductVersion>"
            + "</wsmid:IdentifyResponse></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);

    private CeilingServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new QueuedThreadPool(64, 4));
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.asByteBuffer(request);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/soap+xml;charset=UTF-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, REPLY.length);
                response.write(true, ByteBuffer.wrap(REPLY), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
