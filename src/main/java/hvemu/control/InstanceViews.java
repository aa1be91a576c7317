package hvemu.control;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimInstance;
import hvemu.cim.CimProperty;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns stored instances into {@link InstanceView}s: CIM values as plain JSON-ready values. */
final class InstanceViews {
    private InstanceViews() {
    }

    static InstanceView of(Schema schema, CimInstance instance) {
        ObjectPath path = MofLoader.pathOf(schema, instance);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (CimProperty property : schema.get(instance.className()).properties()) {
            properties.put(property.name(), value(instance.get(property.name())));
        }
        return new InstanceView(instance.className(), values(path.keys()), properties);
    }

    /**
     * Returns true when each property named in {@code where} has the value given as text (strings compare
     * without regard to case; an array matches when one element does).
     */
    static boolean matches(InstanceView view, Map<String, String> where) {
        for (Map.Entry<String, String> w : where.entrySet()) {
            Object value = view.properties().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(w.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            List<?> candidates = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            if (candidates.stream().noneMatch(v -> String.valueOf(v).equalsIgnoreCase(w.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> values(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static Object value(Object value) {
        if (value instanceof ObjectPath ref) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("className", ref.className());
            out.put("keys", values(ref.keys()));
            return out;
        }
        if (value instanceof CimDateTime dateTime) {
            return dateTime.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        return value;
    }
}
