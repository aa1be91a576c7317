package hvemu.transport.auth;

import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An RC4 handle (MS-NLMP §3.4.4): a key stream that continues from message to message, and can be reset
 * to its key, as SPNEGO's mechListMIC requires (MS-SPNG §3.3.5.1). Not thread-safe.
 */
final class Rc4 {
    private final RC4Engine engine = new RC4Engine();

    Rc4(byte[] key) {
        engine.init(true, new KeyParameter(key));
    }

    /** Returns {@code data} run through the key stream, which advances by its length. */
    byte[] apply(byte[] data) {
        byte[] out = new byte[data.length];
        engine.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** Starts the key stream again from the key. */
    void reset() {
        engine.reset();
    }

    /** RC4K (MS-NLMP §6): a one-off encryption under {@code key}. */
    static byte[] once(byte[] key, byte[] data) {
        return new Rc4(key).apply(data);
    }
}
