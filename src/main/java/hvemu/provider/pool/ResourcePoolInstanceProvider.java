package hvemu.provider.pool;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.provider.StoredFamilyProvider;
import hvemu.provider.StoredInstanceProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances of CIM_ResourcePool and its subclasses, as stored, with an OperationalStatus that says
 * what is happening to them: {2 OK} at rest, {2 OK, 11 In Service} while a running job holds the pool to
 * change it (docs/semantics.md, "Pool hierarchy"). A client may rename a pool it made
 * (ElementName; its PoolID stays what it was at creation, docs/semantics.md), but not a primordial pool,
 * which the system provides. Pools are not deleted by WS-Transfer Delete: DeleteResourcePool of the
 * pool configuration service deletes them.
 */
public final class ResourcePoolInstanceProvider extends StoredFamilyProvider {
    private static final List<Long> IN_SERVICE = List.of(2L, 11L);
    private final Schema schema;

    public ResourcePoolInstanceProvider(Schema schema, StoredInstanceProvider stored) {
        super(stored);
        this.schema = schema;
    }

    @Override
    public Optional<CimInstance> get(ObjectPath path) {
        return stored.get(path).map(this::withStatus);
    }

    @Override
    public List<CimInstance> enumerate(String className) {
        return stored.enumerate(className).stream().map(this::withStatus).toList();
    }

    /** The pool with OperationalStatus {2, 11} while a running job holds it for exclusive use. */
    private CimInstance withStatus(CimInstance pool) {
        ObjectPath path = MofLoader.pathOf(schema, pool);
        return JobEngine.holds(stored.referencing(path, JobEngine.AFFECTED), path) ? pool.with("OperationalStatus", IN_SERVICE) : pool;
    }

    @Override
    public CimInstance modify(ObjectPath path, Map<String, Object> values) {
        return withStatus(stored.modify(path, values, (current, changes) -> {
            if (Boolean.TRUE.equals(current.get("Primordial")) && changes.containsKey("ElementName")) {
                throw new CimException(CimStatus.ACCESS_DENIED, "The pool " + current.get("InstanceID")
                        + " is primordial: the system provides it, and its ElementName cannot be changed.");
            }
        }));
    }

    @Override
    public void delete(ObjectPath path) {
        throw new CimException(CimStatus.NOT_SUPPORTED, "A resource pool is not deleted by WS-Transfer Delete; "
                + "the DeleteResourcePool method of CIM_ResourcePoolConfigurationService deletes it.");
    }
}
