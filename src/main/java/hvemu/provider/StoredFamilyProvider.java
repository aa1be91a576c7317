package hvemu.provider;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import java.util.List;
import java.util.Optional;

/**
 * The base of a class family's instance provider whose instances are the stored ones: reads go to the
 * store, and the family says how its instances may be modified or deleted.
 */
public abstract class StoredFamilyProvider implements InstanceProvider {
    protected final StoredInstanceProvider stored;

    protected StoredFamilyProvider(StoredInstanceProvider stored) {
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
}
