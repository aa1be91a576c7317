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

    public LocalAdmin(Schema schema, InstanceRepository repository) {
        this.schema = schema;
        this.repository = repository;
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
