package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.transport.ExchangeRecorder.Exchanged;
import hvemu.wsman.Exchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's bounds, numbering and reading of bodies, without HTTP. */
class RequestJournalTest {
    private static Exchanged exchange(String request, int responseBytes) {
        return exchange(request.getBytes(StandardCharsets.UTF_8), responseBytes);
    }

    private static Exchanged exchange(byte[] request, int responseBytes) {
        return new Exchanged(Instant.parse("2026-11-25T10:00:00Z"), "127.0.0.1:40000", new Exchange(), 200, 42_000,
                request, "r".repeat(responseBytes).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> sequences(RequestJournal journal) {
        return journal.find(JournalQuery.all()).stream().map(JournalEntry::sequence).toList();
    }

    @Test
    void keepsTheNewestEntriesUpToItsSize() {
        RequestJournal journal = new RequestJournal(3, RequestJournal.DEFAULT_BYTES);
        for (int i = 1; i <= 5; i++) {
            journal.record(exchange("request " + i, 10));
        }
        assertThat(sequences(journal)).containsExactly(3L, 4L, 5L);
        assertThat(journal.find(JournalQuery.all())).extracting(JournalEntry::request)
                .containsExactly("request 3", "request 4", "request 5");
    }

    @Test
    void dropsTheOldestBodiesPastItsByteBoundButKeepsTheNewest() {
        RequestJournal journal = new RequestJournal(100, 1000);
        journal.record(exchange("a".repeat(100), 300));
        journal.record(exchange("b".repeat(100), 300));
        journal.record(exchange("c".repeat(100), 300));
        assertThat(sequences(journal)).as("800 bytes over 1000 would be 1200").containsExactly(2L, 3L);
        journal.record(exchange("d".repeat(2000), 2000));
        assertThat(sequences(journal)).as("an exchange over the bound alone is kept").containsExactly(4L);
    }

    @Test
    void keepsNothingWithSizeZero() {
        RequestJournal journal = new RequestJournal(0, RequestJournal.DEFAULT_BYTES);
        journal.record(exchange("x", 1));
        assertThat(journal.find(JournalQuery.all())).isEmpty();
    }

    @Test
    void clearingForgetsEntriesAndRestartsNumbering() {
        RequestJournal journal = new RequestJournal(10, RequestJournal.DEFAULT_BYTES);
        journal.record(exchange("one", 1));
        journal.record(exchange("two", 1));
        journal.clear();
        assertThat(journal.find(JournalQuery.all())).isEmpty();
        journal.record(exchange("three", 1));
        assertThat(sequences(journal)).containsExactly(1L);
    }

    @Test
    void limitReturnsTheNewestMatchesOldestFirst() {
        RequestJournal journal = new RequestJournal(10, RequestJournal.DEFAULT_BYTES);
        for (int i = 1; i <= 4; i++) {
            journal.record(exchange("request " + i, 1));
        }
        assertThat(journal.find(new JournalQuery(null, null, null, 2))).extracting(JournalEntry::sequence)
                .containsExactly(3L, 4L);
    }

    @Test
    void givesTheBytesOfABodyThatIsNotUtf8() {
        RequestJournal journal = new RequestJournal(10, RequestJournal.DEFAULT_BYTES);
        byte[] utf16 = "\uFEFF<s:Envelope/>".getBytes(StandardCharsets.UTF_16LE);
        byte[] broken = {'<', 'a', (byte) 0xC3, '>'};
        journal.record(exchange(utf16, 1));
        journal.record(exchange(broken, 1));
        journal.record(exchange("caf\u00e9", 1));
        List<JournalEntry> entries = journal.find(JournalQuery.all());
        assertThat(entries.get(0).request()).isEqualTo("<s:Envelope/>");
        assertThat(Base64.getDecoder().decode(entries.get(0).requestBase64())).isEqualTo(utf16);
        assertThat(Base64.getDecoder().decode(entries.get(1).requestBase64())).isEqualTo(broken);
        assertThat(entries.get(2).request()).isEqualTo("caf\u00e9");
        assertThat(entries.get(2).requestBase64()).as("UTF-8 text gives its bytes back").isNull();
    }

    @Test
    void refusesNegativeBounds() {
        assertThatThrownBy(() -> new RequestJournal(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestJournal(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
