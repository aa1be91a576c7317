package hvemu.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modes per method with a default, and the text of a progression as the admin API writes and reads it. */
class JobModesTest {
    @Test
    void aMethodTakesItsOwnModeOrTheDefaultAndResetForgetsThem() {
        JobModes modes = new JobModes(JobProgression.timed(Duration.ofSeconds(1)));
        modes.set("CreateResourcePool", JobProgression.stepped());
        modes.set("createRESOURCEpool", JobProgression.immediate());
        modes.set("*", JobProgression.stepped());

        assertThat(modes.of("CREATERESOURCEPOOL")).isEqualTo(JobProgression.immediate());
        assertThat(modes.of("DeleteResourcePool")).isEqualTo(JobProgression.stepped());
        assertThat(modes.of(null)).isEqualTo(JobProgression.stepped());
        assertThat(modes.all()).containsExactly(Map.entry("*", JobProgression.stepped()),
                Map.entry("CreateResourcePool", JobProgression.immediate()));

        modes.reset();

        assertThat(modes.all()).containsExactly(Map.entry("*", JobProgression.timed(Duration.ofSeconds(1))));
    }

    @Test
    void writesAProgressionAsItIsRead() {
        for (String text : new String[] {"immediate", "manual", "2s", "1500ms", "1m", "90s", "1440m"}) {
            assertThat(JobProgression.parse(text).text()).isEqualTo(text);
        }
        assertThat(JobProgression.parse("stepped").text()).isEqualTo("manual");
        assertThat(JobProgression.parse("1.5s").text()).isEqualTo("1500ms");
        assertThat(JobProgression.parse("120s").text()).isEqualTo("2m");
    }

    @Test
    void refusesDurationsThatAreNotPositiveOrLongerThanADay() {
        assertThatThrownBy(() -> JobProgression.parse("0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> JobProgression.parse("1441m")).hasMessageContaining("at most 1 day");
        assertThatThrownBy(() -> JobProgression.parse("1e9s")).hasMessageContaining("at most 1 day");
        assertThatThrownBy(() -> JobProgression.parse("soon")).hasMessageContaining("a job mode is immediate, manual");
    }
}
