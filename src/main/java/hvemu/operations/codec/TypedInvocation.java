package hvemu.operations.codec;

import hvemu.cim.CimMethod;
import hvemu.cim.CimType;
import hvemu.cim.ObjectPath;
import hvemu.cim.binding.Documents;
import hvemu.cim.binding.ReferenceAdapter;
import hvemu.cim.binding.ReferenceElements;
import hvemu.operations.FaultKind;
import hvemu.operations.Namespaces;
import hvemu.operations.OperationException;
import hvemu.provider.TypedMethodProvider;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Carries a method call through the typed bindings of {@code schemas/cim}: the INPUT element, already
 * checked against the MOF signature, renamed into the bindings' namespace and unmarshalled by its
 * element name; the provider's OUTPUT object marshalled and read back by the signature. REF fields
 * travel through a {@link ReferenceAdapter} made for the request's namespace and URI style.
 */
public final class TypedInvocation {
    private static final Map<Package, Binding> BINDINGS = new ConcurrentHashMap<>();
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** A bindings package's context, with an unmarshaller and a marshaller per thread (neither is thread-safe). */
    private record Binding(ThreadLocal<Unmarshaller> unmarshaller, ThreadLocal<Marshaller> marshaller) {
        static Binding of(TypedMethodProvider provider) {
            Package p = provider.bindings();
            JAXBContext context;
            try {
                context = JAXBContext.newInstance(p.getName(), provider.getClass().getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("typed bindings cannot be loaded: " + p.getName(), e);
            }
            return new Binding(ThreadLocal.withInitial(() -> made(context::createUnmarshaller)),
                    ThreadLocal.withInitial(() -> made(context::createMarshaller)));
        }

        private static <T> T made(JaxbFactory<T> factory) {
            try {
                return factory.make();
            } catch (JAXBException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    private interface JaxbFactory<T> {
        T make() throws JAXBException;
    }

    private TypedInvocation() {
    }

    /** Returns the typed INPUT object of the request's INPUT element (a detached copy of the body). */
    public static Object input(Element inputElement, CimMethod method, TypedMethodProvider provider, String namespace,
            ResourceUri style) throws OperationException {
        wrapDateTimes(inputElement, method);
        rename(inputElement, inputElement.getNamespaceURI(), provider.bindingNamespace());
        try {
            Unmarshaller u = binding(provider).unmarshaller().get();
            u.setAdapter(ReferenceAdapter.class, adapter(namespace, style));
            return u.unmarshal(inputElement);
        } catch (JAXBException | RuntimeException e) {
            throw new OperationException(FaultKind.INVALID_PARAMETER, "The parameters cannot be read: " + e.getMessage());
        }
    }

    /** Returns ReturnValue and the OUT parameters of a typed OUTPUT object, by the method's signature. */
    public static Map.Entry<Long, Map<String, Object>> output(Object output, CimMethod method, TypedMethodProvider provider,
            String namespace, ResourceUri style) throws OperationException {
        try {
            Document doc = Documents.newDocument();
            Marshaller m = binding(provider).marshaller().get();
            m.setAdapter(ReferenceAdapter.class, adapter(namespace, style));
            m.marshal(output, doc);
            XMLStreamReader in = INPUT.createXMLStreamReader(new DOMSource(doc));
            in.nextTag();
            return ParameterDecoder.decodeOutput(in, method, namespace);
        } catch (JAXBException | XMLStreamException e) {
            throw new OperationException(FaultKind.INTERNAL_ERROR, "The method's output cannot be written.");
        }
    }

    private static Binding binding(TypedMethodProvider provider) {
        return BINDINGS.computeIfAbsent(provider.bindings(), p -> Binding.of(provider));
    }

    /**
     * Renames the element and its children of namespace {@code from} into {@code to}, and drops the
     * xsi:type attributes the MI client writes with undeclared prefixes (wire.md §2.1).
     */
    private static void rename(Element e, String from, String to) {
        Document doc = e.getOwnerDocument();
        List<Element> all = new ArrayList<>();
        all.add(e);
        NodeList descendants = e.getElementsByTagNameNS(from, "*");
        for (int i = 0; i < descendants.getLength(); i++) {
            all.add((Element) descendants.item(i));
        }
        for (Element el : all) {
            el.removeAttributeNS(Namespaces.XSI, "type");
            if (from.equals(el.getNamespaceURI())) {
                doc.renameNode(el, to, el.getLocalName());
            }
        }
    }

    /**
     * Moves the text of a datetime parameter given bare
     * ({@code <p:TimeoutPeriod>00000000000030.000000:000</p:TimeoutPeriod>}, a form the signature check
     * accepts, wire.md §3.4) into {@code cim:CIM_DateTime}, the element of {@code cim:cimDateTime} that
     * holds any text form, so the typed binding does not lose it.
     */
    private static void wrapDateTimes(Element input, CimMethod method) {
        for (Node n = input.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !method.parameter(e.getLocalName()).map(p -> p.type() == CimType.DATETIME)
                    .orElse(false) || "true".equals(e.getAttributeNS(Namespaces.XSI, "nil"))) {
                continue;
            }
            boolean bare = true;
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                bare &= !(c instanceof Element);
            }
            String text = e.getTextContent().strip();
            if (bare && !text.isEmpty()) {
                e.setTextContent(null);
                Element wrapped = e.getOwnerDocument().createElementNS(Namespaces.CIM, "cim:CIM_DateTime");
                wrapped.setTextContent(text);
                e.appendChild(wrapped);
            }
        }
    }

    private static ReferenceAdapter adapter(String namespace, ResourceUri style) {
        return new ReferenceAdapter(xml -> read(xml, namespace), path -> write(path, style));
    }

    private static ObjectPath read(ReferenceElements xml, String namespace) {
        try {
            Document doc = Documents.newDocument();
            Element wrapper = doc.createElementNS(Namespaces.WSMAN, "wsman:Reference");
            doc.appendChild(wrapper);
            for (Element child : xml.elements()) {
                wrapper.appendChild(doc.importNode(child, true));
            }
            XMLStreamReader in = INPUT.createXMLStreamReader(new DOMSource(doc));
            in.nextTag();
            return EprReader.read(in, namespace);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("a reference cannot be read", e);
        }
    }

    private static ReferenceElements write(ObjectPath path, ResourceUri style) {
        try {
            Document doc = Documents.newDocument();
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(new DOMResult(doc));
            out.writeStartElement("wsman", "Reference", Namespaces.WSMAN);
            EprWriter.declare(out);
            EprWriter.writeChildren(out, path, style);
            out.writeEndElement();
            out.close();
            List<Element> children = new ArrayList<>();
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el) {
                    children.add(el);
                }
            }
            return new ReferenceElements(children);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a reference cannot be written", e);
        }
    }
}
