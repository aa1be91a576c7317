package hvemu.repository;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The state of an {@link InMemoryInstanceRepository}: a copy of its maps of instances by class that shares
 * the immutable instances and paths, so saving costs one copy of the maps, not of the instances. The
 * reference index is not kept (it is larger than the maps, and follows from them). Nothing changes a
 * snapshot's maps once taken.
 *
 * <p>A restore changes only what differs: the maps of a repository saved and then changed a little still
 * hold the snapshot's entries, in its order and with the same key objects, so comparing them in step by
 * identity finds the changes without hashing, and only the changed instances are indexed again. A
 * repository that grew to more than twice the snapshot is cleared and filled instead.
 */
record InMemorySnapshot(Object owner, Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass, int size)
        implements InstanceRepository.Snapshot {

    /** Copies the maps of instances of a repository (the caller holds its lock). */
    static InMemorySnapshot of(Object owner, Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass) {
        Map<String, LinkedHashMap<ObjectPath, CimInstance>> instances = new HashMap<>(capacity(byClass.size()));
        copyInstances(byClass, instances);
        return new InMemorySnapshot(owner, instances, instances.values().stream().mapToInt(Map::size).sum());
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

    /**
     * Makes {@code byClass} hold this snapshot's instances, in its order, telling {@code index} and
     * {@code unindex} each instance that comes or goes; {@code clearIndex} empties the index when every map
     * is filled again.
     */
    void restoreInto(Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass,
            BiConsumer<ObjectPath, CimInstance> index, BiConsumer<ObjectPath, CimInstance> unindex,
            Runnable clearIndex) {
        int current = byClass.values().stream().mapToInt(Map::size).sum();
        if (current > 2 * size) {
            byClass.clear();
            clearIndex.run();
            copyInstances(this.byClass, byClass);
            byClass.values().forEach(instances -> instances.forEach(index));
            return;
        }
        Set<String> classes = new HashSet<>(byClass.keySet());
        classes.addAll(this.byClass.keySet());
        for (String cls : classes) {
            LinkedHashMap<ObjectPath, CimInstance> saved = this.byClass.get(cls);
            LinkedHashMap<ObjectPath, CimInstance> now = byClass.get(cls);
            if (saved == null) {
                now.forEach(unindex);
                byClass.remove(cls);
            } else if (now == null) {
                byClass.put(cls, new LinkedHashMap<>(saved));
                saved.forEach(index);
            } else if (!inStep(now, saved, index, unindex)) {
                now.forEach((path, instance) -> {
                    if (saved.get(path) != instance) {
                        unindex.accept(path, instance);
                    }
                });
                saved.forEach((path, instance) -> {
                    if (now.get(path) != instance) {
                        index.accept(path, instance);
                    }
                });
                byClass.put(cls, new LinkedHashMap<>(saved));
            }
        }
    }

    /**
     * Walks both maps in step while their keys are the same objects, putting back replaced instances and
     * dropping what {@code now} has beyond {@code saved}; returns false, having changed only replaced values
     * (whose index entries it moved), when the maps part otherwise: the caller then compares them whole.
     */
    private static boolean inStep(LinkedHashMap<ObjectPath, CimInstance> now,
            LinkedHashMap<ObjectPath, CimInstance> saved, BiConsumer<ObjectPath, CimInstance> index,
            BiConsumer<ObjectPath, CimInstance> unindex) {
        Iterator<Map.Entry<ObjectPath, CimInstance>> n = now.entrySet().iterator();
        Iterator<Map.Entry<ObjectPath, CimInstance>> s = saved.entrySet().iterator();
        while (s.hasNext()) {
            Map.Entry<ObjectPath, CimInstance> want = s.next();
            Map.Entry<ObjectPath, CimInstance> have = n.hasNext() ? n.next() : null;
            if (have == null || have.getKey() != want.getKey()) {
                return false;
            }
            if (have.getValue() != want.getValue()) {
                unindex.accept(have.getKey(), have.getValue());
                have.setValue(want.getValue());
                index.accept(want.getKey(), want.getValue());
            }
        }
        while (n.hasNext()) {
            Map.Entry<ObjectPath, CimInstance> extra = n.next();
            unindex.accept(extra.getKey(), extra.getValue());
            n.remove();
        }
        return true;
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
