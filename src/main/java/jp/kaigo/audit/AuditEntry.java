package jp.kaigo.audit;

import jp.kaigo.shared.Party;

/**
 * One thing to record: who ({@code actorKind}/{@code actorNumber}, the staff member's job type but
 * never their name) did what ({@code event}, {@code subject}) to whose data ({@code personInsurer} +
 * {@code personInsured}, both null when no person is concerned), why and with what outcome.
 */
public record AuditEntry(String event, String actorKind, String actorNumber, String staffJob, String personInsurer,
        String personInsured, String subject, String purpose, String outcome) {

    /**
     * A 資格確認 (by typed numbers or by card), whatever the answer: which organisation and staff job type
     * asked about which numbers, and what they were told.
     */
    public static AuditEntry eligibility(Party asking, String staffJob, String insurerNo, String insuredNo, boolean byCard,
            String status) {
        return new AuditEntry("eligibility", asking.kind().code(), asking.number(), staffJob, insurerNo, insuredNo,
                byCard ? "資格確認(マイナンバーカード)(被保険者証・負担割合証・負担限度額認定証)"
                        : "資格確認(被保険者証・負担割合証・負担限度額認定証)", "資格確認", status);
    }
}
