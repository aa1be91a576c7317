package hvemu.provider.pool;

import hvemu.cim.CimInstance;
import hvemu.cim.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pure rules of resource pools (docs/semantics.md): which resource types may be pooled, which
 * device classes provide which type, and a pool's capacity from its devices (model.md §4, §5.2, §5.3).
 */
final class ResourcePoolRules {
    /** The DMTF ResourceType names, by value (CIM_ResourcePool.ResourceType ValueMap 1..33). */
    private static final List<String> NAMES = List.of("", "Other", "Computer System", "Processor", "Memory",
            "IDE Controller", "Parallel SCSI HBA", "FC HBA", "iSCSI HBA", "IB HCA", "Ethernet Adapter",
            "Other Network Adapter", "I/O Slot", "I/O Device", "Floppy Drive", "CD Drive", "DVD drive", "Disk Drive",
            "Tape Drive", "Storage Extent", "Other storage device", "Serial port", "Parallel port", "USB Controller",
            "Graphics controller", "IEEE 1394 Controller", "Partitionable Unit", "Base Partitionable Unit", "Power",
            "Cooling Capacity", "Ethernet Switch Port", "Logical Disk", "Storage Volume", "Ethernet Connection");
    /** Types a root pool cannot hold: Other (no OtherResourceType can be passed), systems, power, cooling. */
    private static final Set<Integer> NOT_POOLABLE = Set.of(1, 2, 28, 29);
    /**
     * The device classes of each type, most derived first; a device provides the type of the first
     * class it is an instance of.
     */
    private static final List<Map.Entry<String, Set<Integer>>> DEVICE_TYPES = List.of(
            Map.entry("CIM_Processor", Set.of(3)),
            Map.entry("CIM_Memory", Set.of(4)),
            Map.entry("CIM_LogicalDisk", Set.of(31)),
            Map.entry("CIM_StorageVolume", Set.of(32)),
            Map.entry("CIM_StorageExtent", Set.of(19)),
            Map.entry("CIM_DVDDrive", Set.of(16)),
            Map.entry("CIM_CDROMDrive", Set.of(15)),
            Map.entry("CIM_DiskDrive", Set.of(17)),
            Map.entry("CIM_FCPort", Set.of(7)),
            Map.entry("CIM_EthernetPort", Set.of(10, 33)));
    private static final Map<Integer, String> SUBTYPES = Map.of(3, "Microsoft:Hyper-V:Processor",
            4, "Microsoft:Hyper-V:Memory", 33, "Microsoft:Hyper-V:Ethernet Connection",
            17, "Microsoft:Hyper-V:Physical Disk Drive", 7, "Microsoft:Hyper-V:Synthetic FibreChannel Port");
    private static final long MIB = 1L << 20;

    private ResourcePoolRules() {
    }

    /**
     * Returns the ResourceType a text stands for: the decimal ValueMap key (the canonical form, as
     * Microsoft's sample writes it), or leniently a {@code 0x} hex key or a DMTF name; -1 when it is none.
     */
    static int parseResourceType(String text) {
        String t = text.trim();
        try {
            int value = t.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            return value >= 0 && value <= 0xFFFF ? value : -1;
        } catch (NumberFormatException e) {
            for (int i = 1; i < NAMES.size(); i++) {
                if (NAMES.get(i).equalsIgnoreCase(t)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Returns true when a root pool may hold this type (DMTF values 3..33 but a few, and vendor values). */
    static boolean isPoolable(int type) {
        return (type >= 1 && type <= 33 && !NOT_POOLABLE.contains(type)) || type >= 0x8000;
    }

    /** Returns true when a device of this class provides resources of this type. */
    static boolean provides(Schema schema, String deviceClass, int type) {
        for (Map.Entry<String, Set<Integer>> e : DEVICE_TYPES) {
            if (schema.isA(deviceClass, e.getKey())) {
                return e.getValue().contains(type);
            }
        }
        return false;
    }

    /** Returns the Hyper-V ResourceSubType of a type, or null. */
    static String subtype(int type) {
        return SUBTYPES.get(type);
    }

    /** Returns the AllocationUnits of a type's pools (model.md §5.3). */
    static String allocationUnits(int type) {
        return switch (type) {
            case 4 -> "byte*2^20";
            case 19, 31, 32 -> "byte";
            default -> "count";
        };
    }

    /**
     * Returns the capacity that devices give a pool of this type, in its AllocationUnits: memory in MB
     * from BlockSize x NumberOfBlocks, extents and volumes in bytes, everything else a count.
     *
     * @throws ArithmeticException when the capacity does not fit (Size Not Supported)
     * @throws IllegalArgumentException when a device lacks the properties its size needs
     */
    static long capacity(int type, List<CimInstance> devices) {
        long total = 0;
        for (CimInstance device : devices) {
            total = Math.addExact(total, switch (type) {
                case 4 -> Math.multiplyExact(number(device, "BlockSize"), number(device, "NumberOfBlocks")) / MIB;
                case 19, 31, 32 -> Math.multiplyExact(number(device, "BlockSize"), number(device, "NumberOfBlocks"));
                default -> 1L;
            });
        }
        return total;
    }

    private static long number(CimInstance device, String property) {
        if (!(device.get(property) instanceof Long value)) {
            throw new IllegalArgumentException(device.className() + " " + property + " is not set");
        }
        return value;
    }

    /** Returns the name of a type for messages: "4 (Memory)". */
    static String describe(int type) {
        return type < NAMES.size() ? type + " (" + NAMES.get(type) + ")" : Integer.toString(type);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
