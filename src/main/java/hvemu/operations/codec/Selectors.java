package hvemu.operations.codec;

import hvemu.operations.Selector;
import hvemu.wsman.binding.addressing.EndpointReferenceType;
import hvemu.wsman.binding.wsman.AttributableURI;
import hvemu.wsman.binding.wsman.SelectorSetType;
import hvemu.wsman.binding.wsman.SelectorType;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;

/** Reads bound selector sets and endpoint references into {@link Selector}s. */
public final class Selectors {
    private Selectors() {
    }

    /** Returns the selectors of a set; one holding an endpoint reference becomes a reference selector. */
    public static List<Selector> of(SelectorSetType set) {
        List<Selector> out = new ArrayList<>();
        for (SelectorType s : set.getSelector()) {
            StringBuilder text = new StringBuilder();
            Selector.Reference reference = null;
            for (Object part : s.getContent()) {
                if (part instanceof String str) {
                    text.append(str);
                } else if (part instanceof JAXBElement<?> e && e.getValue() instanceof EndpointReferenceType epr) {
                    reference = referenceOf(epr);
                }
            }
            out.add(new Selector(s.getName(), text.toString().trim(), reference));
        }
        return out;
    }

    /** Returns the resource URI and selectors of an endpoint reference. */
    public static Selector.Reference referenceOf(EndpointReferenceType epr) {
        String uri = null;
        List<Selector> nested = List.of();
        if (epr.getReferenceParameters() != null) {
            for (Object o : epr.getReferenceParameters().getAny()) {
                Object v = o instanceof JAXBElement<?> e ? e.getValue() : o;
                if (v instanceof AttributableURI u) {
                    uri = u.getValue() == null ? null : u.getValue().trim();
                } else if (v instanceof SelectorSetType set) {
                    nested = of(set);
                }
            }
        }
        return new Selector.Reference(uri, nested);
    }
}
