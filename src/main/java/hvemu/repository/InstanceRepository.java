package hvemu.repository;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The instances of a namespace, keyed by object path, polymorphic by the class hierarchy.
 *
 * <p>Key names and string key values compare case-insensitively. Reads see a consistent state;
 * {@link #update} applies several changes atomically, so a pool and its associations appear together
 * or not at all; {@link #snapshot} and {@link #restore} save every instance and put them back. Implementations
 * must be thread-safe.
 */
public interface InstanceRepository {
    /**
     * Returns the instance at a path. The path's class may be a base class of the instance's class
     * (a request for {@code CIM_ResourcePool} finds a {@code Msvm_ResourcePool}).
     */
    Optional<CimInstance> get(ObjectPath path);

    /** Returns the instances of a class and of every class derived from it, in insertion order. */
    List<CimInstance> instancesOf(String className);

    /**
     * Returns the instances of a class (and of its subclasses) that have a reference property whose
     * value has the keys of {@code target}: the associations of that class that refer to it. Answered
     * from an index, so the cost follows their number, not the repository's size.
     */
    List<CimInstance> referencing(ObjectPath target, String className);

    /**
     * Runs {@code work} alone: no other update runs, and no read sees its changes until it returns.
     * If {@code work} throws, none of its changes is applied.
     *
     * @return what {@code work} returns
     */
    <T> T update(Function<Changes, T> work);

    /**
     * Tells {@code listener} the path of each instance of {@code className} (or of a class derived from
     * it) that an update puts or deletes, once the update's changes are applied, so that a component
     * keeping state about instances (the job engine) learns of changes others make.
     *
     * <p>The listener runs in the updating thread while the update still holds the repository: it must
     * be quick, and must neither use the repository nor wait for a lock that a caller of {@link #update}
     * may hold. A repository that cannot watch does nothing.
     */
    default void watch(String className, Consumer<ObjectPath> listener) {
    }

    /**
     * Returns every instance as stored now, for a later {@link #restore}. The snapshot does not change when
     * the repository does; it may share the (immutable) instances with it.
     *
     * @throws UnsupportedOperationException when the repository cannot save its state
     */
    default Snapshot snapshot() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no snapshots");
    }

    /**
     * Replaces every instance with those of a snapshot this repository took, atomically: a read sees the
     * instances before or after, never a mix. Watchers are not told (whoever restores knows). The snapshot
     * stays as it was and may be restored again.
     *
     * @throws IllegalArgumentException when another repository took the snapshot
     * @throws UnsupportedOperationException when the repository cannot save its state
     */
    default void restore(Snapshot snapshot) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no snapshots");
    }

    /** The instances of a repository at one instant, from {@link #snapshot}; immutable. */
    interface Snapshot {
        /** Returns how many instances it holds. */
        int size();
    }

    /** What an {@link #update} may read and change. Reads see the changes made so far. */
    interface Changes {
        Optional<CimInstance> get(ObjectPath path);

        List<CimInstance> instancesOf(String className);

        /** As {@link InstanceRepository#referencing}, with the changes made so far. */
        List<CimInstance> referencing(ObjectPath target, String className);

        /** Adds an instance, or replaces the one at its path; returns its path. */
        ObjectPath put(CimInstance instance);

        /** Removes the instance at a path; returns whether there was one. */
        boolean delete(ObjectPath path);
    }
}
