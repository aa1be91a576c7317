package hvemu.control;

import hvemu.cim.schema.Schema;
import hvemu.repository.InstanceRepository;
import java.util.List;
import java.util.Map;

/**
 * {@link Admin} in process: the control plane over the emulator's own parts. {@link hvemu.Emulator#admin()}
 * returns one; {@link AdminRoutes} serves the same object over HTTP.
 */
public final class LocalAdmin implements Admin {
    private final Schema schema;
    private final InstanceRepository repository;
    private volatile Scenario startScenario = Scenario.none();
    private final RequestJournal journal;
    private final FaultRules faults;

    /** The control plane over the schema and instances served, the exchange journal and the fault rules. */
    public LocalAdmin(Schema schema, InstanceRepository repository, RequestJournal journal, FaultRules faults) {
        this.schema = schema;
        this.repository = repository;
        this.journal = journal;
        this.faults = faults;
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

    @Override
    public void reset() {
        throw notYet("reset");
    }

    @Override
    public void saveSnapshot(String name) {
        throw notYet("snapshots");
    }

    @Override
    public void restoreSnapshot(String name) {
        throw notYet("snapshots");
    }

    @Override
    public List<String> snapshots() {
        throw notYet("snapshots");
    }

    @Override
    public void deleteSnapshot(String name) {
        throw notYet("snapshots");
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
        throw notYet("jobs");
    }

    @Override
    public Map<String, String> jobModes() {
        throw notYet("jobs");
    }

    @Override
    public List<JobView> jobs() {
        throw notYet("jobs");
    }

    @Override
    public JobView advanceJob(String instanceId) {
        throw notYet("jobs");
    }

    @Override
    public int advanceJobs() {
        throw notYet("jobs");
    }

    @Override
    public JobView completeJob(String instanceId) {
        throw notYet("jobs");
    }

    @Override
    public JobView failJob(String instanceId, int errorCode, String errorDescription) {
        throw notYet("jobs");
    }

    @Override
    public List<InstanceView> instances(String className) {
        if (schema.find(className).isEmpty()) {
            throw AdminException.notFound("no class " + className + " in " + schema.namespace());
        }
        return repository.instancesOf(className).stream().map(i -> InstanceViews.of(schema, i)).toList();
    }

    private static AdminException notYet(String what) {
        return new AdminException(501, what + " is not built yet");
    }
}
