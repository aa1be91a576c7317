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
 * {@link #markStart()} was last called. The root registers what else a reset empties
 * ({@link #clearOnReset}) and what it does afterwards ({@link #afterReset}).
 */
public final class LocalAdmin implements Admin {
    private final Schema schema;
    private final InstanceRepository repository;
    private final JobEngine engine;
    private final Snapshots snapshots;
    private final JobControl jobs;

    /**
     * The control plane of a model; the model as it is now becomes the state reset returns to.
     *
     * @param gate the gate the WS-Man requests pass, which reset and snapshots close while they run
     * @param enumerations the open enumerations, which reset and restore end
     */
    public LocalAdmin(Schema schema, InstanceRepository repository, JobEngine engine, RequestGate gate,
            EnumerationContexts enumerations) {
        this.schema = schema;
        this.repository = repository;
        this.engine = engine;
        this.snapshots = new Snapshots(engine, gate, enumerations);
        this.jobs = new JobControl(schema, engine);
    }

    /**
     * Adds a store that {@link #reset()} empties (the journal, the fault rules), while no request runs,
     * in the order added.
     */
    public void clearOnReset(Runnable clear) {
        snapshots.clearOnReset(clear);
    }

    /**
     * Adds what {@link #reset()} does once the state is back and the stores are empty, in the order added:
     * a scenario's rules and job modes applied again. It runs while requests run: it may send them.
     */
    public void afterReset(Runnable action) {
        snapshots.afterReset(action);
    }

    /** Makes the model as it is now (a scenario's pools and jobs, say) the state {@link #reset()} returns to. */
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
        throw notYet("journal");
    }

    @Override
    public void clearJournal() {
        throw notYet("journal");
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        throw notYet("faults");
    }

    @Override
    public List<FaultRule> faults() {
        throw notYet("faults");
    }

    @Override
    public void removeFault(String id) {
        throw notYet("faults");
    }

    @Override
    public void clearFaults() {
        throw notYet("faults");
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
