package hvemu.provider;

import hvemu.cim.ObjectPath;
import java.time.Duration;

/**
 * Serves methods through typed bindings generated from the class schemas in {@code schemas/cim}
 * (DSP0230, as OMI's generated provider skeletons are typed): the input is the generated
 * {@code <Method>INPUT} object, the output the generated {@code <Method>OUTPUT}.
 * Implementations must be thread-safe.
 */
public interface TypedMethodProvider {
    /** Returns the package of the generated bindings whose {@code <Method>_INPUT} elements it takes. */
    Package bindings();

    /** Returns the namespace of those elements, the DMTF URI of the class whose schema they come from. */
    String bindingNamespace();

    /**
     * Runs a method.
     *
     * @param input the generated INPUT object of the method
     * @return the generated OUTPUT object, or null when the method is not served (ReturnValue 1)
     */
    Object invoke(ObjectPath target, Object input, Duration timeout);
}
