package hvemu.provider.pool;

import static hvemu.provider.pool.Plan.FAILED;
import static hvemu.provider.pool.Plan.INCORRECT_RESOURCE_TYPE;
import static hvemu.provider.pool.Plan.INSUFFICIENT_RESOURCES;
import static hvemu.provider.pool.Plan.INVALID_PARAMETER;
import static hvemu.provider.pool.Plan.IN_USE;
import static hvemu.provider.pool.Plan.NOT_SUPPORTED;
import static hvemu.provider.pool.Plan.SIZE_NOT_SUPPORTED;
import static hvemu.provider.pool.Plan.require;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.cimxml.CimXml;
import hvemu.cim.schema.Schema;
import hvemu.repository.InstanceRepository.Changes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The six methods of CIM_ResourcePoolConfigurationService, each checking its parameters in the order of
 * its decision table (docs/semantics.md) and answering a {@link Plan}: a refusal, or the work its job
 * does. Checks read one update's state; the work runs in the update that completes the job, on elements
 * the job holds for exclusive use meanwhile, so what was checked still holds when it runs.
 */
final class PoolMethods {
    private final Schema schema;

    PoolMethods(Schema schema) {
        this.schema = schema;
    }

    /** The service a call is made on, as an update sees it. */
    record Service(CimInstance instance, ObjectPath path, ObjectPath system, PoolScope scope) {
    }

    // ------------------------------------------------------------------------------------------------
    // CreateResourcePool
    // ------------------------------------------------------------------------------------------------

    Plan create(PoolGraph g, Service s, String elementName, String resourceType, List<ObjectPath> hostResources) {
        require(resourceType != null && !resourceType.isBlank(), INVALID_PARAMETER);
        int type = ResourcePoolRules.parseResourceType(resourceType);
        require(type >= 0, INVALID_PARAMETER);
        require(ResourcePoolRules.isPoolable(type), NOT_SUPPORTED);
        requireName(elementName);
        List<CimInstance> devices = devices(g, s, hostResources);
        requireRunning(g, s, devices);
        requireTypes(devices, type);
        List<ObjectPath> paths = devices.stream().map(g::path).toList();
        requireFree(g, paths);
        long capacity = capacity(type, devices);
        String name = elementName != null ? elementName : "Resource Pool " + (userPools(g.changes()) + 1);
        CimInstance pool = pool(name, type, ResourcePoolRules.allocationUnits(type), capacity,
                "Root resource pool created by CreateResourcePool");
        ObjectPath poolPath = g.path(pool);
        return Plan.work("Creating resource pool " + name, paths, changes -> {
            PoolGraph at = new PoolGraph(schema, changes);
            make(at, s, pool);
            paths.forEach(d -> at.addDevice(poolPath, d));
            return List.of(poolPath);
        }, poolPath);
    }

    // ------------------------------------------------------------------------------------------------
    // CreateChildResourcePool
    // ------------------------------------------------------------------------------------------------

    Plan createChild(PoolGraph g, Service s, String elementName, List<String> settings, List<ObjectPath> parentRefs) {
        requireName(elementName);
        List<CimInstance> parents = pools(g, s, parentRefs);
        require(!parents.isEmpty(), INVALID_PARAMETER);
        long type = PoolGraph.number(parents.get(0), "ResourceType");
        String units = String.valueOf(parents.get(0).get("AllocationUnits"));
        for (CimInstance p : parents) {
            require(PoolGraph.number(p, "ResourceType") == type, INCORRECT_RESOURCE_TYPE);
            require(units.equalsIgnoreCase(String.valueOf(p.get("AllocationUnits"))), SIZE_NOT_SUPPORTED);
        }
        List<Long> reservations = reservations(settings, parents);
        List<ObjectPath> parentPaths = parents.stream().map(g::path).toList();
        parentPaths.forEach(p -> require(!g.held(p), IN_USE));
        for (int i = 0; i < parents.size(); i++) {
            require(free(parents.get(i)) >= reservations.get(i), INSUFFICIENT_RESOURCES);
        }
        long capacity = sum(reservations);
        String name = elementName != null ? elementName : "Resource Pool " + (userPools(g.changes()) + 1);
        CimInstance pool = pool(name, (int) type, units, capacity, "Child resource pool created by CreateChildResourcePool")
                .with("ResourceSubType", parents.get(0).get("ResourceSubType"));
        ObjectPath poolPath = g.path(pool);
        return Plan.work("Creating child resource pool " + name, parentPaths, changes -> {
            PoolGraph at = new PoolGraph(schema, changes);
            make(at, s, pool);
            for (int i = 0; i < parentPaths.size(); i++) {
                at.allocate(poolPath, current(changes, parentPaths.get(i)), reservations.get(i));
            }
            return List.of(poolPath);
        }, poolPath);
    }

    // ------------------------------------------------------------------------------------------------
    // DeleteResourcePool
    // ------------------------------------------------------------------------------------------------

    Plan delete(PoolGraph g, Service s, ObjectPath poolRef) {
        CimInstance pool = pool(g, s, poolRef);
        ObjectPath path = g.path(pool);
        require(!PoolGraph.primordial(pool), IN_USE);
        require(g.dependents(path).isEmpty() && PoolGraph.number(pool, "Reserved") == 0, IN_USE);
        require(!g.held(path), IN_USE);
        List<ObjectPath> held = new ArrayList<>(List.of(path));
        held.addAll(g.parents(path));
        return Plan.work("Deleting resource pool " + pool.get("ElementName"), held, changes -> {
            new PoolGraph(schema, changes).remove(path);
            return List.of();
        }, null);
    }

    // ------------------------------------------------------------------------------------------------
    // AddResourcesToResourcePool, RemoveResourcesFromResourcePool
    // ------------------------------------------------------------------------------------------------

    Plan add(PoolGraph g, Service s, List<ObjectPath> hostResources, ObjectPath poolRef) {
        CimInstance pool = rootPool(g, s, poolRef);
        ObjectPath path = g.path(pool);
        require(hostResources != null && !hostResources.isEmpty(), INVALID_PARAMETER);
        List<CimInstance> devices = devices(g, s, hostResources);
        List<CimInstance> members = members(g, path);
        for (CimInstance d : devices) {
            require(members.stream().noneMatch(m -> g.path(m).matches(g.path(d))), INVALID_PARAMETER);
            require(members.isEmpty() || members.get(0).className().equalsIgnoreCase(d.className()), INVALID_PARAMETER);
        }
        requireRunning(g, s, devices);
        requireTypes(devices, (int) PoolGraph.number(pool, "ResourceType"));
        List<ObjectPath> paths = devices.stream().map(g::path).toList();
        requireFree(g, paths);
        require(!g.held(path), IN_USE);
        List<CimInstance> all = new ArrayList<>(members);
        all.addAll(devices);
        long capacity = capacity((int) PoolGraph.number(pool, "ResourceType"), all);
        List<ObjectPath> held = new ArrayList<>(List.of(path));
        held.addAll(paths);
        return Plan.work("Adding resources to resource pool " + pool.get("ElementName"), held, changes -> {
            PoolGraph at = new PoolGraph(schema, changes);
            paths.forEach(d -> at.addDevice(path, d));
            at.capacity(path, capacity);
            return List.of();
        }, path);
    }

    Plan remove(PoolGraph g, Service s, List<ObjectPath> hostResources, ObjectPath poolRef) {
        CimInstance pool = rootPool(g, s, poolRef);
        ObjectPath path = g.path(pool);
        require(hostResources != null && !hostResources.isEmpty(), INVALID_PARAMETER);
        List<CimInstance> members = members(g, path);
        List<CimInstance> removed = new ArrayList<>();
        for (ObjectPath ref : hostResources) {
            require(ref != null && schema.isA(ref.className(), "CIM_LogicalDevice"), INVALID_PARAMETER);
            CimInstance member = members.stream().filter(m -> g.path(m).matches(ref)).findFirst().orElse(null);
            require(member != null, INVALID_PARAMETER);
            require(!removed.contains(member), INVALID_PARAMETER);
            removed.add(member);
        }
        require(!g.held(path), IN_USE);
        List<CimInstance> remaining = new ArrayList<>(members);
        remaining.removeAll(removed);
        long capacity = capacity((int) PoolGraph.number(pool, "ResourceType"), remaining);
        require(capacity >= PoolGraph.number(pool, "Reserved"), IN_USE);
        List<ObjectPath> paths = removed.stream().map(g::path).toList();
        List<ObjectPath> held = new ArrayList<>(List.of(path));
        held.addAll(paths);
        return Plan.work("Removing resources from resource pool " + pool.get("ElementName"), held, changes -> {
            PoolGraph at = new PoolGraph(schema, changes);
            paths.forEach(d -> at.removeDevice(path, d));
            at.capacity(path, capacity);
            return List.of();
        }, path);
    }

    // ------------------------------------------------------------------------------------------------
    // ChangeParentResourcePool
    // ------------------------------------------------------------------------------------------------

    Plan changeParent(PoolGraph g, Service s, ObjectPath childRef, List<ObjectPath> parentRefs, List<String> settings) {
        CimInstance child = pool(g, s, childRef);
        ObjectPath childPath = g.path(child);
        require(!PoolGraph.primordial(child), INVALID_PARAMETER);
        List<ObjectPath> oldParents = g.parents(childPath);
        require(!oldParents.isEmpty(), INVALID_PARAMETER);
        List<CimInstance> parents = pools(g, s, parentRefs);
        require(!parents.isEmpty(), INVALID_PARAMETER);
        List<ObjectPath> parentPaths = parents.stream().map(g::path).toList();
        parentPaths.forEach(p -> require(!g.descends(p, childPath), INVALID_PARAMETER));
        for (CimInstance p : parents) {
            require(PoolGraph.number(p, "ResourceType") == PoolGraph.number(child, "ResourceType"), INCORRECT_RESOURCE_TYPE);
            require(String.valueOf(child.get("AllocationUnits")).equalsIgnoreCase(String.valueOf(p.get("AllocationUnits"))),
                    SIZE_NOT_SUPPORTED);
        }
        List<Long> reservations;
        if (settings == null || settings.isEmpty()) {
            require(parents.size() == 1, INVALID_PARAMETER);
            reservations = List.of(PoolGraph.number(child, "Capacity"));
        } else {
            reservations = reservations(settings, parents);
        }
        List<ObjectPath> held = new ArrayList<>(List.of(childPath));
        held.addAll(oldParents);
        parentPaths.stream().filter(p -> held.stream().noneMatch(p::matches)).forEach(held::add);
        held.forEach(p -> require(!g.held(p), IN_USE));
        long capacity = sum(reservations);
        require(capacity >= PoolGraph.number(child, "Reserved"), IN_USE);
        for (int i = 0; i < parents.size(); i++) {
            long free = free(parents.get(i)) + g.reservation(childPath, parentPaths.get(i));
            require(free >= reservations.get(i), INSUFFICIENT_RESOURCES);
        }
        return Plan.work("Changing the parent of resource pool " + child.get("ElementName"), held, changes -> {
            PoolGraph at = new PoolGraph(schema, changes);
            oldParents.forEach(p -> at.deallocate(childPath, p));
            for (int i = 0; i < parentPaths.size(); i++) {
                at.allocate(childPath, current(changes, parentPaths.get(i)), reservations.get(i));
            }
            at.capacity(childPath, capacity);
            return List.of();
        }, childPath);
    }

    // ------------------------------------------------------------------------------------------------
    // Checks shared by the methods
    // ------------------------------------------------------------------------------------------------

    /** ElementName may be NULL (a default is chosen) but not empty. */
    private static void requireName(String elementName) {
        require(elementName == null || !elementName.isBlank(), INVALID_PARAMETER);
    }

    /**
     * Resolves HostResources: each an existing CIM_LogicalDevice, named once, all of one class, on a
     * system in the service's scope (5 otherwise).
     */
    private List<CimInstance> devices(PoolGraph g, Service s, List<ObjectPath> refs) {
        List<CimInstance> devices = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (ObjectPath ref : refs == null ? List.<ObjectPath>of() : refs) {
            require(ref != null && schema.isA(ref.className(), "CIM_LogicalDevice"), INVALID_PARAMETER);
            CimInstance device = g.changes().get(ref).orElse(null);
            require(device != null, INVALID_PARAMETER);
            ObjectPath path = g.path(device);
            require(seen.add(path.keyIdentity()), INVALID_PARAMETER);
            require(devices.isEmpty() || devices.get(0).className().equalsIgnoreCase(device.className()), INVALID_PARAMETER);
            require(s.scope().contains(g.changes(), schema.namespace(), device, path), INVALID_PARAMETER);
            devices.add(device);
        }
        return devices;
    }

    /** The service's system and the devices' systems are running (4 Failed otherwise: a node is down). */
    private void requireRunning(PoolGraph g, Service s, List<CimInstance> devices) {
        require(running(g.changes(), s.system()), FAILED);
        for (CimInstance d : devices) {
            require(running(g.changes(), PoolScope.systemOf(schema.namespace(), d)), FAILED);
        }
    }

    private void requireTypes(List<CimInstance> devices, int type) {
        for (CimInstance d : devices) {
            require(ResourcePoolRules.provides(schema, d.className(), type), INCORRECT_RESOURCE_TYPE);
        }
    }

    /** No device is in another user pool or held by a running job (6 In Use otherwise). */
    private static void requireFree(PoolGraph g, List<ObjectPath> devices) {
        for (ObjectPath d : devices) {
            require(g.userPoolOf(d).isEmpty() && !g.held(d), IN_USE);
        }
    }

    /** A system is running when its EnabledState is 2 (Enabled). */
    private static boolean running(Changes changes, ObjectPath system) {
        return changes.get(system).map(s -> Long.valueOf(2).equals(s.get("EnabledState"))).orElse(false);
    }

    /** Resolves a pool reference: an existing pool hosted by a system in the service's scope (5 otherwise). */
    private CimInstance pool(PoolGraph g, Service s, ObjectPath ref) {
        CimInstance pool = g.pool(ref).orElse(null);
        require(pool != null, INVALID_PARAMETER);
        require(g.host(g.path(pool)).map(s.scope()::includes).orElse(false), INVALID_PARAMETER);
        return pool;
    }

    /** Resolves pool references, each named once (5 otherwise). */
    private List<CimInstance> pools(PoolGraph g, Service s, List<ObjectPath> refs) {
        List<CimInstance> pools = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (ObjectPath ref : refs == null ? List.<ObjectPath>of() : refs) {
            CimInstance p = pool(g, s, ref);
            require(seen.add(g.path(p).keyIdentity()), INVALID_PARAMETER);
            pools.add(p);
        }
        return pools;
    }

    /** Resolves a user root pool, the only kind made of devices (5 for primordial and child pools). */
    private CimInstance rootPool(PoolGraph g, Service s, ObjectPath ref) {
        CimInstance pool = pool(g, s, ref);
        require(!PoolGraph.primordial(pool) && g.parents(g.path(pool)).isEmpty(), INVALID_PARAMETER);
        return pool;
    }

    private static List<CimInstance> members(PoolGraph g, ObjectPath pool) {
        List<CimInstance> members = new ArrayList<>();
        for (ObjectPath d : g.devices(pool)) {
            g.changes().get(d).ifPresent(members::add);
        }
        return members;
    }

    /**
     * Reads the Settings of a child pool: one embedded CIM_ResourceAllocationSettingData for every parent,
     * or one for all. Each must parse (5), name the parents' ResourceType if any (7) and their
     * AllocationUnits if any (4097), and the parent's PoolID if any (5); its Reservation (0 when NULL)
     * is what the child holds of that parent.
     */
    private List<Long> reservations(List<String> settings, List<CimInstance> parents) {
        require(settings != null && (settings.size() == 1 || settings.size() == parents.size()), INVALID_PARAMETER);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            String text = settings.get(settings.size() == 1 ? 0 : i);
            require(text != null && !text.isBlank(), INVALID_PARAMETER);
            CimInstance rasd;
            try {
                rasd = CimXml.read(schema, text);
            } catch (RuntimeException e) {
                throw new Plan.Refusal(INVALID_PARAMETER);
            }
            require(schema.isA(rasd.className(), "CIM_ResourceAllocationSettingData"), INVALID_PARAMETER);
            CimInstance parent = parents.get(i);
            if (rasd.get("ResourceType") instanceof Long t) {
                require(t == PoolGraph.number(parent, "ResourceType"), INCORRECT_RESOURCE_TYPE);
            }
            if (rasd.get("AllocationUnits") instanceof String u && !u.isBlank()) {
                require(u.replace(" ", "").equalsIgnoreCase(String.valueOf(parent.get("AllocationUnits")).replace(" ", "")),
                        SIZE_NOT_SUPPORTED);
            }
            if (rasd.get("PoolID") instanceof String id && !id.isBlank()) {
                require(id.equalsIgnoreCase(String.valueOf(parent.get("PoolID"))), INVALID_PARAMETER);
            }
            out.add(PoolGraph.number(rasd, "Reservation"));
        }
        return out;
    }

    private static long free(CimInstance pool) {
        return PoolGraph.number(pool, "Capacity") - PoolGraph.number(pool, "Reserved");
    }

    private static long sum(List<Long> values) {
        long total = 0;
        for (long v : values) {
            try {
                total = Math.addExact(total, v);
            } catch (ArithmeticException e) {
                throw new Plan.Refusal(SIZE_NOT_SUPPORTED);
            }
        }
        return total;
    }

    private static long capacity(int type, List<CimInstance> devices) {
        try {
            return ResourcePoolRules.capacity(type, devices);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new Plan.Refusal(SIZE_NOT_SUPPORTED);
        }
    }

    private static CimInstance current(Changes changes, ObjectPath path) {
        return changes.get(path).orElseThrow(() -> new IllegalStateException("pool " + path + " is gone"));
    }

    private static long userPools(Changes changes) {
        return changes.instancesOf("CIM_ResourcePool").stream().filter(p -> !PoolGraph.primordial(p)).count();
    }

    private static CimInstance pool(String name, int type, String units, long capacity, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("InstanceID", "Microsoft:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        p.put("PoolID", name);
        p.put("ElementName", name);
        p.put("Caption", "Resource Pool");
        p.put("Description", description);
        p.put("Primordial", Boolean.FALSE);
        p.put("ResourceType", (long) type);
        p.put("ResourceSubType", ResourcePoolRules.subtype(type));
        p.put("AllocationUnits", units);
        p.put("Capacity", capacity);
        p.put("Reserved", 0L);
        p.put("CurrentlyConsumedResource", 0L);
        p.put("MaxConsumableResource", capacity);
        p.put("ConsumedResourceUnits", "count");
        p.put("OperationalStatus", List.of(2L));
        p.put("HealthState", 5L);
        return CimInstance.of("Msvm_ResourcePool", p);
    }

    /** Makes a new pool, hosted by the service's system and affected by the service. */
    private static void make(PoolGraph g, Service s, CimInstance pool) {
        ObjectPath path = g.changes().put(pool);
        g.changes().put(CimInstance.of("Msvm_HostedResourcePool", Map.of("GroupComponent", s.system(), "PartComponent", path)));
        g.changes().put(CimInstance.of("Msvm_ServiceAffectsElement", Map.of("AffectingElement", s.path(),
                "AffectedElement", path, "ElementEffects", List.of(5L))));
    }
}
