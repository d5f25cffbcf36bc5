package jp.kaigo.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * An exchanged document changed status (published by {@code exchange} inside the transaction that changed it):
 * identifiers and codes only. {@code from} is null for the first sending; {@code reasonCode} is the return or
 * withdrawal reason's code, or null. The person's numbers let a listener tell the applicant (§1.3).
 */
public record DocumentStatusChanged(UUID documentId, int version, DocumentKind kind, DocumentStatus from,
        DocumentStatus to, Correspondent by, String reasonCode, Instant at, Correspondent sender,
        Correspondent recipient, String insurerNo, String insuredNo) {
}
