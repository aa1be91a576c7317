package hvemu.control;

import hvemu.cim.CimClass;
import hvemu.cim.CimProperty;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.operations.EnumerationContexts;
import hvemu.operations.RequestGate;
import hvemu.repository.InstanceRepository;
import java.util.List;
import java.util.Map;

/**
 * {@link Admin} in process: the control plane over the emulator's own parts. {@link hvemu.Emulator#admin()}
 * returns one; {@link AdminRoutes} serves the same object over HTTP.
 *
 * <p>The state {@link #reset()} returns to is the model as it was when this was made, or when
 * {@link #markStart()} was last called; a reset also empties the journal and the fault rules, puts the job
 * modes back, and applies the start scenario again.
 */
public final class LocalAdmin implements Admin {
    private final Schema schema;
    private final InstanceRepository repository;
    private final JobEngine engine;
    private final Snapshots snapshots;
    private final JobControl jobs;
    private final RequestJournal journal;
    private final FaultRules faults;
    private volatile Scenario startScenario = Scenario.none();

    /**
     * The control plane of a model; the model as it is now becomes the state reset returns to. Reset also
     * empties the journal and the fault rules, and then applies the start scenario ({@link #startWith}) again.
     *
     * @param gate the gate the WS-Man requests pass, which reset and snapshots close while they run
     * @param enumerations the open enumerations, which reset and restore end
     * @param journal the exchanges recorded
     * @param faults the fault-injection rules
     */
    public LocalAdmin(Schema schema, InstanceRepository repository, JobEngine engine, RequestGate gate,
            EnumerationContexts enumerations, RequestJournal journal, FaultRules faults) {
        this.schema = schema;
        this.repository = repository;
        this.engine = engine;
        this.snapshots = new Snapshots(engine, gate, enumerations);
        this.jobs = new JobControl(schema, engine);
        this.journal = journal;
        this.faults = faults;
        snapshots.clearOnReset(journal::clear);
        snapshots.clearOnReset(faults::clear);
        snapshots.afterReset(() -> startScenario.applyTo(this));
    }

    /**
     * Applies {@code scenario} through this Admin and keeps it as part of the start state, which {@link #reset()}
     * returns to by applying it again once everything made since start is gone.
     *
     * @throws ScenarioException when an entry is refused (the message names the source and the entry)
     */
    public void startWith(Scenario scenario) {
        scenario.applyTo(this);
        startScenario = scenario;
    }

    /** Makes the model as it is now the state {@link #reset()} returns to. */
    public void markStart() {
        snapshots.markStart();
    }

    @Override
    public void reset() {
        snapshots.reset();
    }

    @Override
    public void saveSnapshot(String name) {
        snapshots.save(name);
    }

    @Override
    public void restoreSnapshot(String name) {
        snapshots.restore(name);
    }

    @Override
    public List<String> snapshots() {
        return snapshots.names();
    }

    @Override
    public void deleteSnapshot(String name) {
        snapshots.delete(name);
    }

    @Override
    public List<JournalEntry> journal(JournalQuery query) {
        if (query.limit() < 0) {
            throw AdminException.badRequest("limit is 0 (all) or more: " + query.limit());
        }
        return journal.find(query);
    }

    @Override
    public void clearJournal() {
        journal.clear();
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        if (rule == null) {
            throw AdminException.badRequest("a rule is needed");
        }
        return faults.add(rule);
    }

    @Override
    public List<FaultRule> faults() {
        return faults.list();
    }

    @Override
    public void removeFault(String id) {
        faults.remove(id);
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void jobMode(String method, String mode) {
        jobs.mode(method, mode);
    }

    @Override
    public Map<String, String> jobModes() {
        return jobs.modes();
    }

    @Override
    public List<JobView> jobs() {
        return jobs.list();
    }

    @Override
    public JobView advanceJob(String instanceId) {
        return jobs.advance(instanceId);
    }

    @Override
    public int advanceJobs() {
        return jobs.advanceAll();
    }

    @Override
    public JobView completeJob(String instanceId) {
        return jobs.complete(instanceId);
    }

    @Override
    public JobView failJob(String instanceId, int errorCode, String errorDescription) {
        return jobs.fail(instanceId, errorCode, errorDescription);
    }

    @Override
    public List<InstanceView> instances(String className, Map<String, String> where) {
        CimClass c = schema.find(className)
                .orElseThrow(() -> AdminException.notFound("no class " + className + " in " + schema.namespace()));
        where.keySet().forEach(name -> {
            CimProperty p = c.property(name).orElseThrow(() -> AdminException.badRequest(c.name() + " has no property "
                    + name));
            if (p.referenceClass() != null) {
                throw AdminException.badRequest(name + " is a reference, which the filter does not compare");
            }
        });
        engine.catchUp();
        return repository.instancesOf(className).stream().map(i -> InstanceViews.of(schema, i))
                .filter(v -> InstanceViews.matches(v, where)).toList();
    }

    private static AdminException notYet(String what) {
        return new AdminException(501, what + " is not built yet");
    }
}
