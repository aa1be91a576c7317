package hvemu.cim;

/**
 * A method parameter.
 *
 * @param referenceClass the class a REF parameter points to, or null
 * @param in whether the client sends it (IN, and not IN(false))
 * @param out whether the method returns it
 */
public record CimParameter(String name, CimType type, String referenceClass, boolean array, boolean in, boolean out,
        Qualifiers qualifiers) {

    /** Returns the class named by the EmbeddedInstance qualifier, or null. */
    public String embeddedInstance() {
        return qualifiers.string("EmbeddedInstance");
    }
}
