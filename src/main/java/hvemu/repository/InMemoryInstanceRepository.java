package hvemu.repository;

import hvemu.cim.CimClass;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InstanceRepository} in memory: instances by class, then by path, behind a read-write lock.
 * Updates write into a change set that is applied at the end, so a failed update leaves nothing behind.
 * A {@link #snapshot} copies the maps and shares the instances; a restore changes what differs
 * ({@link InMemorySnapshot}).
 */
public final class InMemoryInstanceRepository implements InstanceRepository {
    private final Schema schema;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Own class name (lower case) to the instances of exactly that class, by path. */
    private final Map<String, LinkedHashMap<ObjectPath, CimInstance>> byClass = new HashMap<>();
    /**
     * The keys of a referenced instance ({@link ObjectPath#keyIdentity}) to the paths of the instances
     * that refer to it, by their own class name (lower case): a system that thousands of pools refer to
     * still finds its one capabilities link at once.
     */
    private final Map<Object, Map<String, LinkedHashSet<ObjectPath>>> referrers = new HashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    /** A listener of the changes to the instances of a class family, with the classes found in it so far. */
    private record Watch(String className, Consumer<ObjectPath> listener, Map<String, Boolean> family) {
        boolean covers(Schema schema, String cls) {
            return family.computeIfAbsent(cls.toLowerCase(Locale.ROOT), c -> schema.isA(c, className));
        }
    }

    public InMemoryInstanceRepository(Schema schema, List<CimInstance> seed) {
        this.schema = schema;
        seed.forEach(this::store);
    }

    @Override
    public Optional<CimInstance> get(ObjectPath path) {
        return read(() -> find(path));
    }

    @Override
    public List<CimInstance> instancesOf(String className) {
        return read(() -> collect(className));
    }

    @Override
    public List<CimInstance> referencing(ObjectPath target, String className) {
        return read(() -> {
            List<CimInstance> out = new ArrayList<>();
            referrersOf(target, className, (path, i) -> out.add(i));
            return out;
        });
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public <T> T update(Function<Changes, T> work) {
        lock.writeLock().lock();
        try {
            ChangeSet changes = new ChangeSet();
            T result = work.apply(changes);
            changes.apply();
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Snapshot snapshot() {
        return read(() -> InMemorySnapshot.of(this, byClass));
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof InMemorySnapshot s) || s.owner() != this) {
            throw new IllegalArgumentException("the snapshot was not taken from this repository");
        }
        lock.writeLock().lock();
        try {
            s.restoreInto(byClass, this::index, this::unindex, referrers::clear);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void watch(String className, Consumer<ObjectPath> listener) {
        watches.add(new Watch(className, listener, new ConcurrentHashMap<>()));
    }

    private Optional<CimInstance> find(ObjectPath path) {
        for (CimClass c : schema.descendantsOf(path.className())) {
            Map<ObjectPath, CimInstance> instances = byClass.get(c.name().toLowerCase(Locale.ROOT));
            if (instances != null) {
                CimInstance found = instances.get(path.withClassName(c.name()));
                if (found != null) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }

    private List<CimInstance> collect(String className) {
        List<CimInstance> out = new ArrayList<>();
        for (CimClass c : schema.descendantsOf(className)) {
            Map<ObjectPath, CimInstance> instances = byClass.get(c.name().toLowerCase(Locale.ROOT));
            if (instances != null) {
                out.addAll(instances.values());
            }
        }
        return out;
    }

    /** Passes each stored instance of the class (or a subclass) that refers to the target, with its path. */
    private void referrersOf(ObjectPath target, String className, BiConsumer<ObjectPath, CimInstance> found) {
        Map<String, LinkedHashSet<ObjectPath>> byReferrerClass = referrers.get(target.keyIdentity());
        if (byReferrerClass == null) {
            return;
        }
        for (CimClass c : schema.descendantsOf(className)) {
            String cls = c.name().toLowerCase(Locale.ROOT);
            Set<ObjectPath> paths = byReferrerClass.get(cls);
            if (paths == null) {
                continue;
            }
            for (ObjectPath p : paths) {
                CimInstance i = byClass.get(cls).get(p);
                if (i != null && refersTo(i, target)) {
                    found.accept(p, i);
                }
            }
        }
    }

    private static boolean refersTo(CimInstance instance, ObjectPath target) {
        for (Object v : instance.values().values()) {
            if (v instanceof ObjectPath ref && ref.matches(target)) {
                return true;
            }
        }
        return false;
    }

    private ObjectPath store(CimInstance instance) {
        ObjectPath path = MofLoader.pathOf(schema, instance);
        CimInstance previous = byClass.computeIfAbsent(instance.className().toLowerCase(Locale.ROOT),
                k -> new LinkedHashMap<>()).put(path, instance);
        unindex(path, previous);
        index(path, instance);
        return path;
    }

    private void remove(ObjectPath path) {
        LinkedHashMap<ObjectPath, CimInstance> instances = byClass.get(path.className().toLowerCase(Locale.ROOT));
        if (instances != null) {
            unindex(path, instances.remove(path));
        }
    }

    private void index(ObjectPath path, CimInstance instance) {
        for (Object v : instance.values().values()) {
            if (v instanceof ObjectPath ref) {
                referrers.computeIfAbsent(ref.keyIdentity(), k -> new HashMap<>())
                        .computeIfAbsent(path.className().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(path);
            }
        }
    }

    private void unindex(ObjectPath path, CimInstance instance) {
        if (instance == null) {
            return;
        }
        for (Object v : instance.values().values()) {
            if (v instanceof ObjectPath ref) {
                Map<String, LinkedHashSet<ObjectPath>> byReferrerClass = referrers.get(ref.keyIdentity());
                String cls = path.className().toLowerCase(Locale.ROOT);
                Set<ObjectPath> paths = byReferrerClass == null ? null : byReferrerClass.get(cls);
                if (paths != null && paths.remove(path) && paths.isEmpty()) {
                    byReferrerClass.remove(cls);
                    if (byReferrerClass.isEmpty()) {
                        referrers.remove(ref.keyIdentity());
                    }
                }
            }
        }
    }

    /** Pending changes of one update: puts and deletes, by path, in order. */
    private final class ChangeSet implements Changes {
        private final LinkedHashMap<ObjectPath, CimInstance> pending = new LinkedHashMap<>();

        @Override
        public Optional<CimInstance> get(ObjectPath path) {
            for (CimClass c : schema.descendantsOf(path.className())) {
                ObjectPath own = path.withClassName(c.name());
                if (pending.containsKey(own)) {
                    return Optional.ofNullable(pending.get(own));
                }
            }
            return find(path);
        }

        @Override
        public List<CimInstance> instancesOf(String className) {
            if (pending.isEmpty()) {
                return collect(className);
            }
            List<CimInstance> out = new ArrayList<>();
            for (CimInstance i : collect(className)) {
                ObjectPath path = MofLoader.pathOf(schema, i);
                if (!pending.containsKey(path)) {
                    out.add(i);
                }
            }
            pending.forEach((path, i) -> {
                if (i != null && schema.isA(i.className(), className)) {
                    out.add(i);
                }
            });
            return out;
        }

        @Override
        public List<CimInstance> referencing(ObjectPath target, String className) {
            List<CimInstance> out = new ArrayList<>();
            referrersOf(target, className, (path, i) -> {
                if (!pending.containsKey(path)) {
                    out.add(i);
                }
            });
            pending.forEach((path, i) -> {
                if (i != null && schema.isA(i.className(), className) && refersTo(i, target)) {
                    out.add(i);
                }
            });
            return out;
        }

        @Override
        public ObjectPath put(CimInstance instance) {
            ObjectPath path = MofLoader.pathOf(schema, instance);
            pending.put(path, instance);
            return path;
        }

        @Override
        public boolean delete(ObjectPath path) {
            Optional<CimInstance> existing = get(path);
            existing.ifPresent(i -> pending.put(MofLoader.pathOf(schema, i), null));
            return existing.isPresent();
        }

        void apply() {
            pending.forEach((path, instance) -> {
                if (instance == null) {
                    remove(path);
                } else {
                    store(instance);
                }
            });
            for (Watch w : watches) {
                for (ObjectPath path : pending.keySet()) {
                    if (w.covers(schema, path.className())) {
                        w.listener().accept(path);
                    }
                }
            }
        }
    }
}
