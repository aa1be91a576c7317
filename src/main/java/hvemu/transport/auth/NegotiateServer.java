package hvemu.transport.auth;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Negotiate (NTLM) acceptor of one service: the account it authenticates and the name it gives itself.
 * It makes one {@link NegotiateContext} per handshake. Thread-safe.
 */
public final class NegotiateServer {
    private final NtlmAccount account;
    private final NtlmTarget target;
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;

    /**
     * @param account the account clients authenticate as
     * @param computer the server's computer name, in the challenge's target information
     * @param clock the wall clock in milliseconds since 1970, for MsvAvTimestamp
     */
    public NegotiateServer(NtlmAccount account, String computer, LongSupplier clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.target = NtlmTarget.of(Objects.requireNonNull(computer, "computer"), account.domain());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a new context, ready for the client's first token. */
    public NegotiateContext newContext() {
        return new NegotiateContext(account, target, random, clock);
    }
}
