package jp.kaigo.filing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.exchange.NewAttachment;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/**
 * A document a party sends about a person: its kind, the addressee, the field values of the kind's layout, the
 * client's idempotency key (or null), the request it answers (or null), the TLS client certificate it came
 * under (or null), the sender's own signature over the content (or null; I16 §4, design §2.6.3) and the PDFs sent
 * with it (design §2.7; none by default).
 */
public record Outgoing(DocumentKind kind, Correspondent to, InsurerNumber insurer, InsuredNumber insured,
        Map<String, String> payload, String idempotencyKey, UUID inReplyTo, String clientCertificateSerial,
        SenderSignature signature, List<NewAttachment> attachments) {

    public Outgoing {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The same document with these attachments. */
    public Outgoing withAttachments(List<NewAttachment> files) {
        return new Outgoing(kind, to, insurer, insured, payload, idempotencyKey, inReplyTo, clientCertificateSerial,
                signature, files);
    }

    /** A document sent without a signature of the sender's own and without attachments. */
    public Outgoing(DocumentKind kind, Correspondent to, InsurerNumber insurer, InsuredNumber insured,
            Map<String, String> payload, String idempotencyKey, UUID inReplyTo, String clientCertificateSerial) {
        this(kind, to, insurer, insured, payload, idempotencyKey, inReplyTo, clientCertificateSerial, null, List.of());
    }
}
