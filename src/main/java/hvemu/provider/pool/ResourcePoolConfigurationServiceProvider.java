package hvemu.provider.pool;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.binding.CimString;
import hvemu.cim.binding.CimUnsignedInt;
import hvemu.cim.binding.service.AddResourcesToResourcePoolINPUT;
import hvemu.cim.binding.service.AddResourcesToResourcePoolOUTPUT;
import hvemu.cim.binding.service.ChangeParentResourcePoolINPUT;
import hvemu.cim.binding.service.ChangeParentResourcePoolOUTPUT;
import hvemu.cim.binding.service.CreateChildResourcePoolINPUT;
import hvemu.cim.binding.service.CreateChildResourcePoolOUTPUT;
import hvemu.cim.binding.service.CreateResourcePoolINPUT;
import hvemu.cim.binding.service.CreateResourcePoolOUTPUT;
import hvemu.cim.binding.service.DeleteResourcePoolINPUT;
import hvemu.cim.binding.service.DeleteResourcePoolOUTPUT;
import hvemu.cim.binding.service.RemoveResourcesFromResourcePoolINPUT;
import hvemu.cim.binding.service.RemoveResourcesFromResourcePoolOUTPUT;
import hvemu.cim.binding.service.RequestStateChangeINPUT;
import hvemu.cim.binding.service.RequestStateChangeOUTPUT;
import hvemu.cim.binding.service.StartServiceINPUT;
import hvemu.cim.binding.service.StartServiceOUTPUT;
import hvemu.cim.binding.service.StopServiceINPUT;
import hvemu.cim.binding.service.StopServiceOUTPUT;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.job.JobProgression;
import hvemu.provider.TypedMethodProvider;
import hvemu.repository.InstanceRepository;
import hvemu.repository.InstanceRepository.Changes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * CIM_ResourcePoolConfigurationService: its six pool methods by the decision tables of
 * docs/semantics.md (model.md §5), and the service's own state (RequestStateChange, StartService,
 * StopService). A pool method checks its parameters synchronously, in one repository update with the
 * job that will do the work and the elements that job holds, so of racing calls on one pool or device
 * exactly one wins. The service's CIM_ResourcePoolConfigurationCapabilities says, per method, whether it
 * runs as a job (4096) or before the call returns (0); a method in neither list, or a disabled service,
 * answers 1.
 *
 * <p>It is served through the typed bindings of {@code schemas/cim/CIM_ResourcePoolConfigurationService.xsd}.
 */
public final class ResourcePoolConfigurationServiceProvider implements TypedMethodProvider {
    private static final long ENABLED = 2;
    private static final long DISABLED = 3;
    /** OperationalStatus of a stopped service. */
    private static final long STOPPED = 10;
    private static final long OK_STATUS = 2;
    /** CIM_EnabledLogicalElement.RequestStateChange: Invalid State Transition. */
    private static final long INVALID_STATE_TRANSITION = 4097;

    private final Schema schema;
    private final InstanceRepository repository;
    private final JobEngine jobs;
    private final PoolMethods methods;

    public ResourcePoolConfigurationServiceProvider(Schema schema, InstanceRepository repository, JobEngine jobs) {
        this.schema = schema;
        this.repository = repository;
        this.jobs = jobs;
        this.methods = new PoolMethods(schema);
    }

    @Override
    public Package bindings() {
        return CreateResourcePoolINPUT.class.getPackage();
    }

    @Override
    public String bindingNamespace() {
        return "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourcePoolConfigurationService";
    }

    /**
     * The pool methods, by their name (whose job mode their jobs run in), their value in the capabilities'
     * method lists, and the JobType of their jobs.
     */
    private enum Method {
        CREATE("CreateResourcePool", 2, 150), CREATE_CHILD("CreateChildResourcePool", 3, 150),
        DELETE("DeleteResourcePool", 4, 153), ADD("AddResourcesToResourcePool", 5, 80),
        REMOVE("RemoveResourcesFromResourcePool", 6, 81), CHANGE_PARENT("ChangeParentResourcePool", 7, 151);

        final String cimName;
        final long capability;
        final int jobType;

        Method(String cimName, long capability, int jobType) {
            this.cimName = cimName;
            this.capability = capability;
            this.jobType = jobType;
        }
    }

    private enum Mode { ASYNCHRONOUS, SYNCHRONOUS, OFF }

    /** The outcome of a pool method: a return code, the pool it makes or changes, and its job. */
    private record Outcome(long code, ObjectPath pool, ObjectPath job) {
    }

    @Override
    public Object invoke(ObjectPath target, Object input, Duration timeout) {
        if (input instanceof CreateResourcePoolINPUT in) {
            Outcome o = run(target, Method.CREATE, timeout, (g, s) -> methods.create(g, s, text(in.getElementName()),
                    text(in.getResourceType()), in.getHostResources()));
            CreateResourcePoolOUTPUT out = new CreateResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setPool(o.pool());
            out.setJob(o.job());
            return out;
        }
        if (input instanceof CreateChildResourcePoolINPUT in) {
            Outcome o = run(target, Method.CREATE_CHILD, timeout, (g, s) -> methods.createChild(g, s,
                    text(in.getElementName()), texts(in.getSettings()), in.getParentPool()));
            CreateChildResourcePoolOUTPUT out = new CreateChildResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setPool(o.pool());
            out.setJob(o.job());
            return out;
        }
        if (input instanceof DeleteResourcePoolINPUT in) {
            Outcome o = run(target, Method.DELETE, timeout, (g, s) -> methods.delete(g, s, in.getPool()));
            DeleteResourcePoolOUTPUT out = new DeleteResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setJob(o.job());
            return out;
        }
        if (input instanceof AddResourcesToResourcePoolINPUT in) {
            Outcome o = run(target, Method.ADD, timeout, (g, s) -> methods.add(g, s, in.getHostResources(), in.getPool()));
            AddResourcesToResourcePoolOUTPUT out = new AddResourcesToResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setJob(o.job());
            return out;
        }
        if (input instanceof RemoveResourcesFromResourcePoolINPUT in) {
            Outcome o = run(target, Method.REMOVE, timeout, (g, s) -> methods.remove(g, s, in.getHostResources(),
                    in.getPool()));
            RemoveResourcesFromResourcePoolOUTPUT out = new RemoveResourcesFromResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setJob(o.job());
            return out;
        }
        if (input instanceof ChangeParentResourcePoolINPUT in) {
            Outcome o = run(target, Method.CHANGE_PARENT, timeout, (g, s) -> methods.changeParent(g, s, in.getChildPool(),
                    in.getParentPool(), texts(in.getSettings())));
            ChangeParentResourcePoolOUTPUT out = new ChangeParentResourcePoolOUTPUT();
            out.setReturnValue(code(o.code()));
            out.setJob(o.job());
            return out;
        }
        if (input instanceof RequestStateChangeINPUT in) {
            RequestStateChangeOUTPUT out = new RequestStateChangeOUTPUT();
            out.setReturnValue(code(in.getRequestedState() == null ? Plan.INVALID_PARAMETER
                    : requestStateChange(target, in.getRequestedState().getValue())));
            return out;
        }
        if (input instanceof StartServiceINPUT) {
            StartServiceOUTPUT out = new StartServiceOUTPUT();
            out.setReturnValue(code(requestStateChange(target, ENABLED)));
            return out;
        }
        if (input instanceof StopServiceINPUT) {
            StopServiceOUTPUT out = new StopServiceOUTPUT();
            out.setReturnValue(code(requestStateChange(target, DISABLED)));
            return out;
        }
        return null;
    }

    /**
     * Runs a pool method: the service must be enabled and offer the method; a synchronous method blocks
     * for its work (and answers 3 Timeout when that outlasts the caller's OperationTimeout); then the
     * plan is decided and, when accepted, done now or handed to a job, in the same update.
     */
    private Outcome run(ObjectPath target, Method method, Duration timeout,
            BiFunction<PoolGraph, PoolMethods.Service, Plan> decide) {
        try {
            Mode mode = repository.update(changes -> mode(changes, service(changes, target), method));
            if (mode == Mode.SYNCHRONOUS && jobs.modes().of(method.cimName) instanceof JobProgression.Timed timed) {
                boolean late = timed.duration().compareTo(timeout) > 0;
                jobs.clock().sleep(late ? timeout : timed.duration());
                if (late) {
                    return new Outcome(Plan.TIMEOUT, null, null);
                }
            }
            Map.Entry<Outcome, JobEngine.Pending> decided = repository.update(changes -> {
                CimInstance service = service(changes, target);
                Mode current = mode(changes, service, method);
                if (current == Mode.OFF || !Long.valueOf(ENABLED).equals(service.get("EnabledState"))) {
                    return Map.entry(new Outcome(Plan.NOT_SUPPORTED, null, null), NO_JOB);
                }
                ObjectPath servicePath = MofLoader.pathOf(schema, service);
                ObjectPath system = PoolScope.systemOf(schema.namespace(), service);
                PoolMethods.Service s = new PoolMethods.Service(service, servicePath, system, PoolScope.of(changes, system));
                Plan plan;
                try {
                    plan = decide.apply(new PoolGraph(schema, changes), s);
                } catch (Plan.Refusal r) {
                    return Map.entry(new Outcome(r.code, null, null), NO_JOB);
                }
                if (current == Mode.SYNCHRONOUS) {
                    plan.work().complete(changes);
                    return Map.entry(new Outcome(Plan.OK, plan.pool(), null), NO_JOB);
                }
                JobEngine.Pending job = jobs.prepare(changes, new JobEngine.Spec(method.jobType, plan.jobName(),
                        servicePath, plan.held(), plan.work(), true, method.cimName));
                return Map.entry(new Outcome(Plan.JOB_STARTED, plan.pool(), job.job()), job);
            });
            if (decided.getValue() != NO_JOB) {
                jobs.start(decided.getValue());
            }
            return decided.getKey();
        } catch (CimException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Plan.UNKNOWN, null, null);
        } catch (RuntimeException e) {
            return new Outcome(Plan.UNKNOWN, null, null);
        }
    }

    private static final JobEngine.Pending NO_JOB = new JobEngine.Pending(null, null);

    /**
     * The service's RequestStateChange: 2 (Enabled) and 3 (Disabled) take effect at once (0, also when
     * the service is already in that state); the other states of the ValueMap are 4097 (Invalid State
     * Transition) and values outside it 5. TimeoutPeriod is accepted and has nothing to bound.
     */
    private long requestStateChange(ObjectPath target, long requested) {
        if (requested != ENABLED && requested != DISABLED) {
            boolean listed = requested == 4 || (requested >= 6 && requested <= 11) || (requested >= 32768 && requested <= 65535);
            return listed ? INVALID_STATE_TRANSITION : Plan.INVALID_PARAMETER;
        }
        return repository.update(changes -> {
            CimInstance service = service(changes, target);
            boolean enable = requested == ENABLED;
            changes.put(service.with(Map.of("EnabledState", requested, "RequestedState", requested,
                    "Started", enable, "OperationalStatus", List.of(enable ? OK_STATUS : STOPPED),
                    "TimeOfLastStateChange", CimDateTime.of(jobs.clock().now()))));
            return Plan.OK;
        });
    }

    private CimInstance service(Changes changes, ObjectPath target) {
        return changes.get(target).orElseThrow(() -> CimException.notFound(target));
    }

    /** The RPCC linked by CIM_ElementCapabilities says whether a method is asynchronous, synchronous, or off. */
    private Mode mode(Changes changes, CimInstance service, Method method) {
        ObjectPath servicePath = MofLoader.pathOf(schema, service);
        for (CimInstance link : changes.referencing(servicePath, "CIM_ElementCapabilities")) {
            if (!servicePath.matches((ObjectPath) link.get("ManagedElement"))) {
                continue;
            }
            CimInstance rpcc = changes.get((ObjectPath) link.get("Capabilities")).orElse(null);
            if (rpcc == null || !schema.isA(rpcc.className(), "CIM_ResourcePoolConfigurationCapabilities")) {
                continue;
            }
            if (listed(rpcc, "AsynchronousMethodsSupported", method)) {
                return Mode.ASYNCHRONOUS;
            }
            return listed(rpcc, "SynchronousMethodsSupported", method) ? Mode.SYNCHRONOUS : Mode.OFF;
        }
        return Mode.ASYNCHRONOUS;
    }

    private static boolean listed(CimInstance rpcc, String property, Method method) {
        return rpcc.get(property) instanceof List<?> l && l.contains(method.capability);
    }

    private static CimUnsignedInt code(long value) {
        CimUnsignedInt rv = new CimUnsignedInt();
        rv.setValue(value);
        return rv;
    }

    /** A string parameter: NULL when absent, "" when nil or empty. */
    private static String text(CimString value) {
        return value == null ? null : value.getValue() == null ? "" : value.getValue();
    }

    /** A string array parameter: NULL when absent; nil elements are NULL. */
    private static List<String> texts(List<CimString> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(v -> v == null ? null : v.getValue()).toList();
    }
}
