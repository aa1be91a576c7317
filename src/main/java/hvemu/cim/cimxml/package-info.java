/**
 * CIM-XML (DSP0201): text of single instances, the form embedded instances take inside method
 * parameters ({@code GetError}'s {@code Msvm_Error}, the {@code CIM_ResourceAllocationSettingData}
 * settings clients such as libvirt send), and class declarations, the form WS-Man gives class metadata.
 *
 * <p>{@link hvemu.cim.cimxml.CimXml} writes an instance as {@code <INSTANCE CLASSNAME="…">} text and
 * reads such text back into a {@link hvemu.cim.CimInstance}, typed by the class in the
 * {@link hvemu.cim.schema.Schema}. {@link hvemu.cim.cimxml.CimXmlClassWriter} writes a class of the
 * schema as a {@code <CLASS NAME="…">} element to a stream, with or without qualifiers, inherited
 * elements, class origins and derivation.
 *
 * <p>Depends on: {@code hvemu.cim}, {@code hvemu.cim.schema}, {@code hvemu.cim.binding} (its hardened
 * parser). Must not import: repository, job, provider, operations, wsman, transport.
 */
package hvemu.cim.cimxml;
