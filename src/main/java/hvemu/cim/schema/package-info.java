/**
 * The CIM schema and its MOF source: {@link hvemu.cim.schema.MofLoader} parses MOF (DSP0221, the subset
 * described in {@code mof/README.md}) into a {@link hvemu.cim.schema.Schema} and the instances of a
 * topology.
 *
 * <p>Depends on: {@code hvemu.cim}. Must not import: any other hvemu layer.
 */
package hvemu.cim.schema;
