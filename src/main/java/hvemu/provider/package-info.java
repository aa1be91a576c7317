/**
 * Providers: one per CIM class family, speaking CIM (instances, object paths, return codes), never
 * XML, SOAP or HTTP.
 *
 * <p>{@link hvemu.provider.ProviderRegistry} says which provider serves a class; classes without a
 * provider of their own are served from the repository by {@link hvemu.provider.StoredInstanceProvider}.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.repository}. Must not import: operations, wsman,
 * transport, JAXB, Metro, Jetty.
 */
package hvemu.provider;
