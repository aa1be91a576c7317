/**
 * The resource pool configuration service: CIM_ResourcePoolConfigurationService's methods over the
 * repository and the job engine (docs/semantics.md).
 *
 * <p>Depends on: {@code hvemu.provider}, {@code hvemu.cim}, {@code hvemu.repository}, {@code hvemu.job}.
 */
package hvemu.provider.pool;
