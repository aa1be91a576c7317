/**
 * Providers of the job family: {@code Msvm_ConcreteJob} instances, whose state the job engine keeps
 * (Put of the writable properties, Delete of finished jobs), and the job's methods (RequestStateChange,
 * KillJob, GetError, GetErrorEx) over the job engine and the repository (docs/semantics.md, "Job control").
 *
 * <p>Depends on: {@code hvemu.provider}, {@code hvemu.cim}, {@code hvemu.cim.cimxml},
 * {@code hvemu.repository}, {@code hvemu.job}. Must not import: operations, wsman, transport, JAXB,
 * Metro, Jetty.
 */
package hvemu.provider.job;
