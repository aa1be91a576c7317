package hvemu.cim;

import java.util.List;
import java.util.Optional;

/**
 * An extrinsic method of a class.
 *
 * @param returnType the type of ReturnValue (uint32 for every method hvemu serves)
 * @param parameters the parameters in declaration order
 * @param classOrigin the class that declared the method
 */
public record CimMethod(String name, CimType returnType, List<CimParameter> parameters, Qualifiers qualifiers,
        String classOrigin) {
    public CimMethod {
        parameters = List.copyOf(parameters);
    }

    /** Returns the parameter of that name (case-insensitive). */
    public Optional<CimParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }
}
