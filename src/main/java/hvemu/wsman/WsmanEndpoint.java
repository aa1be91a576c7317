package hvemu.wsman;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.server.WSWebServiceContext;
import hvemu.operations.FaultKind;
import hvemu.operations.MethodOverride;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import hvemu.operations.OperationRequest;
import hvemu.operations.Reply;
import jakarta.annotation.Resource;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WS-Management endpoint: one Metro {@code Provider<Message>} that receives every request on
 * {@code /wsman}, in MESSAGE mode, so that headers are read from Metro's buffered header list and the
 * body is streamed, never held as a document (stack.md §3.1, §5).
 *
 * <p>Metro passes every header in MESSAGE mode as understood, so this endpoint does the mustUnderstand
 * check itself ({@link HeaderReader}). Every outcome is a reply or a WS-Man fault; nothing a client
 * sends makes the endpoint throw. Thread-safe: one instance serves all requests.
 */
@WebServiceProvider(serviceName = "WsmanService", portName = "WsmanPort", targetNamespace = "urn:hvemu:wsman")
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public final class WsmanEndpoint implements Provider<Message> {
    private static final Logger LOG = LoggerFactory.getLogger(WsmanEndpoint.class);

    @Resource
    private WebServiceContext context;

    private final Dispatcher dispatcher;
    private final EndpointSettings settings;
    private final FaultInjector injector;

    /** An endpoint that injects no faults. */
    public WsmanEndpoint(Dispatcher dispatcher, EndpointSettings settings) {
        this(dispatcher, settings, FaultInjector.NONE);
    }

    /** An endpoint that asks {@code injector} for an effect on every request whose headers it could read. */
    public WsmanEndpoint(Dispatcher dispatcher, EndpointSettings settings, FaultInjector injector) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.injector = Objects.requireNonNull(injector, "injector");
    }

    @Override
    public Message invoke(Message request) {
        long start = System.nanoTime();
        Exchange exchange = exchange();
        RequestHeaders headers = null;
        HeaderReader.Correlation correlation = HeaderReader.Correlation.NONE;
        Message reply;
        try {
            correlation = HeaderReader.correlate(request);
            OperationException rejected = Rejection.of(context);
            if (rejected != null) {
                throw rejected;
            }
            headers = HeaderReader.read(request);
            exchange.headers(headers);
            Injection injection = injector.inject(exchange);
            exchange.injection(injection);
            reply = injection == null ? handle(request, headers, null) : injected(request, headers, injection);
        } catch (NotUnderstoodException e) {
            reply = fault(request, exchange, correlation, FaultKind.MUST_UNDERSTAND,
                    new OperationException(FaultKind.MUST_UNDERSTAND,
                            "The header " + e.headers().get(0) + " is marked mustUnderstand and is not understood."),
                    Faults.notUnderstood(e.headers()));
        } catch (OperationException e) {
            reply = fault(request, exchange, correlation, e.kind(), e, null);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Never Metro's fault: it would put the exception's text in the reply (stack.md P7).
            LOG.warn("request failed inside the service", e);
            reply = fault(request, exchange, correlation, FaultKind.INTERNAL_ERROR,
                    new OperationException(FaultKind.INTERNAL_ERROR, "The service failed while processing the request."),
                    null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("exchange action={} resourceUri={} messageId={} status={} micros={}",
                    headers == null ? null : headers.action(), headers == null ? null : headers.resourceUri(),
                    correlation.messageId(), reply.isFault() ? 500 : 200,
                    (System.nanoTime() - start) / 1000);
        }
        return reply;
    }

    /**
     * Applies an injected effect this layer owns: a fault from the table (with Windows' text for it), or a
     * method's override handed to the operation. The transport's own effects need no processing: the
     * reply made here for an HTTP status or a dropped connection is never sent.
     */
    private Message injected(Message request, RequestHeaders headers, Injection injection) throws OperationException {
        Injection.Effect effect = injection.effect();
        if (effect instanceof Injection.Fault f) {
            throw new OperationException(f.kind(), FaultTable.row(f.kind()).reason());
        }
        if (effect instanceof Injection.HttpStatus || effect instanceof Injection.Drop) {
            return Messages.createEmpty(SOAPVersion.SOAP_12);
        }
        return handle(request, headers, effect instanceof Injection.Method m ? m.override() : null);
    }

    /** Returns the exchange the transport carries with the request, or a new one when it carries none. */
    private Exchange exchange() {
        if (context != null && context.getMessageContext().get(MessageContext.SERVLET_REQUEST)
                instanceof Exchange.Carrier carrier) {
            return carrier.exchange();
        }
        return new Exchange();
    }

    private Message handle(Message request, RequestHeaders headers, MethodOverride override) throws OperationException {
        MetroRequestBody body = new MetroRequestBody(request);
        Dispatcher.Route route = dispatcher.route(headers, body.element());
        boolean identify = Dispatcher.isIdentify(body.element());
        if (!route.readsBody()) {
            body.drain();
        }
        boolean authenticated = context == null || context.getUserPrincipal() != null;
        if (!authenticated && !identify) {
            // The transport lets unauthenticated requests through only when they are Identify.
            throw new IllegalStateException("unauthenticated request reached the dispatcher");
        }
        OperationRequest operationRequest = new OperationRequest(headers.action(), headers.resourceUri(), headers.selectors(),
                headers.options(), envelopeLimit(headers), timeout(headers), headers.locale(), authenticated,
                overTls(), body, override);
        Reply result = route.operation().execute(operationRequest);
        ReplyEnvelope.Style style = identify ? ReplyEnvelope.Style.IDENTIFY
                : result.action() != null && result.action().startsWith(Namespaces.ENUMERATION)
                        ? ReplyEnvelope.Style.ENUMERATION : ReplyEnvelope.Style.TRANSFER;
        String action = identify ? null : result.action();
        return new ReplyMessage(new ReplyEnvelope(style, headers.addressing(), action, settings.messageIds().get(),
                headers.relatesTo(), null, result.body(), !identify || authenticated), false);
    }

    /** Returns true when the request came over TLS, as Metro's servlet transport records it. */
    private boolean overTls() {
        return context instanceof WSWebServiceContext metro && metro.getRequestPacket() != null
                && metro.getRequestPacket().wasTransportSecure;
    }

    private long envelopeLimit(RequestHeaders headers) {
        Long asked = headers.maxEnvelopeSize();
        return asked == null ? settings.maxEnvelopeSize() : Math.min(asked, settings.maxEnvelopeSize());
    }

    private Duration timeout(RequestHeaders headers) {
        Duration asked = headers.operationTimeout();
        return asked == null || asked.compareTo(settings.maxTimeout()) > 0 ? settings.maxTimeout() : asked;
    }

    /** A fault reply, in the MI client's form when the request carries its options ({@link MiClient}). */
    private Message fault(Message request, Exchange exchange, HeaderReader.Correlation correlation, FaultKind kind,
            OperationException e,
            hvemu.operations.BodyWriter extraHeaders) {
        exchange.fault(kind);
        return new ReplyMessage(new ReplyEnvelope(ReplyEnvelope.Style.FAULT, correlation.addressing(),
                Faults.action(kind), settings.messageIds().get(), correlation.messageId(), extraHeaders,
                Faults.body(e, machine(), MiClient.sent(request)), true), true);
    }

    /** Windows reports the machine as the client addressed it: the Host header without its port. */
    private String machine() {
        if (context == null) {
            return "";
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> http = (Map<String, List<String>>) context.getMessageContext()
                .get(MessageContext.HTTP_REQUEST_HEADERS);
        if (http == null) {
            return "";
        }
        for (Map.Entry<String, List<String>> h : http.entrySet()) {
            if ("Host".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                String host = h.getValue().get(0);
                return host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
            }
        }
        return "";
    }

    /** Returns the qualified name Metro knows this endpoint's service by. */
    public static QName serviceName() {
        return new QName("urn:hvemu:wsman", "WsmanService");
    }

    /** Returns the qualified name Metro knows this endpoint's port by. */
    public static QName portName() {
        return new QName("urn:hvemu:wsman", "WsmanPort");
    }
}
