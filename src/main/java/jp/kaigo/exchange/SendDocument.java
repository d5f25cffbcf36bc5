package jp.kaigo.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/**
 * Send a new document about a person (design §2.1). {@code payload} is the flat map of field values of the kind's
 * layout; {@code idempotencyKey} is the client's key (1–64 of {@code [A-Za-z0-9._:-]}) or null, when the platform
 * derives one from the kind, the request answered and the content. {@code staffId} is the sending staff member
 * (null for a person); {@code clientCertificateSerial} the TLS client certificate the document came under, or null;
 * {@code signerSignature} the sender's own signature over the content, verified by the caller, or null;
 * {@code attachments} the PDFs sent with it (design §2.7), none by default.
 */
public record SendDocument(DocumentKind kind, InsurerNumber insurer, InsuredNumber insured, Correspondent sender,
        Correspondent recipient, Map<String, String> payload, String idempotencyKey, UUID inReplyTo, UUID caseId,
        UUID staffId, String clientCertificateSerial, byte[] signerSignature, List<NewAttachment> attachments) {

    public SendDocument {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A document without a signature of the sender's own and without attachments. */
    public SendDocument(DocumentKind kind, InsurerNumber insurer, InsuredNumber insured, Correspondent sender,
            Correspondent recipient, Map<String, String> payload, String idempotencyKey, UUID inReplyTo, UUID caseId,
            UUID staffId, String clientCertificateSerial) {
        this(kind, insurer, insured, sender, recipient, payload, idempotencyKey, inReplyTo, caseId, staffId,
                clientCertificateSerial, null, List.of());
    }
}
