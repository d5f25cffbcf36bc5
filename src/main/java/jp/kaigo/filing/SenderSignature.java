package jp.kaigo.filing;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The sender's own signature on a document (design §2.6.3; I16 §4 "signed with the institution's certificate"):
 * {@code SHA256withECDSA} ({@code SHA256withRSA} for an RSA key), DER, over the UTF-8 bytes of {@link #statement},
 * which names the document's kind, person, addressee and the request it answers besides the content hash, so that a
 * signed 意見書 cannot stand for another person or request. Made with the private key of the TLS client certificate
 * the document is sent under ({@code certificate}, null when the connection presented none, which cannot be
 * verified).
 */
public record SenderSignature(byte[] signature, X509Certificate certificate) {

    /** What is signed: one {@code name=value} line each, in this order, ending with a newline. */
    static byte[] statement(Outgoing out, byte[] contentSha256) {
        String text = "kaigo-platform document signature v1\n"
                + "kind=" + out.kind().key() + "\n"
                + "insurer=" + out.insurer().value() + "\n"
                + "insured=" + out.insured().value() + "\n"
                + "to=" + out.to().kind().code() + ":" + out.to().number() + "\n"
                + "in-reply-to=" + (out.inReplyTo() == null ? "-" : out.inReplyTo().toString()) + "\n"
                + "content-sha256=" + HexFormat.of().formatHex(contentSha256) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
