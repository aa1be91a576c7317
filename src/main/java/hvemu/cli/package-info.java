/**
 * The {@code hvemu} command line: picocli options turned into an {@link hvemu.Emulator}.
 *
 * <p>Depends on: {@code hvemu}, picocli, Logback (for --verbose). Must not import: any layer below
 * {@code hvemu}.
 */
package hvemu.cli;
