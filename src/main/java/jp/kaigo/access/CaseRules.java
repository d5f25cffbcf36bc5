package jp.kaigo.access;

import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * Who works on a person's 認定 case — assigns the survey, imports the 一次判定, records the 二次判定 (design §3.3,
 * §4.1, §6.1, §6.5): the staff of the person's municipality whose job is 市町村職員, never a 審査会委員 (K1), never
 * another organisation. Pure; {@code CaseDecisionTableTests} checks every combination against the table.
 */
final class CaseRules {
    private CaseRules() {
    }

    /**
     * @param kind       the actor's organisation kind (null: a person with a card)
     * @param job        the staff member's job (null for a person)
     * @param ownInsurer the actor is the municipality that insures the person
     */
    static AccessReason decide(PartyKind kind, JobType job, boolean ownInsurer) {
        if (kind != PartyKind.MUNICIPALITY) {
            return AccessReason.NOT_INVOLVED; // C1: only the insurer decides on its insured
        }
        if (job == JobType.COMMITTEE_MEMBER) {
            return AccessReason.COMMITTEE_PACKET_ONLY; // C2 = K1
        }
        if (!ownInsurer) {
            return AccessReason.OTHER_INSURER; // C3
        }
        return job == JobType.MUNICIPAL_OFFICER ? AccessReason.OWN_INSURED : AccessReason.OFFICER_ONLY; // C4, C5
    }
}
