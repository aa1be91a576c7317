package hvemu.transport.auth;

import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * One client's Negotiate security context (RFC 4559 over MS-NLMP): the handshake, raw NTLM or wrapped in
 * SPNEGO, and once it is complete, the user and the session that seals the client's messages. A context
 * belongs to one HTTP connection, which keeps its legs in order; a client that starts again (a new
 * NEGOTIATE_MESSAGE or NegTokenInit) gets a new context.
 *
 * <p>Methods are synchronized; a context is used by one request at a time in practice.
 */
public final class NegotiateContext {
    private enum State { NEW, AWAITING_NEGOTIATE, CHALLENGED, ESTABLISHED, FAILED }

    private final NtlmAcceptor ntlm;
    private final LongSupplier clock;
    private State state = State.NEW;
    private boolean spnego;
    private boolean micRequired;
    private byte[] mechTypesDer;
    private String user;
    private NtlmSession session;

    /**
     * The answer to one leg: a token to send back in {@code WWW-Authenticate: Negotiate} (null for none),
     * and whether the client is now authenticated.
     */
    public record Step(byte[] token, boolean complete) {
    }

    NegotiateContext(NtlmAccount account, NtlmTarget target, SecureRandom random, LongSupplier clock) {
        this.ntlm = new NtlmAcceptor(account, target, random);
        this.clock = clock;
    }

    /** Returns true when a token starts a handshake: an NTLM NEGOTIATE_MESSAGE or a SPNEGO NegTokenInit. */
    public static boolean startsHandshake(byte[] token) {
        return NtlmMessages.type(token) == NtlmMessages.NEGOTIATE || Spnego.isInit(token);
    }

    /**
     * Takes the client's next token and returns the answer.
     *
     * @throws NtlmException when the token is malformed, out of turn, or does not authenticate the account;
     *     the context is then failed for good
     */
    public synchronized Step accept(byte[] token) {
        try {
            Step step = switch (state) {
                case NEW -> start(token);
                case AWAITING_NEGOTIATE -> negotiate(Spnego.readResp(token).responseToken());
                case CHALLENGED -> authenticate(token);
                case ESTABLISHED, FAILED -> throw new NtlmException("a token after the handshake ended");
            };
            return step;
        } catch (NtlmException e) {
            state = State.FAILED;
            session = null;
            throw e;
        } catch (RuntimeException e) {
            // Whatever a malformed token trips over is a refusal, never a stack trace to the client.
            state = State.FAILED;
            session = null;
            throw new NtlmException("a malformed token: " + e);
        }
    }

    private Step start(byte[] token) {
        if (NtlmMessages.type(token) == NtlmMessages.NEGOTIATE) {
            return negotiate(token);
        }
        if (!Spnego.isInit(token)) {
            throw new NtlmException("neither NTLM nor SPNEGO");
        }
        spnego = true;
        Spnego.Init init = Spnego.readInit(token);
        if (!init.mechTypes().contains(Spnego.NTLMSSP)) {
            throw new NtlmException("the client offers no NTLM: " + init.mechTypes());
        }
        mechTypesDer = init.mechTypesDer();
        if (init.mechTypes().get(0).equals(Spnego.NTLMSSP) && init.mechToken() != null) {
            return negotiate(init.mechToken());
        }
        // NTLM is not the client's first choice (Kerberos usually is): pick it and ask for its first token;
        // the mechListMIC then becomes mandatory (RFC 4178 §5 d).
        micRequired = true;
        state = State.AWAITING_NEGOTIATE;
        return new Step(Spnego.resp(Spnego.ACCEPT_INCOMPLETE, Spnego.NTLMSSP, null, null), false);
    }

    private Step negotiate(byte[] ntlmNegotiate) {
        if (ntlmNegotiate == null) {
            throw new NtlmException("no NTLM token");
        }
        byte[] challenge = ntlm.challenge(ntlmNegotiate, clock.getAsLong());
        state = State.CHALLENGED;
        return new Step(spnego ? Spnego.resp(Spnego.ACCEPT_INCOMPLETE, Spnego.NTLMSSP, challenge, null) : challenge, false);
    }

    private Step authenticate(byte[] token) {
        Spnego.Resp resp = spnego ? Spnego.readResp(token) : new Spnego.Resp(token, null);
        if (resp.responseToken() == null) {
            throw new NtlmException("no AUTHENTICATE_MESSAGE");
        }
        NtlmAcceptor.Accepted accepted = ntlm.authenticate(resp.responseToken());
        byte[] answer = null;
        if (spnego) {
            byte[] ourMic = null;
            if (resp.mechListMic() != null) {
                if (accepted.session() == null) {
                    throw new NtlmException("a mechListMIC without session security");
                }
                // MS-SPNG §3.3.5.1: verify the client's MIC over the offered mechTypes, sign ours, then both
                // RC4 handles restart for the first sealed message.
                accepted.session().verify(mechTypesDer, resp.mechListMic());
                ourMic = accepted.session().sign(mechTypesDer);
                accepted.session().resetKeyStreams();
            } else if (micRequired) {
                throw new NtlmException("the mechListMIC is missing");
            }
            answer = Spnego.resp(Spnego.ACCEPT_COMPLETED, null, null, ourMic);
        }
        user = accepted.user();
        session = accepted.session();
        state = State.ESTABLISHED;
        return new Step(answer, true);
    }

    /** Returns true when the handshake completed and authenticated the account. */
    public synchronized boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    /** Returns the user name the client authenticated as (as it wrote it), or null before that. */
    public synchronized String user() {
        return user;
    }

    /**
     * Returns the session that unseals the client's messages and seals the replies, or null when the
     * handshake is not complete or negotiated no extended session security.
     */
    public synchronized NtlmSession session() {
        return state == State.ESTABLISHED ? session : null;
    }

    /** Ends the context: a message failed to unseal, so its key stream is out of step for good. */
    public synchronized void fail() {
        state = State.FAILED;
        session = null;
    }
}
