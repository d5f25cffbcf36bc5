package jp.kaigo.exchange;

import java.time.Instant;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentStatus;

/** One step of a document's history; {@code from} is null for the first sending, {@code by} null for the platform. */
public record StatusChange(int seq, DocumentStatus from, DocumentStatus to, int version, Correspondent by,
        String reasonCode, String note, Instant at) {
}
