package jp.kaigo.exchange;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;

/**
 * A document as a party sees it once allowed to read it: the envelope, its current version's payload, and whether the
 * sender signed that content with its own key ({@code senderSigned}, design §2.6.3).
 */
public record DocumentView(DocumentRef document, DocumentKind kind, Correspondent sender, Correspondent recipient,
        DocumentStatus status, int version, String layoutVersion, Map<String, String> payload, UUID inReplyTo,
        Instant sentAt, Instant statusAt, boolean senderSigned) {

    /** Past its retention: the envelope, history and receipts stay, the content is gone (design §2.9). */
    public boolean purged() {
        return payload == null;
    }
}
