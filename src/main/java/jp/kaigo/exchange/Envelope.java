package jp.kaigo.exchange;

import java.time.Instant;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;

/** One row of an inbox (counterpart = the sender) or an outbox (counterpart = the recipient). */
public record Envelope(DocumentRef document, DocumentKind kind, Correspondent counterpart, DocumentStatus status,
        Instant sentAt, Instant statusAt) {
}
