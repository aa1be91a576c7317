package hvemu.cim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CIM datetime: a timestamp or an interval (DSP0004 §5.2.4), with microsecond precision.
 *
 * <p>It reads the CIM text forms ({@code yyyymmddHHMMSS.mmmmmmsUUU} and {@code ddddddddHHMMSS.mmmmmm:000})
 * and the XML Schema forms WS-Man uses ({@code xs:dateTime} in {@code cim:Datetime}, {@code xs:duration}
 * in {@code cim:Interval}, DSP0230).
 */
public final class CimDateTime {
    private static final Pattern CIM_TIMESTAMP =
            Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6})([+-])(\\d{3})");
    private static final Pattern CIM_INTERVAL = Pattern.compile("(\\d{8})(\\d{2})(\\d{2})(\\d{2})\\.(\\d{6}):000");
    private static final Pattern XS_DURATION = Pattern.compile(
            "P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

    private final OffsetDateTime timestamp;
    private final Duration interval;

    private CimDateTime(OffsetDateTime timestamp, Duration interval) {
        this.timestamp = timestamp;
        this.interval = interval;
    }

    /** Returns the timestamp of an instant, in UTC, truncated to microseconds. */
    public static CimDateTime of(Instant instant) {
        return new CimDateTime(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC), null);
    }

    /** Returns an interval, truncated to microseconds. */
    public static CimDateTime interval(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("an interval is not negative: " + duration);
        }
        return new CimDateTime(null, duration.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Parses a CIM text form or an XML Schema form.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static CimDateTime parse(String text) {
        String t = text.trim();
        Matcher m = CIM_TIMESTAMP.matcher(t);
        if (m.matches()) {
            int offsetMinutes = Integer.parseInt(m.group(9)) * (m.group(8).equals("-") ? -1 : 1);
            return new CimDateTime(OffsetDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6),
                    num(m, 7) * 1000, ZoneOffset.ofTotalSeconds(offsetMinutes * 60)), null);
        }
        m = CIM_INTERVAL.matcher(t);
        if (m.matches()) {
            return interval(Duration.ofDays(Long.parseLong(m.group(1))).plusHours(num(m, 2)).plusMinutes(num(m, 3))
                    .plusSeconds(num(m, 4)).plusNanos(num(m, 5) * 1000L));
        }
        m = XS_DURATION.matcher(t);
        if (m.matches() && t.length() > 1 && !t.endsWith("T")) {
            Duration d = Duration.ZERO;
            if (m.group(1) != null) {
                d = d.plusDays(Long.parseLong(m.group(1)));
            }
            if (m.group(2) != null) {
                d = d.plusHours(Long.parseLong(m.group(2)));
            }
            if (m.group(3) != null) {
                d = d.plusMinutes(Long.parseLong(m.group(3)));
            }
            if (m.group(4) != null) {
                d = d.plusNanos(new java.math.BigDecimal(m.group(4)).movePointRight(9).longValueExact());
            }
            return interval(d);
        }
        try {
            return new CimDateTime(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .truncatedTo(ChronoUnit.MICROS), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a CIM datetime", e);
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Returns true for an interval, false for a timestamp. */
    public boolean isInterval() {
        return interval != null;
    }

    /** Returns the timestamp; only for timestamps. */
    public OffsetDateTime timestamp() {
        if (timestamp == null) {
            throw new IllegalStateException("an interval has no timestamp");
        }
        return timestamp;
    }

    /** Returns the interval; only for intervals. */
    public Duration interval() {
        if (interval == null) {
            throw new IllegalStateException("a timestamp has no interval");
        }
        return interval;
    }

    /**
     * Returns the XML Schema form: xs:dateTime such as {@code 2013-04-15T16:28:43.488171Z}, or xs:duration
     * in WinRM's form {@code P0DT0H1M40S} (wire.md §4.2).
     */
    public String toXml() {
        if (timestamp != null) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp);
        }
        long seconds = interval.getSeconds();
        int micros = interval.getNano() / 1000;
        String fraction = micros == 0 ? "" : String.format(".%06d", micros).replaceAll("0+$", "");
        return "P" + seconds / 86400 + "DT" + (seconds % 86400) / 3600 + "H" + (seconds % 3600) / 60 + "M"
                + seconds % 60 + fraction + "S";
    }

    /** Returns the CIM text form (DSP0004 §5.2.4). */
    public String toCim() {
        if (timestamp != null) {
            int offset = timestamp.getOffset().getTotalSeconds() / 60;
            return String.format("%04d%02d%02d%02d%02d%02d.%06d%s%03d", timestamp.getYear(), timestamp.getMonthValue(),
                    timestamp.getDayOfMonth(), timestamp.getHour(), timestamp.getMinute(), timestamp.getSecond(),
                    timestamp.getNano() / 1000, offset < 0 ? "-" : "+", Math.abs(offset));
        }
        long s = interval.getSeconds();
        return String.format("%08d%02d%02d%02d.%06d:000", s / 86400, (s % 86400) / 3600, (s % 3600) / 60, s % 60,
                interval.getNano() / 1000);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimDateTime other && Objects.equals(timestamp, other.timestamp)
                && Objects.equals(interval, other.interval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, interval);
    }

    @Override
    public String toString() {
        return toCim();
    }
}
