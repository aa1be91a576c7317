package hvemu.provider;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.Schema;
import hvemu.repository.InstanceRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves instances as the repository holds them: systems, devices, pools, associations. A modification
 * follows {@link PropertyChanges}: properties whose MOF carries {@code Write} may change. Instances are
 * not deleted.
 */
public final class StoredInstanceProvider implements InstanceProvider {
    private final Schema schema;
    private final InstanceRepository repository;

    /** A family's own rule on a modification, run after the MOF's, inside the same update. */
    @FunctionalInterface
    public interface Check {
        /**
         * Checks the changes that {@link PropertyChanges} let through.
         *
         * @param changes the properties that change, by name as declared, with their new values
         * @throws CimException when the family refuses them
         */
        void check(CimInstance current, Map<String, Object> changes);
    }

    public StoredInstanceProvider(Schema schema, InstanceRepository repository) {
        this.schema = schema;
        this.repository = repository;
    }

    @Override
    public Optional<CimInstance> get(ObjectPath path) {
        return repository.get(path);
    }

    @Override
    public List<CimInstance> enumerate(String className) {
        return repository.instancesOf(className);
    }

    @Override
    public List<CimInstance> referencing(ObjectPath target, String className) {
        return repository.referencing(target, className);
    }

    @Override
    public CimInstance modify(ObjectPath path, Map<String, Object> values) {
        return modify(path, values, (current, changes) -> { });
    }

    /**
     * Modifies as {@link #modify(ObjectPath, Map)} does, with the family's {@code check} run on the
     * changes before anything is written, in one repository update.
     */
    public CimInstance modify(ObjectPath path, Map<String, Object> values, Check check) {
        return repository.update(changes -> {
            CimInstance current = changes.get(path).orElseThrow(() -> CimException.notFound(path));
            Map<String, Object> changed = PropertyChanges.of(schema.get(current.className()), current, values);
            check.check(current, changed);
            if (changed.isEmpty()) {
                return current;
            }
            CimInstance next = current.with(changed);
            changes.put(next);
            return next;
        });
    }
}
