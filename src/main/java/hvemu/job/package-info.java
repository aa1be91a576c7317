/**
 * The job engine: CIM_ConcreteJob instances that move through their states by a clock.
 *
 * <p>{@link hvemu.job.JobEngine} keeps each job's instance in the repository true: JobState,
 * PercentComplete, StartTime, ElapsedTime, TimeOfLastStateChange and the statuses of
 * {@link hvemu.job.JobStates}; it stops a running job at a client's request (Terminated, Killed) and
 * removes finished jobs by the DeleteOnCompletion and TimeBeforeRemoval they hold. Progress follows a
 * {@link hvemu.job.JobProgression} (immediate, timed, or stepped by the caller) and an injected
 * {@link hvemu.job.Clock}, and is applied whenever {@link hvemu.job.JobEngine#catchUp()} runs (before
 * every request reads the model), so no thread sleeps and tests are deterministic.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.repository}. Must not import: providers, operations,
 * wsman, transport.
 */
package hvemu.job;
