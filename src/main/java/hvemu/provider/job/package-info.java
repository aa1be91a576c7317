/**
 * Providers of the job family: {@code Msvm_ConcreteJob} instances, whose state the job engine keeps.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.provider}, {@code hvemu.job}. Must not import:
 * operations, wsman, transport, JAXB, Metro, Jetty.
 */
package hvemu.provider.job;
