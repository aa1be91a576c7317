package hvemu.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CIM datetimes in CIM text and in the XML Schema forms WinRM writes. */
class CimDateTimeTest {
    @ParameterizedTest
    @CsvSource({
        "00000000000500.000000:000, P0DT0H5M0S",
        "00000001020304.250000:000, P1DT2H3M4.25S",
        "P0DT0H1M40S, P0DT0H1M40S",
        "PT1.5S, P0DT0H0M1.5S"})
    void readsAndWritesIntervals(String text, String xml) {
        CimDateTime dt = CimDateTime.parse(text);
        assertThat(dt.isInterval()).isTrue();
        assertThat(dt.toXml()).isEqualTo(xml);
    }

    @Test
    void readsCimTimestampsWithTheirOffset() {
        CimDateTime dt = CimDateTime.parse("20130415162843.488171-420");
        assertThat(dt.toXml()).isEqualTo("2013-04-15T16:28:43.488171-07:00");
        assertThat(dt.toCim()).isEqualTo("20130415162843.488171-420");
    }

    @Test
    void writesInstantsInUtc() {
        assertThat(CimDateTime.of(Instant.parse("2026-11-24T12:00:00.123456789Z")).toXml())
                .isEqualTo("2026-11-24T12:00:00.123456Z");
        assertThat(CimDateTime.interval(Duration.ofMillis(1250)).toCim()).isEqualTo("00000000000001.250000:000");
    }

    @Test
    void refusesOtherText() {
        assertThatThrownBy(() -> CimDateTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }
}
