package hvemu.provider.pool;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.job.JobProgression;
import hvemu.cim.binding.CimString;
import hvemu.cim.binding.CimUnsignedInt;
import hvemu.cim.binding.service.CreateResourcePoolINPUT;
import hvemu.cim.binding.service.CreateResourcePoolOUTPUT;
import hvemu.provider.TypedMethodProvider;
import hvemu.repository.InstanceRepository;
import hvemu.repository.InstanceRepository.Changes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CIM_ResourcePoolConfigurationService: CreateResourcePool, by the decision table of
 * docs/semantics.md (model.md §5.2). Parameters are checked synchronously, in one repository update
 * with the reservation of the devices, so of racing calls on one device exactly one wins. In
 * asynchronous mode the call returns 4096 with a job that makes the pool when it completes; in
 * synchronous mode it returns 0 with the pool made.
 *
 * <p>It is served through the typed bindings of {@code schemas/cim/CIM_ResourcePoolConfigurationService.xsd}.
 * The other five methods of the class answer 1 (Not Supported) until they are built (docs/semantics.md).
 */
public final class ResourcePoolConfigurationServiceProvider implements TypedMethodProvider {
    static final long OK = 0;
    static final long NOT_SUPPORTED = 1;
    static final long UNKNOWN = 2;
    static final long TIMEOUT = 3;
    static final long FAILED = 4;
    static final long INVALID_PARAMETER = 5;
    static final long IN_USE = 6;
    static final long INCORRECT_RESOURCE_TYPE = 7;
    static final long JOB_STARTED = 4096;
    static final long SIZE_NOT_SUPPORTED = 4097;
    /** CIM_ResourcePoolConfigurationCapabilities method value of CreateResourcePool. */
    private static final long CREATE_RESOURCE_POOL = 2;
    /** Msvm_ConcreteJob.JobType: Creating a Resource Pool. */
    private static final int CREATING_A_RESOURCE_POOL = 150;

    private final Schema schema;
    private final InstanceRepository repository;
    private final JobEngine jobs;

    public ResourcePoolConfigurationServiceProvider(Schema schema, InstanceRepository repository, JobEngine jobs) {
        this.schema = schema;
        this.repository = repository;
        this.jobs = jobs;
    }

    @Override
    public Package bindings() {
        return CreateResourcePoolINPUT.class.getPackage();
    }

    @Override
    public String bindingNamespace() {
        return "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourcePoolConfigurationService";
    }

    @Override
    public Object invoke(ObjectPath target, Object input, Duration timeout) {
        if (input instanceof CreateResourcePoolINPUT in) {
            Call call = new Call(target, text(in.getElementName()), text(in.getResourceType()), in.getHostResources(),
                    timeout);
            Decision d;
            try {
                d = createResourcePool(call);
            } catch (CimException e) {
                throw e;
            } catch (RuntimeException e) {
                d = Decision.of(UNKNOWN);
            }
            CreateResourcePoolOUTPUT out = new CreateResourcePoolOUTPUT();
            CimUnsignedInt rv = new CimUnsignedInt();
            rv.setValue(d.code());
            out.setReturnValue(rv);
            out.setPool(d.pool());
            out.setJob(d.job() == null ? null : d.job().job());
            return out;
        }
        return null;
    }

    /** CreateResourcePool's parameters: NULL when absent or nil. */
    private record Call(ObjectPath target, String elementName, String resourceType, List<ObjectPath> hostResources,
            Duration timeout) {
    }

    private static String text(CimString value) {
        return value == null ? null : value.getValue() == null ? "" : value.getValue();
    }

    private enum Mode { ASYNCHRONOUS, SYNCHRONOUS, OFF }

    /** The outcome of validation: a return code, or a job started, or a pool made. */
    private record Decision(long code, JobEngine.Pending job, ObjectPath pool) {
        static Decision of(long code) {
            return new Decision(code, null, null);
        }
    }

    private Decision createResourcePool(Call call) {
        Mode mode = repository.update(changes -> mode(changes, service(changes, call)));
        if (mode == Mode.SYNCHRONOUS && jobs.progression() instanceof JobProgression.Timed timed) {
            // A synchronous method blocks for its work; work longer than the caller waits is a Timeout.
            Duration wait = timed.duration().compareTo(call.timeout()) > 0 ? call.timeout() : timed.duration();
            try {
                jobs.clock().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Decision.of(UNKNOWN);
            }
            if (timed.duration().compareTo(call.timeout()) > 0) {
                return Decision.of(TIMEOUT);
            }
        }
        Decision d = repository.update(changes -> decide(changes, call));
        if (d.job() != null) {
            jobs.start(d.job());
        }
        return d;
    }

    private CimInstance service(Changes changes, Call call) {
        return changes.get(call.target()).orElseThrow(() -> CimException.notFound(call.target()));
    }

    private Decision decide(Changes changes, Call call) {
        CimInstance service = service(changes, call);
        Mode mode = mode(changes, service);
        if (mode == Mode.OFF || !Long.valueOf(2).equals(service.get("EnabledState"))) {
            return Decision.of(NOT_SUPPORTED);
        }
        String typeText = call.resourceType();
        if (typeText == null || typeText.isBlank()) {
            return Decision.of(INVALID_PARAMETER);
        }
        int type = ResourcePoolRules.parseResourceType(typeText);
        if (type < 0) {
            return Decision.of(INVALID_PARAMETER);
        }
        if (!ResourcePoolRules.isPoolable(type)) {
            return Decision.of(NOT_SUPPORTED);
        }
        String name = call.elementName();
        if (name != null && name.isBlank()) {
            return Decision.of(INVALID_PARAMETER);
        }
        List<ObjectPath> refs = call.hostResources();
        List<CimInstance> devices = new ArrayList<>();
        List<ObjectPath> devicePaths = new ArrayList<>();
        Set<ObjectPath> seen = new HashSet<>();
        ObjectPath servicePath = MofLoader.pathOf(schema, service);
        ObjectPath system = PoolScope.systemOf(schema.namespace(), service);
        PoolScope scope = PoolScope.of(changes, system);
        for (ObjectPath ref : refs) {
            if (ref == null || !schema.isA(ref.className(), "CIM_LogicalDevice")) {
                return Decision.of(INVALID_PARAMETER);
            }
            CimInstance device = changes.get(ref).orElse(null);
            if (device == null) {
                return Decision.of(INVALID_PARAMETER);
            }
            ObjectPath path = MofLoader.pathOf(schema, device);
            if (!seen.add(path)) {
                return Decision.of(INVALID_PARAMETER);
            }
            if (!devices.isEmpty() && !devices.get(0).className().equalsIgnoreCase(device.className())) {
                return Decision.of(INVALID_PARAMETER);
            }
            if (!scope.contains(changes, schema.namespace(), device, path)) {
                return Decision.of(INVALID_PARAMETER);
            }
            devices.add(device);
            devicePaths.add(path);
        }
        if (!running(changes, system)
                || devices.stream().anyMatch(d -> !running(changes, PoolScope.systemOf(schema.namespace(), d)))) {
            return Decision.of(FAILED);
        }
        for (CimInstance device : devices) {
            if (!ResourcePoolRules.provides(schema, device.className(), type)) {
                return Decision.of(INCORRECT_RESOURCE_TYPE);
            }
        }
        for (ObjectPath device : devicePaths) {
            if (inUse(changes, device)) {
                return Decision.of(IN_USE);
            }
        }
        long capacity;
        try {
            capacity = ResourcePoolRules.capacity(type, devices);
        } catch (ArithmeticException | IllegalArgumentException e) {
            return Decision.of(SIZE_NOT_SUPPORTED);
        }
        String poolName = name != null ? name : "Resource Pool " + (pools(changes) + 1);
        CimInstance pool = pool(poolName, type, capacity);
        ObjectPath poolPath = MofLoader.pathOf(schema, pool);
        JobEngine.Outcome outcome = c -> materialize(c, pool, system, servicePath, devicePaths);
        if (mode == Mode.SYNCHRONOUS) {
            outcome.complete(changes);
            return new Decision(OK, null, poolPath);
        }
        JobEngine.Pending job = jobs.prepare(changes, new JobEngine.Spec(CREATING_A_RESOURCE_POOL,
                "Creating resource pool " + poolName, servicePath, devicePaths, outcome));
        return new Decision(JOB_STARTED, job, poolPath);
    }

    /** A system is running when its EnabledState is 2 (Enabled); a node that is down is not. */
    private static boolean running(Changes changes, ObjectPath system) {
        return changes.get(system).map(s -> Long.valueOf(2).equals(s.get("EnabledState"))).orElse(false);
    }

    /** The RPCC linked by CIM_ElementCapabilities says whether method 2 is asynchronous or synchronous. */
    private Mode mode(Changes changes, CimInstance service) {
        ObjectPath servicePath = MofLoader.pathOf(schema, service);
        for (CimInstance link : changes.referencing(servicePath, "CIM_ElementCapabilities")) {
            if (!servicePath.matches((ObjectPath) link.get("ManagedElement"))) {
                continue;
            }
            CimInstance rpcc = changes.get((ObjectPath) link.get("Capabilities")).orElse(null);
            if (rpcc == null || !schema.isA(rpcc.className(), "CIM_ResourcePoolConfigurationCapabilities")) {
                continue;
            }
            if (listed(rpcc, "AsynchronousMethodsSupported")) {
                return Mode.ASYNCHRONOUS;
            }
            return listed(rpcc, "SynchronousMethodsSupported") ? Mode.SYNCHRONOUS : Mode.OFF;
        }
        return Mode.ASYNCHRONOUS;
    }

    private static boolean listed(CimInstance rpcc, String property) {
        return rpcc.get(property) instanceof List<?> l && l.contains(CREATE_RESOURCE_POOL);
    }

    /** A device is in use when a non-primordial pool holds it or a running job uses it exclusively. */
    private boolean inUse(Changes changes, ObjectPath device) {
        for (CimInstance link : changes.referencing(device, "CIM_ConcreteComponent")) {
            if (device.matches((ObjectPath) link.get("PartComponent"))) {
                CimInstance group = changes.get((ObjectPath) link.get("GroupComponent")).orElse(null);
                if (group != null && schema.isA(group.className(), "CIM_ResourcePool")
                        && !Boolean.TRUE.equals(group.get("Primordial"))) {
                    return true;
                }
            }
        }
        for (CimInstance link : changes.referencing(device, JobEngine.AFFECTED)) {
            if (device.matches((ObjectPath) link.get("AffectedElement"))
                    && link.get("ElementEffects") instanceof List<?> effects && effects.contains(JobEngine.EXCLUSIVE_USE)) {
                return true;
            }
        }
        return false;
    }

    private long pools(Changes changes) {
        return changes.instancesOf("CIM_ResourcePool").stream()
                .filter(p -> !Boolean.TRUE.equals(p.get("Primordial"))).count();
    }

    private static CimInstance pool(String name, int type, long capacity) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("InstanceID", "Microsoft:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        p.put("PoolID", name);
        p.put("ElementName", name);
        p.put("Caption", "Resource Pool");
        p.put("Description", "Root resource pool created by CreateResourcePool");
        p.put("Primordial", Boolean.FALSE);
        p.put("ResourceType", (long) type);
        p.put("ResourceSubType", ResourcePoolRules.subtype(type));
        p.put("AllocationUnits", ResourcePoolRules.allocationUnits(type));
        p.put("Capacity", capacity);
        p.put("Reserved", 0L);
        p.put("CurrentlyConsumedResource", 0L);
        p.put("MaxConsumableResource", capacity);
        p.put("ConsumedResourceUnits", "count");
        p.put("OperationalStatus", List.of(2L));
        p.put("HealthState", 5L);
        return CimInstance.of("Msvm_ResourcePool", p);
    }

    /** Makes the pool and its links: hosted by the service's system, holding the devices. */
    private List<ObjectPath> materialize(Changes changes, CimInstance pool, ObjectPath system, ObjectPath service,
            List<ObjectPath> devices) {
        ObjectPath poolPath = changes.put(pool);
        changes.put(CimInstance.of("Msvm_HostedResourcePool", Map.of("GroupComponent", system, "PartComponent", poolPath)));
        changes.put(CimInstance.of("Msvm_ServiceAffectsElement", Map.of("AffectingElement", service,
                "AffectedElement", poolPath, "ElementEffects", List.of(5L))));
        for (ObjectPath device : devices) {
            changes.put(CimInstance.of("Msvm_ConcreteComponent", Map.of("GroupComponent", poolPath, "PartComponent", device)));
        }
        return List.of(poolPath);
    }
}
