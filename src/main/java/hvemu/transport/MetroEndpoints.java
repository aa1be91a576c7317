package hvemu.transport;

import com.sun.xml.ws.api.server.BoundEndpoint;
import com.sun.xml.ws.api.server.Container;
import com.sun.xml.ws.api.server.InstanceResolver;
import com.sun.xml.ws.api.server.Module;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.binding.BindingImpl;
import com.sun.xml.ws.developer.SerializationFeature;
import com.sun.xml.ws.transport.http.servlet.ServletAdapter;
import com.sun.xml.ws.transport.http.servlet.ServletAdapterList;
import com.sun.xml.ws.transport.http.servlet.WSServlet;
import com.sun.xml.ws.transport.http.servlet.WSServletDelegate;
import hvemu.wsman.WsmanBindingId;
import hvemu.wsman.WsmanEndpoint;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.xml.ws.WebServiceFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the WS-Man endpoint with Metro's servlet runtime in code, doing what Metro's
 * {@code WSServletContextListener} does from {@code sun-jaxws.xml}, but with our endpoint instance and
 * binding (stack.md §3.2).
 */
final class MetroEndpoints implements ServletContextListener {
    private final WsmanEndpoint endpoint;
    private WSServletDelegate delegate;

    MetroEndpoints(WsmanEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servletContext = event.getServletContext();
        // Replies are always UTF-8, whatever the request's charset (wire.md §6).
        BindingImpl binding = BindingImpl.create(WsmanBindingId.SOAP12,
                new WebServiceFeature[] {new SerializationFeature("UTF-8")});
        WSEndpoint<WsmanEndpoint> ws = WSEndpoint.create(WsmanEndpoint.class, false,
                InstanceResolver.createSingleton(endpoint).createInvoker(), WsmanEndpoint.serviceName(),
                WsmanEndpoint.portName(), new EmbeddedContainer(servletContext), binding, null, null, null, true);
        ServletAdapter adapter = new ServletAdapterList(servletContext).createAdapter("wsman", WsmanHttpServer.PATH, ws);
        delegate = new WSServletDelegate(List.of(adapter), servletContext);
        servletContext.setAttribute(WSServlet.JAXWS_RI_RUNTIME_INFO, delegate);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (delegate != null) {
            delegate.destroy();
        }
    }

    /** The container Metro asks for its ServletContext and Module; without it Metro warns per endpoint. */
    private static final class EmbeddedContainer extends Container {
        private final ServletContext servletContext;
        private final Module module = new Module() {
            private final List<BoundEndpoint> endpoints = new ArrayList<>();

            @Override
            public List<BoundEndpoint> getBoundEndpoints() {
                return endpoints;
            }
        };

        EmbeddedContainer(ServletContext servletContext) {
            this.servletContext = servletContext;
        }

        @Override
        public <T> T getSPI(Class<T> spiType) {
            if (spiType == ServletContext.class) {
                return spiType.cast(servletContext);
            }
            if (spiType == Module.class) {
                return spiType.cast(module);
            }
            return null;
        }
    }
}
