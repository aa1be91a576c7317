package hvemu.job;

import hvemu.repository.InstanceRepository;
import java.time.Instant;

/**
 * The model at one instant, from {@link JobEngine#save()}: the repository's instances and the engine's own
 * state (running jobs with their specs, steps, modes and timers; finished jobs waiting for removal), taken
 * together so that {@link JobEngine#restore} puts back jobs that agree with their instances. Immutable; it
 * shares the immutable instances with the repository.
 */
public final class ModelSnapshot {
    private final InstanceRepository.Snapshot instances;
    private final HeldJobs.State jobs;
    private final Instant savedAt;

    ModelSnapshot(InstanceRepository.Snapshot instances, HeldJobs.State jobs, Instant savedAt) {
        this.instances = instances;
        this.jobs = jobs;
        this.savedAt = savedAt;
    }

    InstanceRepository.Snapshot instances() {
        return instances;
    }

    HeldJobs.State jobs() {
        return jobs;
    }

    /** Returns when it was taken, by the engine's clock. */
    public Instant savedAt() {
        return savedAt;
    }

    /** Returns how many instances it holds. */
    public int size() {
        return instances.size();
    }
}
