package jp.kaigo.audit;

/**
 * One thing to record: who ({@code actorKind}/{@code actorNumber}, the staff member's job type but
 * never their name) did what ({@code event}, {@code subject}) to whose data ({@code personInsurer} +
 * {@code personInsured}, both null when no person is concerned), why and with what outcome.
 */
public record AuditEntry(String event, String actorKind, String actorNumber, String staffJob, String personInsurer,
        String personInsured, String subject, String purpose, String outcome) {
}
