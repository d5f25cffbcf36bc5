package jp.kaigo.access;

import java.time.Instant;
import java.util.UUID;

/** A break-glass opening: which organisation and job, whose records, why, until when, and its review. */
public record EmergencyOpening(UUID openingId, String actorKind, String actorNumber, String staffJob, String insurerNo,
        String insuredNo, String reason, Instant openedAt, Instant expiresAt, Instant reviewedAt, String reviewNote) {
}
