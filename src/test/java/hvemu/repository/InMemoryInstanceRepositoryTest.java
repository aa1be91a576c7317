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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths compare case-insensitively, lookups are polymorphic, updates are atomic and exclusive. */
class InMemoryInstanceRepositoryTest {
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
        repository = new InMemoryInstanceRepository(schema, List.of(
                CimInstance.of("T_A", Map.of("Id", "Alpha", "Count", 0L)),
                CimInstance.of("T_B", Map.of("Id", "Beta"))));
    }

    private static ObjectPath path(String cls, String id) {
        return ObjectPath.of("root/HyperVCluster/v2", cls, Map.of("id", id));
    }

    @Test
    void findsInstancesByBaseClassAndAnyCase() {
        assertThat(repository.get(path("T_BASE", "ALPHA"))).get().extracting(CimInstance::className).isEqualTo("T_A");
        assertThat(repository.get(path("T_A", "beta"))).isEmpty();
        assertThat(repository.instancesOf("T_Base")).extracting(CimInstance::className).containsExactly("T_A", "T_B");
    }

    private static CimInstance link(String from, String to) {
        return CimInstance.of("T_Link", Map.of("Source", path("T_A", from), "Target", path("T_B", to)));
    }

    @Test
    void indexesTheInstancesThatReferToAnInstanceThroughEveryChange() {
        repository.update(changes -> {
            changes.put(CimInstance.of("T_B", Map.of("Id", "Gamma")));
            changes.put(link("Alpha", "Beta"));
            changes.put(link("Alpha", "Gamma"));
            assertThat(changes.referencing(path("T_A", "alpha"), "T_Link")).as("pending links are seen").hasSize(2);
            return null;
        });
        assertThat(repository.referencing(path("T_A", "ALPHA"), "T_Link")).hasSize(2);
        assertThat(repository.referencing(path("T_B", "gamma"), "T_Link")).extracting(i -> ((ObjectPath) i.get("Target")).key("Id"))
                .containsExactly("Gamma");
        repository.update(changes -> {
            changes.delete(MofLoader.pathOf(schema, link("Alpha", "Gamma")));
            assertThat(changes.referencing(path("T_B", "Gamma"), "T_Link")).as("a pending delete is seen").isEmpty();
            return null;
        });
        assertThat(repository.referencing(path("T_A", "Alpha"), "T_Link")).hasSize(1);
        assertThat(repository.referencing(path("T_B", "Gamma"), "T_Link")).isEmpty();
        assertThatThrownBy(() -> repository.update(changes -> {
            changes.put(link("Alpha", "Gamma"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(repository.referencing(path("T_B", "Gamma"), "T_Link")).as("a failed update indexes nothing").isEmpty();
        assertThat(repository.referencing(path("T_A", "Nobody"), "T_Link")).isEmpty();
        assertThat(repository.referencing(path("T_A", "Alpha"), "T_Base")).as("only the class asked for").isEmpty();
    }

    @Test
    void appliesNothingOfAFailedUpdate() {
        assertThatThrownBy(() -> repository.update(changes -> {
            changes.put(CimInstance.of("T_A", Map.of("Id", "Gamma")));
            changes.delete(path("T_Base", "Alpha"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(repository.get(path("T_Base", "Gamma"))).isEmpty();
        assertThat(repository.get(path("T_Base", "Alpha"))).isPresent();
    }

    @Test
    void letsAnUpdateSeeItsOwnChanges() {
        int seen = repository.update(changes -> {
            changes.put(CimInstance.of("T_B", Map.of("Id", "Gamma")));
            changes.delete(path("T_Base", "alpha"));
            return changes.instancesOf("T_Base").size();
        });
        assertThat(seen).isEqualTo(2);
        assertThat(repository.instancesOf("T_Base")).extracting(i -> i.get("Id")).containsExactly("Beta", "Gamma");
    }

    @Test
    void tellsWatchersWhatAnAppliedUpdateChangedInTheirClassFamily() {
        List<ObjectPath> seen = new java.util.ArrayList<>();
        repository.watch("T_A", seen::add);
        repository.update(changes -> {
            changes.put(CimInstance.of("T_A", Map.of("Id", "Gamma")));
            changes.put(CimInstance.of("T_B", Map.of("Id", "Delta")));
            changes.delete(path("T_Base", "Alpha"));
            assertThat(seen).as("nothing before the update applies").isEmpty();
            return null;
        });
        assertThat(seen).containsExactlyInAnyOrder(path("T_A", "Gamma"), path("T_A", "Alpha"));
        seen.clear();
        assertThatThrownBy(() -> repository.update(changes -> {
            changes.put(CimInstance.of("T_A", Map.of("Id", "Epsilon")));
            throw new IllegalStateException("rejected");
        })).hasMessage("rejected");
        assertThat(seen).as("a failed update changed nothing").isEmpty();
    }

    @Test
    void runsUpdatesOneAtATime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger winners = new AtomicInteger();
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(pool.submit(() -> repository.update(changes -> {
                CimInstance a = changes.get(path("T_A", "Alpha")).orElseThrow();
                long count = (Long) a.get("Count");
                if (count == 0) {
                    winners.incrementAndGet();
                }
                changes.put(a.with("Count", count + 1));
                return null;
            })));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(winners.get()).isEqualTo(1);
        assertThat(repository.get(path("T_A", "Alpha")).orElseThrow().get("Count")).isEqualTo(200L);
    }
}
