/**
 * hvemu: a WS-Management server that emulates the Windows Hyper-V cluster WMI provider
 * ({@code root/HyperVCluster/v2}).
 *
 * <p>{@link hvemu.Emulator} is the one entry point: the command line and tests build, start and stop
 * the emulator through it. It is the composition root and the only package that wires the layers
 * together: transport, wsman, operations.
 */
package hvemu;
