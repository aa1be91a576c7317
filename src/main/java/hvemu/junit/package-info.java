/**
 * JUnit Jupiter support: an emulator per test class (or per test), reset before each test, its URLs and
 * control plane injected as a {@link hvemu.junit.HvemuRuntimeInfo}.
 *
 * <p>Two forms, one extension: {@link hvemu.junit.HvemuTest} on the test class (declarative), or a
 * {@link hvemu.junit.HvemuExtension} built with {@link hvemu.junit.HvemuExtension#builder()} in a
 * {@code @RegisterExtension} field (programmatic). {@code docs/harness.md} shows both.
 *
 * <p>Depends on: {@code hvemu} (the {@link hvemu.Emulator} facade), {@code hvemu.control}, {@code hvemu.job}
 * (job modes) and the JUnit Jupiter API, which the test project brings: hvemu declares it {@code provided}.
 * A leaf: nothing in hvemu imports it, and nothing else in hvemu imports JUnit.
 */
package hvemu.junit;
