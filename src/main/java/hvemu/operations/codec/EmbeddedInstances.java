package hvemu.operations.codec;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.CimMethod;
import hvemu.cim.CimParameter;
import hvemu.cim.cimxml.CimXml;
import hvemu.cim.schema.Schema;
import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Brings the two forms of an embedded-instance parameter ({@code [EmbeddedInstance("C")] string}) to
 * one, the CIM-XML text Hyper-V and libvirt use (wire.md §3.4): an INPUT parameter that holds elements
 * rather than text, as the MI client sends it, is decoded by the MOF of its class and replaced by that
 * instance written as CIM-XML. Two element forms are read: the parameter element itself typed
 * {@code xsi:type="<Class>_Type"} with one child per property, or one child element named after the
 * class holding the properties. Providers then see one form.
 */
public final class EmbeddedInstances {
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    private EmbeddedInstances() {
    }

    /** Rewrites, in place, every embedded-instance parameter of {@code input} that holds elements. */
    public static void inline(Element input, CimMethod method, Schema schema) throws OperationException {
        for (Element parameter : children(input)) {
            CimParameter p = method.parameters().stream()
                    .filter(x -> x.in() && x.name().equalsIgnoreCase(parameter.getLocalName())).findFirst().orElse(null);
            if (p == null || p.embeddedInstance() == null || children(parameter).isEmpty()) {
                continue;
            }
            CimInstance instance = decode(parameter, p, schema);
            while (parameter.getFirstChild() != null) {
                parameter.removeChild(parameter.getFirstChild());
            }
            parameter.removeAttributeNS(Namespaces.XSI, "type");
            parameter.setTextContent(CimXml.write(schema, instance));
        }
    }

    private static CimInstance decode(Element parameter, CimParameter p, Schema schema) throws OperationException {
        Element holder = parameter;
        CimClass cls = typed(parameter, p, schema);
        List<Element> children = children(parameter);
        if (cls == null && children.size() == 1) {
            cls = schema.find(children.get(0).getLocalName()).filter(c -> schema.isA(c.name(), p.embeddedInstance()))
                    .orElse(null);
            if (cls != null) {
                holder = children.get(0);
            }
        }
        if (cls == null) {
            cls = schema.find(p.embeddedInstance()).orElseThrow(() -> new OperationException(FaultKind.INVALID_PARAMETER,
                    FaultDetail.INVALID_VALUE, "The parameter " + p.name() + " embeds " + p.embeddedInstance()
                            + ", a class this namespace does not have."));
        }
        try {
            XMLStreamReader in = INPUT.createXMLStreamReader(new DOMSource(holder));
            in.nextTag();
            Map<String, Object> values = InstanceDecoder.decode(in, cls, schema.namespace());
            return CimInstance.of(cls.name(), values);
        } catch (XMLStreamException e) {
            throw new OperationException(FaultKind.INVALID_PARAMETER, FaultDetail.INVALID_VALUE,
                    "The embedded instance in " + p.name() + " cannot be read: " + e.getMessage());
        } catch (OperationException e) {
            throw new OperationException(FaultKind.INVALID_PARAMETER, FaultDetail.INVALID_VALUE,
                    "The embedded instance in " + p.name() + ": " + e.getMessage());
        }
    }

    /** The class an {@code xsi:type="[prefix:]<Class>_Type"} on the parameter names, if it is one the parameter may embed. */
    private static CimClass typed(Element parameter, CimParameter p, Schema schema) {
        String type = parameter.getAttributeNS(Namespaces.XSI, "type");
        String local = type.substring(type.indexOf(':') + 1);
        if (!local.endsWith("_Type")) {
            return null;
        }
        return schema.find(local.substring(0, local.length() - "_Type".length()))
                .filter(c -> schema.isA(c.name(), p.embeddedInstance())).orElse(null);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }
}
