/**
 * The HTTP and HTTPS transport: Jetty, Metro's servlet, TLS certificates, authentication, message encryption
 * and request limits.
 *
 * <p>{@link hvemu.transport.WsmanHttpServer} serves {@code POST /wsman} on an HTTP listener, an HTTPS
 * listener, or both. Its {@link hvemu.transport.NegotiateFilter}, when Negotiate is on, runs the NTLM
 * handshake, keeps each connection's security context on Jetty's connection, and unseals requests and
 * seals replies ({@code multipart/encrypted}, MS-WSMV §2.2.9.1). Its {@link hvemu.transport.WsmanFilter} then
 * applies the HTTP rules of WinRM before anything is parsed, on either listener alike: POST only,
 * credentials checked before the body is read (the unauthenticated Identify excepted), Basic over plain
 * HTTP refused beyond loopback unless allowed, the request size limit, and replies with a Content-Length
 * and WinRM's Content-Type. {@link hvemu.transport.ServerCertificate} is the key the HTTPS listener serves:
 * the user's keystore, or the self-signed certificate kept in the data directory. The protocol of Negotiate
 * itself (NTLM, SPNEGO, sealing) is in {@code hvemu.transport.auth}, which knows nothing of HTTP.
 *
 * <p>Depends on: Jetty, the servlet API, Metro's servlet transport, BouncyCastle (certificate building),
 * {@code hvemu.transport.auth}, {@code hvemu.wsman}. Must not import: {@code hvemu.operations} and below.
 * This is the only package that imports Jetty.
 */
package hvemu.transport;
