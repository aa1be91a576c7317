package hvemu.provider.pool;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import hvemu.provider.InstanceProvider;
import hvemu.provider.StoredInstanceProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances of CIM_ResourcePool and its subclasses, as stored. A client may rename a pool it made
 * (ElementName; its PoolID stays what it was at creation, docs/semantics.md), but not a primordial pool,
 * which the system provides. Pools are not deleted by WS-Transfer Delete: DeleteResourcePool of the
 * pool configuration service deletes them.
 */
public final class ResourcePoolInstanceProvider implements InstanceProvider {
    private final StoredInstanceProvider stored;

    public ResourcePoolInstanceProvider(StoredInstanceProvider stored) {
        this.stored = stored;
    }

    @Override
    public Optional<CimInstance> get(ObjectPath path) {
        return stored.get(path);
    }

    @Override
    public List<CimInstance> enumerate(String className) {
        return stored.enumerate(className);
    }

    @Override
    public List<CimInstance> referencing(ObjectPath target, String className) {
        return stored.referencing(target, className);
    }

    @Override
    public CimInstance modify(ObjectPath path, Map<String, Object> values) {
        return stored.modify(path, values, (current, changes) -> {
            if (Boolean.TRUE.equals(current.get("Primordial")) && changes.containsKey("ElementName")) {
                throw new CimException(CimStatus.ACCESS_DENIED, "The pool " + current.get("InstanceID")
                        + " is primordial: the system provides it, and its ElementName cannot be changed.");
            }
        });
    }

    @Override
    public void delete(ObjectPath path) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "A resource pool is not deleted by WS-Transfer Delete; "
                + "the DeleteResourcePool method of CIM_ResourcePoolConfigurationService deletes it.");
    }
}
