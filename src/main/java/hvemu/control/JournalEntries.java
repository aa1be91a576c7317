package hvemu.control;

import hvemu.transport.ExchangeRecorder.Exchanged;
import hvemu.wsman.Exchange;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Journal entries from recorded exchanges, and the journal's filters. */
final class JournalEntries {
    private JournalEntries() {
    }

    /** Returns true when the exchange passes every filter the query sets. */
    static boolean matches(Exchanged exchanged, JournalQuery query) {
        Exchange x = exchanged.exchange();
        return (query.action() == null || query.action().equals(x.action()))
                && (query.resourceUri() == null || query.resourceUri().equalsIgnoreCase(x.resourceUri()))
                && (query.method() == null || query.method().equalsIgnoreCase(x.method()));
    }

    /** Returns the entry of an exchange: its facts, and its bodies as text. */
    static JournalEntry of(long sequence, Exchanged e) {
        Exchange x = e.exchange();
        byte[] request = e.request();
        boolean utf16 = startsWithUtf16Mark(request);
        String utf8 = utf16 ? null : utf8(request);
        String text = utf8 != null ? utf8 : new String(request, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        return new JournalEntry(sequence, e.time().toString(), e.remoteAddress(), x.action(), x.resourceUri(),
                x.selectors(), x.method(), e.httpStatus(), x.faultSubcode(),
                x.injection() == null ? null : x.injection().rule(), e.durationNanos() / 1000, text,
                utf8 == null ? Base64.getEncoder().encodeToString(request) : null,
                new String(e.response(), StandardCharsets.UTF_8));
    }

    /** Returns the bytes as UTF-8 text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A UTF-16 body starts with its byte order mark (wire.md §6). */
    private static boolean startsWithUtf16Mark(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }
}
