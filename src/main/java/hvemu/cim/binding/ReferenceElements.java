package hvemu.cim.binding;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The XML form of a reference: the children of an endpoint reference, as elements. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class ReferenceElements {
    @XmlAnyElement(ReferenceDomHandler.class)
    private List<Element> elements = new ArrayList<>();

    public ReferenceElements() {
    }

    public ReferenceElements(List<Element> elements) {
        this.elements = new ArrayList<>(elements);
    }

    /** Returns the EPR children (wsa:Address, wsa:ReferenceParameters). */
    public List<Element> elements() {
        return elements;
    }
}
