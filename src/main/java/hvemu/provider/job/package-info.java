/**
 * Job control: Msvm_ConcreteJob's methods (RequestStateChange, KillJob, GetError, GetErrorEx) over the
 * job engine and the repository (docs/semantics.md, "Job control").
 *
 * <p>Depends on: {@code hvemu.provider}, {@code hvemu.cim}, {@code hvemu.cim.cimxml},
 * {@code hvemu.repository}, {@code hvemu.job}.
 */
package hvemu.provider.job;
