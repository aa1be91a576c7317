/**
 * The HTTP transport: Jetty, Metro's servlet, authentication and request limits.
 *
 * <p>{@link hvemu.transport.WsmanHttpServer} serves {@code POST /wsman}. Its {@link hvemu.transport.WsmanFilter}
 * applies the HTTP rules of WinRM before anything is parsed: POST only, credentials checked before the
 * body is read (the unauthenticated Identify excepted), the request size limit, and replies with a
 * Content-Length and WinRM's Content-Type.
 *
 * <p>Depends on: Jetty, the servlet API, Metro's servlet transport, {@code hvemu.wsman}. Must not
 * import: {@code hvemu.operations} and below. This is the only package that imports Jetty.
 */
package hvemu.transport;
