/**
 * The test-harness control plane: what a harness uses to reset, steer and observe a running emulator.
 *
 * <p>{@link hvemu.control.Admin} is the one contract, implemented in process by {@link hvemu.control.LocalAdmin}
 * and over HTTP by {@link hvemu.control.HttpAdmin}; {@link hvemu.control.AdminRoutes} is the route table
 * under {@code /hvemu/admin/} that maps each HTTP route to one {@code Admin} call, so the two cannot drift.
 * It stands beside the serving layers: it reaches the repository, the job engine and the hooks the wsman and
 * operations layers offer, and only the composition root ({@link hvemu.Emulator}) and its users reach it.
 * {@link hvemu.control.RequestJournal} is the transport's {@link hvemu.transport.ExchangeRecorder} and
 * {@link hvemu.control.FaultRules} the WS-Man endpoint's {@link hvemu.wsman.FaultInjector}; each has a
 * {@code clear()} for a reset.
 */
package hvemu.control;
