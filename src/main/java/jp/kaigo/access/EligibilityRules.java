package jp.kaigo.access;

import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * Who may run 資格確認 (介護保険資格確認等WEBサービス) and what its answer shows, as a pure function of the facts
 * (checked by {@code EligibilityDecisionTableTests} against a table written from the design):
 * <ul>
 * <li>a care office's staff, whatever their job (national-design.md A3: 本人確認 at the office precedes the
 *     relationship); a medical institution only where it is designated for a care service (みなし指定) —
 *     負担割合証 and 負担限度額認定証 go to no other institution (A2, WG-mid);
 * <li>被保険者証 and 負担割合証 in every answer; the 負担限度額認定証 only after the person's own consent to
 *     this organisation, oral or written as the office recorded it, or with the card (別紙02 ※1, A4) —
 *     otherwise the answer says one exists and is withheld;
 * <li>never a 介護認定審査会委員, whatever its organisation (docs/design/certification-online.md §6.4 K1).
 * </ul>
 */
final class EligibilityRules {
    /** @param job the signed-in staff member's job (null for a person) */
    record Facts(PartyKind asking, JobType job, boolean staffSignedIn, boolean designatedForCare,
            ConsentState burdenLimitConsent) {
    }

    private EligibilityRules() {
    }

    static EligibilityScope decide(Facts f) {
        boolean careProvider = f.asking() == PartyKind.OFFICE
                || f.asking() == PartyKind.MEDICAL_INSTITUTION && f.designatedForCare();
        if (!f.staffSignedIn() || !careProvider || f.job() == JobType.COMMITTEE_MEMBER) {
            return new EligibilityScope(false, false);
        }
        boolean limit = f.burdenLimitConsent() == ConsentState.GIVEN || f.burdenLimitConsent() == ConsentState.GIVEN_ALL;
        return new EligibilityScope(true, limit);
    }
}
