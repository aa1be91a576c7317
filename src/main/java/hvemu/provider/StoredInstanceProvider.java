package hvemu.provider;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.repository.InstanceRepository;
import java.util.List;
import java.util.Optional;

/** Serves instances as the repository holds them: systems, devices, pools, associations. */
public final class StoredInstanceProvider implements InstanceProvider {
    private final InstanceRepository repository;

    public StoredInstanceProvider(InstanceRepository repository) {
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
}
