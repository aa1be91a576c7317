package hvemu.control;

import java.util.Map;

/**
 * An instance as the admin API shows it: its class, its keys and all its properties, with CIM values as
 * JSON values (strings, numbers, booleans, arrays; a datetime as its CIM text; a reference as
 * {@code {"className": ..., "keys": {...}}}).
 *
 * @param className the instance's own class
 * @param keys the key properties, as in its object path
 * @param properties every property, in the class's order, a null one as JSON null
 */
public record InstanceView(String className, Map<String, Object> keys, Map<String, Object> properties) {
}
