/**
 * Negotiate authentication and WinRM message sealing, with no HTTP server in sight: NTLMv2 as MS-NLMP
 * describes it (the server's side of the handshake, the session's signing and sealing), SPNEGO's tokens
 * (RFC 4178), and the {@code multipart/encrypted} body of MS-WSMV §2.2.9.1.
 *
 * <p>{@link hvemu.transport.auth.NegotiateServer} makes one {@link hvemu.transport.auth.NegotiateContext}
 * per client handshake; once established, its {@link hvemu.transport.auth.NtlmSession} unseals a
 * {@link hvemu.transport.auth.EncryptedMessage} and seals the reply. Cryptographic primitives come from
 * BouncyCastle's lightweight API and the JDK; this package holds only the protocol glue.
 *
 * <p>Depends on: BouncyCastle ({@code org.bouncycastle.crypto}, {@code org.bouncycastle.asn1}). Must not
 * import: Jetty, the servlet API, or any other hvemu package.
 */
package hvemu.transport.auth;
