package hvemu.cim.cimxml;

import hvemu.cim.CimInstance;
import hvemu.cim.schema.Schema;

/**
 * Embedded instances as CIM-XML text (DSP0201 §3.2.6.13 {@code INSTANCE}), as Hyper-V returns
 * {@code Msvm_Error} from {@code GetError} and as libvirt sends settings:
 *
 * <pre>{@code
 * <INSTANCE CLASSNAME="Msvm_Error">
 *   <PROPERTY NAME="Message" TYPE="string"><VALUE>The job failed.</VALUE></PROPERTY>
 *   <PROPERTY.ARRAY NAME="MessageArguments" TYPE="string"><VALUE.ARRAY><VALUE>6</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
 * </INSTANCE>
 * }</pre>
 *
 * <p>Values follow the class in the schema: integers are {@link Long}, booleans {@link Boolean},
 * strings and char16 {@link String}, reals {@link Double}, datetimes {@link hvemu.cim.CimDateTime}
 * (CIM text form), arrays {@link java.util.List}s; a property with no {@code VALUE} is NULL.
 * References are not carried: a NULL reference is written as an empty {@code PROPERTY.REFERENCE}, any
 * other is refused. Stateless and thread-safe.
 */
public final class CimXml {
    private CimXml() {
    }

    /**
     * Returns the CIM-XML text of an instance: every property of its class, in declaration order, NULL
     * ones without a value.
     *
     * @throws CimXmlException when the class is not in the schema, the instance holds a property the class
     *     lacks, or a value does not fit its property's type
     */
    public static String write(Schema schema, CimInstance instance) {
        return CimXmlWriter.write(schema, instance);
    }

    /**
     * Reads CIM-XML text: one {@code INSTANCE} of a class of the schema. Properties not given, or given
     * without a value, are NULL. {@code QUALIFIER} elements and the {@code PROPAGATED},
     * {@code CLASSORIGIN} and {@code EmbeddedObject} attributes are ignored.
     *
     * @throws CimXmlException when the text is not well-formed XML, declares a DOCTYPE (no entity is ever
     *     expanded), is not an {@code INSTANCE}, names a class or property the schema lacks, gives a
     *     property twice or in the wrong form (scalar for array or the reverse), or holds a value that is
     *     not of its property's type; the message names it
     */
    public static CimInstance read(Schema schema, String text) {
        return CimXmlReader.read(schema, text);
    }
}
