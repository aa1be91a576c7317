package hvemu.provider;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the instances of a class family. Implementations must be thread-safe.
 *
 * <p>Reading is required; {@link #modify} and {@link #delete} refuse with NOT_SUPPORTED unless the
 * family allows them, as OMI's generated provider stubs do (STYLE.md §2).
 */
public interface InstanceProvider {
    /** Returns the instance at a path; the path's class may be a base class of the instance's. */
    Optional<CimInstance> get(ObjectPath path);

    /** Returns the instances of a class and of its subclasses that this provider serves. */
    List<CimInstance> enumerate(String className);

    /** Returns the instances of a class (or its subclasses) this provider serves that refer to {@code target}. */
    List<CimInstance> referencing(ObjectPath target, String className);

    /**
     * Changes the instance at a path to the values a client sent, atomically: every value is checked
     * before anything is written, and a refusal changes nothing.
     *
     * @param values the values sent, by property name (any case); a NULL value sets NULL. Properties not
     *     sent keep their values, and a value equal to the stored one is no change.
     * @return the instance as it is after the change
     * @throws CimException NOT_FOUND when there is no such instance; ACCESS_DENIED when a value would
     *     change a key, a property without {@code Write}, or one the family keeps; INVALID_PARAMETER or
     *     NO_SUCH_PROPERTY for a value the property cannot take; NOT_SUPPORTED when the family's instances
     *     cannot be modified (the default)
     */
    default CimInstance modify(ObjectPath path, Map<String, Object> values) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "The instances of " + path.className() + " cannot be modified.");
    }

    /**
     * Deletes the instance at a path, with what belongs to it, atomically.
     *
     * @throws CimException NOT_FOUND when there is no such instance; ACCESS_DENIED when the instance cannot
     *     be deleted in its present state; NOT_SUPPORTED when the family's instances are not deleted so
     *     (the default)
     */
    default void delete(ObjectPath path) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "The instances of " + path.className()
                + " cannot be deleted.");
    }
}
