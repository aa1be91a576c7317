package hvemu.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of the in-memory repository: a restore gives back the instances saved, in their order, with a
 * reference index that answers as if they had never changed, whether it changes what differs or fills
 * the maps again; the snapshot itself never changes.
 */
class InMemorySnapshotTest {
    private Schema schema;
    private InMemoryInstanceRepository repository;

    @BeforeEach
    void load(@TempDir Path dir) throws IOException {
        Path mof = dir.resolve("s.mof");
        Files.writeString(mof, """
                [Abstract] class T_Base { [Key] string Id; uint32 Count; };
                class T_A : T_Base { };
                class T_B : T_Base { };
                [Association] class T_Link { [Key] T_Base REF Source; [Key] T_Base REF Target; };
                """);
        schema = MofLoader.schema(MofSource.file(mof));
        repository = new InMemoryInstanceRepository(schema, List.of(a("A1", 1), a("A2", 2), b("B1"), b("B2"),
                link("A1", "B1"), link("A2", "B1"), link("A2", "B2")));
    }

    private static CimInstance a(String id, long count) {
        return CimInstance.of("T_A", Map.of("Id", id, "Count", count));
    }

    private static CimInstance b(String id) {
        return CimInstance.of("T_B", Map.of("Id", id));
    }

    private static ObjectPath path(String cls, String id) {
        return ObjectPath.of("root/HyperVCluster/v2", cls, Map.of("Id", id));
    }

    private static CimInstance link(String from, String to) {
        return CimInstance.of("T_Link", Map.of("Source", path("T_A", from), "Target", path("T_B", to)));
    }

    /**
     * Everything a reader sees: the instances of each class in order, and who refers to each instance (in no
     * promised order: an instance indexed again comes last).
     */
    private List<Object> view() {
        List<Object> out = new ArrayList<>();
        out.add(repository.instancesOf("T_Base"));
        out.add(repository.instancesOf("T_Link"));
        for (CimInstance i : repository.instancesOf("T_Base")) {
            ObjectPath p = path(i.className(), (String) i.get("Id"));
            out.add(p + " <- " + repository.referencing(p, "T_Link").stream().map(String::valueOf).sorted().toList());
        }
        for (String id : List.of("A1", "A2", "A3", "B1", "B2", "B3")) {
            out.add(id + " <- " + repository.referencing(path("T_Base", id), "T_Link").size());
        }
        return out;
    }

    private void change() {
        repository.update(c -> {
            c.put(a("A1", 10));
            c.delete(path("T_A", "A2"));
            c.delete(MofLoader.pathOf(schema, link("A2", "B1")));
            c.put(a("A3", 3));
            c.put(b("B3"));
            c.put(link("A3", "B3"));
            c.put(link("A1", "B3"));
            return null;
        });
        repository.update(c -> c.put(a("A2", 20)));
    }

    @Test
    void restoresWhatWasSavedWhateverChangedSince() {
        List<Object> saved = view();
        InstanceRepository.Snapshot snapshot = repository.snapshot();
        assertThat(snapshot.size()).isEqualTo(7);
        change();
        assertThat(view()).isNotEqualTo(saved);

        repository.restore(snapshot);

        assertThat(view()).isEqualTo(saved);
        change();
        repository.restore(snapshot);
        assertThat(view()).as("the snapshot is unchanged by use").isEqualTo(saved);
    }

    @Test
    void putsBackReplacedInstancesAndDropsAddedOnesInPlace() {
        List<Object> saved = view();
        InstanceRepository.Snapshot snapshot = repository.snapshot();
        repository.update(c -> {
            c.put(a("A2", 99));
            c.put(link("A1", "B2"));
            c.put(b("B9"));
            return null;
        });

        repository.restore(snapshot);

        assertThat(view()).isEqualTo(saved);
        assertThat(repository.referencing(path("T_B", "B2"), "T_Link")).hasSize(1);
    }

    @Test
    void fillsTheMapsAgainWhenTheRepositoryGrewFarBeyondTheSnapshot() {
        List<Object> saved = view();
        InstanceRepository.Snapshot snapshot = repository.snapshot();
        repository.update(c -> {
            for (int i = 0; i < 20; i++) {
                c.put(a("N" + i, i));
                c.put(link("N" + i, "B1"));
            }
            return null;
        });

        repository.restore(snapshot);

        assertThat(view()).isEqualTo(saved);
        assertThat(repository.referencing(path("T_B", "B1"), "T_Link")).hasSize(2);
    }

    @Test
    void refusesASnapshotOfAnotherRepository() {
        InMemoryInstanceRepository other = new InMemoryInstanceRepository(schema, List.of());
        assertThatThrownBy(() -> repository.restore(other.snapshot())).isInstanceOf(IllegalArgumentException.class);
    }
}
