package hvemu.transport;

import com.sun.xml.ws.transport.http.servlet.WSServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Metro's servlet, without the HTML page of endpoints it serves on GET (stack.md P9): WinRM answers
 * POST only. {@link WsmanFilter} answers other methods first; this is the second line.
 */
final class WsmanServlet extends WSServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", "POST");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
