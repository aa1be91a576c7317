package hvemu.provider;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import java.util.List;
import java.util.Optional;

/**
 * Serves the instances of a class family. Implementations must be thread-safe.
 */
public interface InstanceProvider {
    /** Returns the instance at a path; the path's class may be a base class of the instance's. */
    Optional<CimInstance> get(ObjectPath path);

    /** Returns the instances of a class and of its subclasses that this provider serves. */
    List<CimInstance> enumerate(String className);

    /** Returns the instances of a class (or its subclasses) this provider serves that refer to {@code target}. */
    List<CimInstance> referencing(ObjectPath target, String className);
}
