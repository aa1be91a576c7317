package hvemu.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The multipart/encrypted body of MS-WSMV §2.2.9.1.1: written as pywinrm writes it, read back, refused when bent. */
class EncryptedMessageTest {
    private static final byte[] SIGNATURE = new byte[16];
    private static final byte[] SEALED = "--Encrypted Boundary\r\n in the data".getBytes(StandardCharsets.US_ASCII);

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesPywinrmsFramingAndReadsItBackWhateverTheSealedBytesHold() {
        byte[] body = new EncryptedMessage("application/soap+xml;charset=UTF-8", SIGNATURE, SEALED).write();
        assertThat(text(body)).startsWith("--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
                + "\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" + SEALED.length + "\r\n"
                + "--Encrypted Boundary\r\n\tContent-Type: application/octet-stream\r\n\u0010\0\0\0")
                .endsWith("--Encrypted Boundary--\r\n");
        EncryptedMessage read = EncryptedMessage.parse(EncryptedMessage.CONTENT_TYPE, body);
        assertThat(read.originalType()).isEqualTo("application/soap+xml;charset=UTF-8");
        assertThat(read.signature()).isEqualTo(SIGNATURE);
        assertThat(read.sealed()).isEqualTo(SEALED);
    }

    @Test
    void refusesEveryTruncationAndRandomBytes() {
        byte[] good = new EncryptedMessage("application/soap+xml;charset=UTF-8", SIGNATURE, SEALED).write();
        // Only the final CRLF may go: a client that ends with the closing boundary is read.
        for (int length = 0; length < good.length - 2; length++) {
            byte[] cut = java.util.Arrays.copyOf(good, length);
            assertThatThrownBy(() -> EncryptedMessage.parse(EncryptedMessage.CONTENT_TYPE, cut)).isInstanceOf(NtlmException.class);
        }
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 1000; i++) {
            byte[] bent = good.clone();
            bent[random.nextInt(bent.length)] = (byte) random.nextInt(256);
            try {
                EncryptedMessage.parse(EncryptedMessage.CONTENT_TYPE, bent);
            } catch (NtlmException refused) {
                // a byte of the framing changed; one of the signature or data is for the unsealing to refuse
            }
        }
    }

    @Test
    void refusesOtherProtocolsFramingsAndLengths() {
        String good = text(new EncryptedMessage("application/soap+xml;charset=UTF-8", SIGNATURE, SEALED).write());
        String credssp = "multipart/encrypted;protocol=\"application/HTTP-CredSSP-session-encrypted\";boundary=\"Encrypted Boundary\"";
        assertThatThrownBy(() -> EncryptedMessage.parse(credssp, bytes(good))).isInstanceOf(NtlmException.class);
        for (String bent : new String[] {
            good.replace("Length=" + SEALED.length, "Length=" + (SEALED.length + 5)),
            good.replace("Length=" + SEALED.length, "Length=-1"),
            good.replace("\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" + SEALED.length + "\r\n", ""),
            good.replace("application/octet-stream", "text/plain"),
            good.replace("\u0010\0\0\0", "\u0014\0\0\0"),
            good.substring(0, good.length() - 10),
            good.substring(1),
            ""}) {
            assertThatThrownBy(() -> EncryptedMessage.parse(EncryptedMessage.CONTENT_TYPE, bytes(bent)))
                    .as(bent).isInstanceOf(NtlmException.class);
        }
    }
}
