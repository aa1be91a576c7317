package hvemu.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.testsupport.NtlmClient;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A context's answers to tokens a client should never send: whatever they hold, the context refuses them with
 * an {@link NtlmException} (a bare 401 to the client) and is failed for good; a good handshake completes.
 */
class NegotiateContextTest {
    private static final NegotiateServer SERVER = new NegotiateServer(NtlmAccount.of("EMU\\admin", "pw"), "HVEMU", () -> 0L);

    private static void assertRefused(NegotiateContext context, byte[] token) {
        assertThatThrownBy(() -> context.accept(token)).as(Arrays.toString(token)).isInstanceOf(NtlmException.class);
        assertThat(context.isEstablished()).isFalse();
        assertThat(context.session()).isNull();
    }

    @Test
    void completesAHandshakeWithTheRightPassword() {
        NegotiateContext context = SERVER.newContext();
        NtlmClient client = new NtlmClient();
        NegotiateContext.Step challenge = context.accept(client.negotiate());
        assertThat(challenge.complete()).isFalse();
        NegotiateContext.Step done = context.accept(client.authenticate(challenge.token(), "admin", "EMU", "pw"));
        assertThat(done.complete()).isTrue();
        assertThat(context.user()).isEqualTo("admin");
        assertThat(context.session()).isNotNull();
        assertRefused(context, client.negotiate());
    }

    @Test
    void refusesRandomAndTruncatedTokensAtEveryLeg() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] token = new byte[random.nextInt(300)];
            random.nextBytes(token);
            if (i % 3 == 0 && token.length > 12) {
                System.arraycopy(NtlmMessages.SIGNATURE, 0, token, 0, 8);
                token[8] = (byte) (1 + i % 3);
                token[9] = token[10] = token[11] = 0;
            } else if (i % 3 == 1 && token.length > 1) {
                token[0] = (byte) (i % 2 == 0 ? 0x60 : 0xa1);
            }
            assertRefusedOrChallenged(SERVER.newContext(), token);
            NegotiateContext challenged = SERVER.newContext();
            challenged.accept(new NtlmClient().negotiate());
            assertRefused(challenged, token);
        }
        NtlmClient client = new NtlmClient();
        NegotiateContext context = SERVER.newContext();
        byte[] challenge = context.accept(client.negotiate()).token();
        byte[] authenticate = client.authenticate(challenge, "admin", "EMU", "pw");
        for (int length = 0; length < authenticate.length; length += 7) {
            NegotiateContext fresh = SERVER.newContext();
            fresh.accept(new NtlmClient().negotiate());
            assertRefused(fresh, Arrays.copyOf(authenticate, length));
        }
    }

    /** A random token that happens to read as a NEGOTIATE_MESSAGE may be challenged; nothing else passes. */
    private static void assertRefusedOrChallenged(NegotiateContext context, byte[] token) {
        try {
            NegotiateContext.Step step = context.accept(token);
            assertThat(step.complete()).as(Arrays.toString(token)).isFalse();
        } catch (NtlmException expected) {
            assertThat(context.isEstablished()).isFalse();
        }
    }
}
