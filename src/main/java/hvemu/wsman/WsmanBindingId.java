package hvemu.wsman;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.encoding.SOAPBindingCodec;
import jakarta.xml.ws.soap.SOAPBinding;

/**
 * The SOAP 1.2 over HTTP binding with hvemu's {@link TolerantCodec} in front of Metro's codec.
 *
 * <p>It is the standard binding in every other respect (its lexical form is the SOAP 1.2 HTTP binding
 * URI), so Metro treats the endpoint as a normal SOAP 1.2 endpoint.
 */
public final class WsmanBindingId extends BindingID {
    /** The one instance. */
    public static final WsmanBindingId SOAP12 = new WsmanBindingId();

    private WsmanBindingId() {
    }

    @Override
    public SOAPVersion getSOAPVersion() {
        return SOAPVersion.SOAP_12;
    }

    @Override
    public Codec createEncoder(WSBinding binding) {
        return new TolerantCodec(new SOAPBindingCodec(binding.getFeatures()));
    }

    @Override
    public String toString() {
        return SOAPBinding.SOAP12HTTP_BINDING;
    }
}
