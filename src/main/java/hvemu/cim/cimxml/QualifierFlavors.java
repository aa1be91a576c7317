package hvemu.cim.cimxml;

import java.util.Locale;
import java.util.Map;

/**
 * The flavors of the standard qualifiers hvemu's MOF uses, as their DSP0004 declarations give them, where
 * they differ from the defaults CIM-XML assumes for a {@code QUALIFIER} (DSP0201 DTD: OVERRIDABLE
 * true, TOSUBCLASS true, TOINSTANCE false, TRANSLATABLE false).
 *
 * <p>hvemu's MOF dialect declares no qualifier types (mof/README.md), so this table stands in for the
 * standard qualifier declarations of DSP0004: {@code Key}, {@code In} and {@code Out} are DisableOverride,
 * {@code Abstract}, {@code Override} and {@code Version} Restricted (they do not pass to subclasses),
 * {@code Description} and {@code Values} Translatable. Any other qualifier has the defaults.
 */
final class QualifierFlavors {
    /** A qualifier's flavor. */
    record Flavor(boolean overridable, boolean toSubclass, boolean translatable) {
        static final Flavor DEFAULT = new Flavor(true, true, false);
    }

    private static final Flavor DISABLE_OVERRIDE = new Flavor(false, true, false);
    private static final Flavor RESTRICTED = new Flavor(true, false, false);
    private static final Flavor TRANSLATABLE = new Flavor(true, true, true);

    private static final Map<String, Flavor> STANDARD = Map.ofEntries(
            Map.entry("abstract", RESTRICTED),
            Map.entry("aggregate", DISABLE_OVERRIDE),
            Map.entry("aggregation", DISABLE_OVERRIDE),
            Map.entry("arraytype", DISABLE_OVERRIDE),
            Map.entry("association", DISABLE_OVERRIDE),
            Map.entry("composition", DISABLE_OVERRIDE),
            Map.entry("deprecated", RESTRICTED),
            Map.entry("description", TRANSLATABLE),
            Map.entry("in", DISABLE_OVERRIDE),
            Map.entry("key", DISABLE_OVERRIDE),
            Map.entry("out", DISABLE_OVERRIDE),
            Map.entry("override", RESTRICTED),
            Map.entry("propagated", DISABLE_OVERRIDE),
            Map.entry("required", DISABLE_OVERRIDE),
            Map.entry("units", TRANSLATABLE),
            Map.entry("values", TRANSLATABLE),
            Map.entry("version", new Flavor(true, false, true)),
            Map.entry("weak", DISABLE_OVERRIDE));

    private QualifierFlavors() {
    }

    /** Returns the flavor of a qualifier, by name (case-insensitive). */
    static Flavor of(String qualifier) {
        return STANDARD.getOrDefault(qualifier.toLowerCase(Locale.ROOT), Flavor.DEFAULT);
    }
}
