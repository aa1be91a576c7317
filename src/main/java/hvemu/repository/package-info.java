/**
 * The instance store: every instance the emulator serves, keyed by object path.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.cim.schema}. Must not import: operations, wsman,
 * transport or providers.
 */
package hvemu.repository;
