package hvemu.cim;

import java.util.Objects;

/**
 * A property or reference of a class.
 *
 * @param name the name as declared
 * @param type the CIM type; {@link CimType#REFERENCE} for a reference
 * @param referenceClass the class a reference points to, or null
 * @param array whether the property holds an array
 * @param defaultValue the declared default, or null
 * @param qualifiers the qualifiers, merged down the class chain
 * @param classOrigin the class that first declared the property
 */
public record CimProperty(String name, CimType type, String referenceClass, boolean array, Object defaultValue,
        Qualifiers qualifiers, String classOrigin) {
    public CimProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(qualifiers, "qualifiers");
    }

    /** Returns true when the property is a key. */
    public boolean isKey() {
        return qualifiers.is("Key");
    }

    /** Returns the class named by the EmbeddedInstance qualifier, or null. */
    public String embeddedInstance() {
        return qualifiers.string("EmbeddedInstance");
    }
}
