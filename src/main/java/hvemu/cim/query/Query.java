package hvemu.cim.query;

import java.util.List;
import java.util.Map;

/** A parsed WQL query: a SELECT, an ASSOCIATORS OF, or a REFERENCES OF. */
public sealed interface Query {
    /**
     * {@code SELECT properties FROM className [WHERE where]}.
     *
     * @param properties the selected properties, empty for {@code *}
     * @param where the condition, or null
     */
    record Select(List<String> properties, String className, Expr where) implements Query {
        public Select {
            properties = List.copyOf(properties);
        }
    }

    /**
     * {@code ASSOCIATORS OF {object} [WHERE AssocClass = … ResultClass = … Role = … ResultRole = …]}.
     *
     * @param object the object's class and keys, as written
     */
    record Associators(String objectClass, Map<String, String> objectKeys, String assocClass, String resultClass,
            String role, String resultRole) implements Query {
    }

    /** {@code REFERENCES OF {object} [WHERE ResultClass = … Role = …]}. */
    record References(String objectClass, Map<String, String> objectKeys, String resultClass, String role)
            implements Query {
    }
}
