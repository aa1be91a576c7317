package hvemu.transport.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * SPNEGO's tokens (RFC 4178 §4.2), read and written with BouncyCastle's ASN.1 classes: the initiator's
 * NegTokenInit inside the GSS-API InitialContextToken framing (RFC 2743 §3.1), and NegTokenResp both ways.
 */
final class Spnego {
    static final ASN1ObjectIdentifier SPNEGO = new ASN1ObjectIdentifier("1.3.6.1.5.5.2");
    static final ASN1ObjectIdentifier NTLMSSP = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.2.10");
    static final int ACCEPT_COMPLETED = 0;
    static final int ACCEPT_INCOMPLETE = 1;
    static final int REJECT = 2;

    private Spnego() {
    }

    /**
     * A NegTokenInit: the mechanisms offered, in the initiator's order, the DER of that list (what a
     * mechListMIC covers), and the optimistic token of the first mechanism, if any.
     */
    record Init(List<ASN1ObjectIdentifier> mechTypes, byte[] mechTypesDer, byte[] mechToken) {
    }

    /** A NegTokenResp from the initiator: its mechanism token and mechListMIC, either possibly null. */
    record Resp(byte[] responseToken, byte[] mechListMic) {
    }

    /** Returns true when a token is an InitialContextToken ([APPLICATION 0]). */
    static boolean isInit(byte[] token) {
        return token.length > 0 && token[0] == 0x60;
    }

    /** Returns true when a token is a bare NegTokenResp ([1]). */
    static boolean isResp(byte[] token) {
        return token.length > 0 && (token[0] & 0xff) == 0xa1;
    }

    /** Reads a NegTokenInit in its GSS-API framing. */
    static Init readInit(byte[] token) {
        try {
            ASN1TaggedObject app = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(token), BERTags.APPLICATION, 0);
            ASN1Sequence framed = ASN1Sequence.getInstance(app.getBaseUniversal(false, BERTags.SEQUENCE));
            if (framed.size() != 2 || !SPNEGO.equals(framed.getObjectAt(0))) {
                throw new NtlmException("an initial token of another mechanism than SPNEGO");
            }
            ASN1TaggedObject negTokenInit = ASN1TaggedObject.getInstance(framed.getObjectAt(1), BERTags.CONTEXT_SPECIFIC, 0);
            List<ASN1ObjectIdentifier> mechs = new ArrayList<>();
            byte[] mechTypesDer = null;
            byte[] mechToken = null;
            for (ASN1Encodable element : ASN1Sequence.getInstance(negTokenInit, true)) {
                ASN1TaggedObject field = ASN1TaggedObject.getInstance(element, BERTags.CONTEXT_SPECIFIC);
                if (field.getTagNo() == 0) {
                    ASN1Sequence list = ASN1Sequence.getInstance(field, true);
                    list.forEach(m -> mechs.add(ASN1ObjectIdentifier.getInstance(m)));
                    mechTypesDer = list.getEncoded(ASN1Encoding.DER);
                } else if (field.getTagNo() == 2) {
                    mechToken = ASN1OctetString.getInstance(field, true).getOctets();
                }
            }
            if (mechTypesDer == null) {
                throw new NtlmException("a NegTokenInit without mechTypes");
            }
            return new Init(List.copyOf(mechs), mechTypesDer, mechToken);
        } catch (IOException | RuntimeException e) {
            if (e instanceof NtlmException n) {
                throw n;
            }
            throw new NtlmException("not a NegTokenInit: " + e);
        }
    }

    /** Reads a bare NegTokenResp. */
    static Resp readResp(byte[] token) {
        try {
            ASN1TaggedObject choice = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(token), BERTags.CONTEXT_SPECIFIC, 1);
            byte[] responseToken = null;
            byte[] mic = null;
            for (ASN1Encodable element : ASN1Sequence.getInstance(choice, true)) {
                ASN1TaggedObject field = ASN1TaggedObject.getInstance(element, BERTags.CONTEXT_SPECIFIC);
                if (field.getTagNo() == 2) {
                    responseToken = ASN1OctetString.getInstance(field, true).getOctets();
                } else if (field.getTagNo() == 3) {
                    mic = ASN1OctetString.getInstance(field, true).getOctets();
                }
            }
            return new Resp(responseToken, mic);
        } catch (IOException | RuntimeException e) {
            throw new NtlmException("not a NegTokenResp: " + e);
        }
    }

    /** Writes a NegTokenResp; {@code supportedMech}, {@code responseToken} and {@code mic} may be null. */
    static byte[] resp(int negState, ASN1ObjectIdentifier supportedMech, byte[] responseToken, byte[] mic) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new DERTaggedObject(true, 0, new ASN1Enumerated(negState)));
        if (supportedMech != null) {
            fields.add(new DERTaggedObject(true, 1, supportedMech));
        }
        if (responseToken != null) {
            fields.add(new DERTaggedObject(true, 2, new DEROctetString(responseToken)));
        }
        if (mic != null) {
            fields.add(new DERTaggedObject(true, 3, new DEROctetString(mic)));
        }
        try {
            return new DERTaggedObject(true, 1, new DERSequence(fields)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }
}
