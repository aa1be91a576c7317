/**
 * The resource pool family: CIM_ResourcePoolConfigurationService's methods over the repository and the
 * job engine, and the pools' own rules on Put and Delete (docs/semantics.md).
 *
 * <p>Depends on: {@code hvemu.provider}, {@code hvemu.cim}, {@code hvemu.repository}, {@code hvemu.job}.
 */
package hvemu.provider.pool;
