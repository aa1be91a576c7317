package hvemu.provider.pool;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.repository.InstanceRepository.Changes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pool hierarchy as it stands in an update (docs/semantics.md, "Pool hierarchy"): which devices a
 * root pool is made of (CIM_ConcreteComponent), which parents a child pool draws from
 * (CIM_ElementAllocatedFromPool) and how much it holds from each (a Msvm_ResourceAllocationSettingData
 * per parent, linked to the parent by CIM_ResourceAllocationFromPool and to the child by
 * CIM_ElementSettingData), and which elements a running job holds. Every change keeps a parent's
 * Reserved equal to the sum of the Reservations allocated from it.
 */
final class PoolGraph {
    static final String RASD = "Msvm_ResourceAllocationSettingData";
    private static final String CONCRETE_COMPONENT = "CIM_ConcreteComponent";
    private static final String ALLOCATED = "CIM_ElementAllocatedFromPool";

    private final Schema schema;
    private final Changes changes;

    PoolGraph(Schema schema, Changes changes) {
        this.schema = schema;
        this.changes = changes;
    }

    Changes changes() {
        return changes;
    }

    ObjectPath path(CimInstance instance) {
        return MofLoader.pathOf(schema, instance);
    }

    /** Returns the pool a reference names, if it is a reference to a CIM_ResourcePool that exists. */
    Optional<CimInstance> pool(ObjectPath ref) {
        if (ref == null || !schema.isA(ref.className(), "CIM_ResourcePool")) {
            return Optional.empty();
        }
        return changes.get(ref).filter(p -> schema.isA(p.className(), "CIM_ResourcePool"));
    }

    /** Returns the system that hosts a pool (CIM_HostedResourcePool), if any. */
    Optional<ObjectPath> host(ObjectPath pool) {
        return changes.referencing(pool, "CIM_HostedResourcePool").stream()
                .filter(l -> pool.matches((ObjectPath) l.get("PartComponent")))
                .map(l -> (ObjectPath) l.get("GroupComponent")).findFirst();
    }

    static boolean primordial(CimInstance pool) {
        return Boolean.TRUE.equals(pool.get("Primordial"));
    }

    static long number(CimInstance instance, String property) {
        return instance.get(property) instanceof Long l ? l : 0L;
    }

    /** Returns the devices a pool is made of. */
    List<ObjectPath> devices(ObjectPath pool) {
        return related(pool, CONCRETE_COMPONENT, "GroupComponent", "PartComponent");
    }

    /** Returns the parents a pool draws from. */
    List<ObjectPath> parents(ObjectPath pool) {
        return related(pool, ALLOCATED, "Dependent", "Antecedent");
    }

    /** Returns the elements (child pools and others) allocated from a pool. */
    List<ObjectPath> dependents(ObjectPath pool) {
        return related(pool, ALLOCATED, "Antecedent", "Dependent");
    }

    private List<ObjectPath> related(ObjectPath element, String association, String role, String resultRole) {
        List<ObjectPath> out = new ArrayList<>();
        for (CimInstance link : changes.referencing(element, association)) {
            if (element.matches((ObjectPath) link.get(role)) && link.get(resultRole) instanceof ObjectPath other) {
                out.add(other);
            }
        }
        return out;
    }

    /** Returns the user (non-primordial) pool that holds a device, if any. */
    Optional<ObjectPath> userPoolOf(ObjectPath device) {
        for (ObjectPath group : related(device, CONCRETE_COMPONENT, "PartComponent", "GroupComponent")) {
            Optional<CimInstance> pool = pool(group);
            if (pool.isPresent() && !primordial(pool.get())) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Returns true when a running job holds the element for exclusive use (ElementEffects {2}). */
    boolean held(ObjectPath element) {
        return JobEngine.holds(changes.referencing(element, JobEngine.AFFECTED), element);
    }

    /** Returns true when {@code pool} is {@code ancestor} or draws from it, directly or through other pools. */
    boolean descends(ObjectPath pool, ObjectPath ancestor) {
        Set<Object> seen = new HashSet<>();
        Deque<ObjectPath> todo = new ArrayDeque<>(List.of(pool));
        while (!todo.isEmpty()) {
            ObjectPath p = todo.poll();
            if (p.matches(ancestor)) {
                return true;
            }
            if (seen.add(p.keyIdentity())) {
                todo.addAll(parents(p));
            }
        }
        return false;
    }

    /** Returns the path of the allocation setting through which {@code child} holds resources of {@code parent}. */
    ObjectPath allocationPath(ObjectPath child, ObjectPath parent) {
        return ObjectPath.of(schema.namespace(), RASD, Map.of("InstanceID",
                "Microsoft:Pool\\" + local(child) + "\\" + local(parent)));
    }

    private static String local(ObjectPath pool) {
        String id = String.valueOf(pool.key("InstanceID"));
        return id.regionMatches(true, 0, "Microsoft:", 0, 10) ? id.substring(10) : id;
    }

    /** Returns how much {@code child} holds of {@code parent}, 0 when it holds nothing. */
    long reservation(ObjectPath child, ObjectPath parent) {
        return changes.get(allocationPath(child, parent)).map(a -> number(a, "Reservation")).orElse(0L);
    }

    /** Makes {@code child} hold {@code reservation} of {@code parent}, raising the parent's Reserved. */
    void allocate(ObjectPath child, CimInstance parent, long reservation) {
        ObjectPath parentPath = path(parent);
        Map<String, Object> rasd = new LinkedHashMap<>();
        rasd.put("InstanceID", allocationPath(child, parentPath).key("InstanceID"));
        rasd.put("ElementName", "Allocation from " + parent.get("ElementName"));
        rasd.put("ResourceType", parent.get("ResourceType"));
        rasd.put("ResourceSubType", parent.get("ResourceSubType"));
        rasd.put("PoolID", parent.get("PoolID"));
        rasd.put("AllocationUnits", parent.get("AllocationUnits"));
        rasd.put("Reservation", reservation);
        rasd.put("Limit", reservation);
        rasd.put("VirtualQuantity", reservation);
        rasd.put("ConsumerVisibility", 3L);
        ObjectPath rasdPath = changes.put(CimInstance.of(RASD, rasd));
        changes.put(CimInstance.of("Msvm_ElementAllocatedFromPool", Map.of("Antecedent", parentPath, "Dependent", child)));
        changes.put(CimInstance.of("Msvm_ResourceAllocationFromPool", Map.of("Antecedent", parentPath, "Dependent", rasdPath)));
        changes.put(CimInstance.of("Msvm_ElementSettingData", Map.of("ManagedElement", child, "SettingData", rasdPath)));
        changes.put(parent.with("Reserved", Math.addExact(number(parent, "Reserved"), reservation)));
    }

    /** Ends what {@code child} holds of {@code parent}, lowering the parent's Reserved. */
    void deallocate(ObjectPath child, ObjectPath parent) {
        ObjectPath rasd = allocationPath(child, parent);
        long reservation = reservation(child, parent);
        changes.delete(link("Msvm_ElementAllocatedFromPool", "Antecedent", parent, "Dependent", child));
        changes.delete(link("Msvm_ResourceAllocationFromPool", "Antecedent", parent, "Dependent", rasd));
        changes.delete(link("Msvm_ElementSettingData", "ManagedElement", child, "SettingData", rasd));
        changes.delete(rasd);
        changes.get(parent).ifPresent(p -> changes.put(p.with("Reserved", Math.max(0, number(p, "Reserved") - reservation))));
    }

    /** Sets a pool's Capacity (and MaxConsumableResource, the consumer's view of it). */
    void capacity(ObjectPath pool, long capacity) {
        CimInstance p = changes.get(pool).orElseThrow(() -> new IllegalStateException("pool " + pool + " is gone"));
        changes.put(p.with(Map.of("Capacity", capacity, "MaxConsumableResource", capacity)));
    }

    /** Links a device into a pool. */
    void addDevice(ObjectPath pool, ObjectPath device) {
        changes.put(CimInstance.of("Msvm_ConcreteComponent", Map.of("GroupComponent", pool, "PartComponent", device)));
    }

    /** Unlinks a device from a pool. */
    void removeDevice(ObjectPath pool, ObjectPath device) {
        changes.delete(link("Msvm_ConcreteComponent", "GroupComponent", pool, "PartComponent", device));
    }

    /**
     * Removes a pool that nothing is allocated from: its allocations from its parents, its devices (they
     * return to their system), and every association that refers to it.
     */
    void remove(ObjectPath pool) {
        for (ObjectPath parent : parents(pool)) {
            deallocate(pool, parent);
        }
        for (String association : List.of("CIM_ConcreteComponent", "CIM_HostedResourcePool", "CIM_ServiceAffectsElement",
                "CIM_AffectedJobElement", "CIM_ElementCapabilities", "CIM_ElementSettingData")) {
            for (CimInstance link : changes.referencing(pool, association)) {
                changes.delete(path(link));
            }
        }
        changes.delete(pool);
    }

    private ObjectPath link(String association, String first, ObjectPath a, String second, ObjectPath b) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(first, a);
        keys.put(second, b);
        return ObjectPath.of(schema.namespace(), association, keys);
    }
}
