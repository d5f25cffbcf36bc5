package jp.kaigo.eligibility;

import java.time.Instant;

/**
 * For a municipality: an office that tried wrong birth dates on its insured within the last 30 days — how
 * many, on how many persons, the last time, and until when it was stopped (null: not stopped).
 */
public record GuessingAlert(String officeKind, String officeNo, int wrongBirthDates, int persons, Instant lastTriedAt,
        Instant lockedUntil) {
}
