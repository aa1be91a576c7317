package hvemu.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the admin API on the WS-Man port: the same credentials as WS-Man (no unauthenticated exception),
 * a bounded body, JSON replies with a Content-Length.
 */
final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "application/json";

    private final transient AdminHandler handler;
    private final transient BasicCheck basic;
    private final int maxRequestBytes;

    AdminServlet(AdminHandler handler, BasicCheck basic, int maxRequestBytes) {
        this.handler = handler;
        this.basic = basic;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Server", WsmanFilter.SERVER);
        BasicCheck.Verdict verdict = basic.check(request);
        if (verdict == BasicCheck.Verdict.NOT_HERE) {
            reply(response, new AdminHandler.Reply(401, new byte[0], null));
            return;
        }
        if (verdict == BasicCheck.Verdict.REFUSED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            reply(response, new AdminHandler.Reply(401, new byte[0], null));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.setHeader("Connection", "close");
            reply(response, new AdminHandler.Reply(413, new byte[0], null));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            response.setHeader("Connection", "close");
            reply(response, new AdminHandler.Reply(413, new byte[0], null));
            return;
        }
        // The raw path: the route table decodes each segment once.
        String path = request.getRequestURI().substring(AdminHandler.PREFIX.length());
        reply(response, handler.handle(request.getMethod(), path, request.getQueryString(), body));
    }

    private static void reply(HttpServletResponse response, AdminHandler.Reply reply) throws IOException {
        response.setStatus(reply.status());
        if (reply.allow() != null) {
            response.setHeader("Allow", reply.allow());
        }
        if (reply.body().length > 0) {
            response.setContentType(CONTENT_TYPE);
        }
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }
}
