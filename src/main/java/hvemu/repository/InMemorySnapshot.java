package hvemu.repository;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The state of an {@link InMemoryInstanceRepository}: copies of its maps (instances by class, and the
 * reference index) that share the immutable instances and paths, so saving or restoring costs one copy of
 * the maps, not of the instances. Nothing changes a snapshot's maps once taken.
 */
record InMemorySnapshot(Object owner, Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass,
        Map<Object, Map<String, LinkedHashSet<ObjectPath>>> referrers, int size)
        implements InstanceRepository.Snapshot {

    /** Copies the maps of a repository (the caller holds its lock). */
    static InMemorySnapshot of(Object owner, Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass,
            Map<Object, Map<String, LinkedHashSet<ObjectPath>>> referrers) {
        Map<String, LinkedHashMap<ObjectPath, CimInstance>> instances = new HashMap<>(capacity(byClass.size()));
        Map<Object, Map<String, LinkedHashSet<ObjectPath>>> index = new HashMap<>(capacity(referrers.size()));
        copyInstances(byClass, instances);
        copyIndex(referrers, index);
        return new InMemorySnapshot(owner, instances, index, instances.values().stream().mapToInt(Map::size).sum());
    }

    /** Puts copies of the maps of instances by class into {@code to}; the instances are shared. */
    static void copyInstances(Map<String, LinkedHashMap<ObjectPath, CimInstance>> from,
            Map<String, LinkedHashMap<ObjectPath, CimInstance>> to) {
        from.forEach((cls, instances) -> {
            if (!instances.isEmpty()) {
                to.put(cls, new LinkedHashMap<>(instances));
            }
        });
    }

    /** Puts a copy of the reference index (referenced keys → referrer class → referrer paths) into {@code to}. */
    static void copyIndex(Map<Object, Map<String, LinkedHashSet<ObjectPath>>> from,
            Map<Object, Map<String, LinkedHashSet<ObjectPath>>> to) {
        from.forEach((target, byClass) -> {
            Map<String, LinkedHashSet<ObjectPath>> classes = new HashMap<>(capacity(byClass.size()));
            byClass.forEach((cls, paths) -> classes.put(cls, new LinkedHashSet<>(paths)));
            to.put(target, classes);
        });
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
