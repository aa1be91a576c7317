package hvemu.cim.binding;

import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.annotation.W3CDomHandler;
import javax.xml.transform.dom.DOMResult;

/**
 * JAXB's handler for the elements of a reference, building them into {@link Documents} (a builder per
 * thread). JAXB's default handler makes a new document builder for every reference it reads, which
 * cost about half of an Invoke.
 */
public final class ReferenceDomHandler extends W3CDomHandler {
    @Override
    public DOMResult createUnmarshaller(ValidationEventHandler errorHandler) {
        return new DOMResult(Documents.newDocument());
    }
}
