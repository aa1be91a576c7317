package hvemu.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimClass;
import hvemu.cim.CimDateTime;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimStatus;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Write rule of a Put, on a job, without XML (docs/semantics.md, "Put and Delete"). */
class PropertyChangesTest {
    private static final hvemu.cim.schema.Schema SCHEMA = MofLoader.load(MofSource.classpath(MofLoader.SCHEMA),
            MofSource.classpath(MofLoader.DEFAULT_TOPOLOGY)).schema();
    private static final CimClass JOB = SCHEMA.get("Msvm_ConcreteJob");
    private static final CimInstance STORED = CimInstance.of("Msvm_ConcreteJob", Map.of(
            "InstanceID", "9D1C4A3E", "ElementName", "Job", "JobState", 7L,
            "TimeSubmitted", CimDateTime.parse("2026-11-24T12:00:00Z"),
            "TimeBeforeRemoval", CimDateTime.interval(Duration.ofMinutes(5)), "DeleteOnCompletion", false,
            "OperationalStatus", List.of(2L, 17L)));

    private static Map<String, Object> changes(Object... nameValue) {
        Map<String, Object> sent = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            sent.put((String) nameValue[i], nameValue[i + 1]);
        }
        return PropertyChanges.of(JOB, STORED, sent);
    }

    private static void assertRefused(CimStatus status, String message, Object... nameValue) {
        assertThatThrownBy(() -> changes(nameValue)).isInstanceOfSatisfying(CimException.class,
                e -> assertThat(e.status()).isEqualTo(status)).hasMessageContaining(message);
    }

    @Test
    void keepsOnlyWritablePropertiesThatChangeUnderTheirDeclaredNames() {
        assertThat(changes("instanceid", "9d1c4a3e".toUpperCase(), "JOBSTATE", 7L,
                "TimeSubmitted", CimDateTime.parse("2026-11-24T13:00:00+01:00"), "OperationalStatus", List.of(2L, 17L),
                "timebeforeremoval", CimDateTime.interval(Duration.ofHours(1)), "DeleteOnCompletion", true))
                .containsExactly(Map.entry("TimeBeforeRemoval", CimDateTime.interval(Duration.ofHours(1))),
                        Map.entry("DeleteOnCompletion", true));
    }

    @Test
    void refusesKeysReadOnlyPropertiesAndNullRequiredOnes() {
        assertRefused(CimStatus.ACCESS_DENIED, "InstanceID is a key", "InstanceID", "OTHER");
        assertRefused(CimStatus.ACCESS_DENIED, "JobState of Msvm_ConcreteJob is read-only", "JobState", 4L);
        assertRefused(CimStatus.ACCESS_DENIED, "OperationalStatus", "OperationalStatus", List.of(2L));
        Map<String, Object> nullWait = new HashMap<>();
        nullWait.put("TimeBeforeRemoval", null);
        assertThatThrownBy(() -> PropertyChanges.of(JOB, STORED, nullWait)).isInstanceOfSatisfying(CimException.class,
                e -> assertThat(e.status()).isEqualTo(CimStatus.INVALID_PARAMETER));
        assertRefused(CimStatus.NO_SUCH_PROPERTY, "has no property Colour", "Colour", "blue");
    }

    @Test
    void setsAWritablePropertyToNull() {
        Map<String, Object> sent = new HashMap<>();
        sent.put("ElementName", null);
        assertThat(PropertyChanges.of(JOB, STORED, sent)).containsEntry("ElementName", null).hasSize(1);
    }

    @Test
    void keepsAStringWithinItsMaxLen() {
        CimClass system = SCHEMA.get("Msvm_ComputerSystem");
        CimInstance node = CimInstance.of("Msvm_ComputerSystem", Map.of("Name", "HV-NODE1"));
        assertThat(PropertyChanges.of(system, node, Map.of("PrimaryOwnerName", "x".repeat(64)))).hasSize(1);
        assertThatThrownBy(() -> PropertyChanges.of(system, node, Map.of("PrimaryOwnerName", "x".repeat(65))))
                .isInstanceOfSatisfying(CimException.class, e -> assertThat(e.status()).isEqualTo(CimStatus.INVALID_PARAMETER))
                .hasMessageContaining("holds at most 64 characters; 65 were given");
    }
}
