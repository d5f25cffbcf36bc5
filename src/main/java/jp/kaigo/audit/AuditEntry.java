package jp.kaigo.audit;

import java.util.UUID;
import jp.kaigo.shared.Party;

/**
 * One thing to record: who ({@code actorKind}/{@code actorNumber}, the staff member's job type but
 * never their name) did what ({@code event}, {@code subject}) to whose data ({@code personInsurer} +
 * {@code personInsured}, both null when no person is concerned), why and with what outcome.
 */
public record AuditEntry(String event, String actorKind, String actorNumber, String staffJob, String personInsurer,
        String personInsured, String subject, String purpose, String outcome, UUID staffId, String qualification) {

    /** An entry that names no staff account (a person, a municipality's system, a sign-in attempt). */
    public AuditEntry(String event, String actorKind, String actorNumber, String staffJob, String personInsurer,
            String personInsured, String subject, String purpose, String outcome) {
        this(event, actorKind, actorNumber, staffJob, personInsurer, personInsured, subject, purpose, outcome, null, null);
    }

    /** The same entry, pinned to the staff account that acted and the qualification a rule relied on. */
    public AuditEntry by(UUID staff, String relied) {
        return new AuditEntry(event, actorKind, actorNumber, staffJob, personInsurer, personInsured, subject, purpose,
                outcome, staff, relied);
    }

    /**
     * A 資格確認 (by typed numbers or by card), whatever the answer: which organisation and staff job type
     * asked about which numbers, and what they were told.
     */
    public static AuditEntry eligibility(Party asking, UUID staffId, String staffJob, String insurerNo, String insuredNo,
            boolean byCard, boolean burdenLimitShown, String status) {
        return new AuditEntry("eligibility", asking.kind().code(), asking.number(), staffJob, insurerNo, insuredNo,
                "資格確認" + (byCard ? "(マイナンバーカード)" : "") + (burdenLimitShown
                        ? "(被保険者証・負担割合証・負担限度額認定証)" : "(被保険者証・負担割合証)"), "資格確認", status,
                staffId, null);
    }
}
