package hvemu.provider.pool;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.repository.InstanceRepository.Changes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which systems' devices a service may pool: its own system and, through CIM_ComponentCS, the systems
 * that system is made of (a cluster's member nodes), transitively (docs/semantics.md, "Scope").
 */
final class PoolScope {
    private final Set<ObjectPath> systems;

    private PoolScope(Set<ObjectPath> systems) {
        this.systems = systems;
    }

    /** Returns the scope of the system that hosts a service. */
    static PoolScope of(Changes changes, ObjectPath system) {
        Set<ObjectPath> systems = new LinkedHashSet<>();
        Deque<ObjectPath> todo = new ArrayDeque<>();
        todo.add(system);
        while (!todo.isEmpty()) {
            ObjectPath s = todo.poll();
            if (systems.add(s)) {
                for (CimInstance link : changes.referencing(s, "CIM_ComponentCS")) {
                    if (link.get("GroupComponent") instanceof ObjectPath group && group.matches(s)) {
                        todo.add((ObjectPath) link.get("PartComponent"));
                    }
                }
            }
        }
        return new PoolScope(systems);
    }

    /** Returns the path of a service's (or device's) system from its SystemCreationClassName and SystemName. */
    static ObjectPath systemOf(String namespace, CimInstance serviceOrDevice) {
        String cls = String.valueOf(serviceOrDevice.get("SystemCreationClassName"));
        return ObjectPath.of(namespace, cls, Map.of("CreationClassName", cls,
                "Name", String.valueOf(serviceOrDevice.get("SystemName"))));
    }

    /** Returns true when the system is the service's own or one of its parts. */
    boolean includes(ObjectPath system) {
        return systems.stream().anyMatch(system::matches);
    }

    /** Returns true when the device's system is in scope and the device is one of its CIM_SystemDevice parts. */
    boolean contains(Changes changes, String namespace, CimInstance device, ObjectPath devicePath) {
        ObjectPath system = systemOf(namespace, device);
        if (!includes(system)) {
            return false;
        }
        return changes.referencing(devicePath, "CIM_SystemDevice").stream().anyMatch(link ->
                system.matches((ObjectPath) link.get("GroupComponent"))
                        && devicePath.matches((ObjectPath) link.get("PartComponent")));
    }
}
