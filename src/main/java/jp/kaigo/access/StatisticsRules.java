package jp.kaigo.access;

import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * Who uses the insurer's data for 2次利用 (docs/design/analytics.md §2): the municipality's own staff see its
 * statistics (cells of fewer than 10 persons suppressed), only its 市町村職員 make pseudonymised extracts; nobody else,
 * and never a 審査会委員. Pure; {@code StatisticsDecisionTableTests} checks every combination against the design's table.
 */
final class StatisticsRules {
    private StatisticsRules() {
    }

    /**
     * @param kind       the actor's organisation kind (null: a person with a card)
     * @param job        the staff member's job (null for a person)
     * @param ownInsurer the actor is the municipality whose insured the data are
     * @param use        statistics (indicators) or a row-level extract
     */
    static AccessReason decide(PartyKind kind, JobType job, boolean ownInsurer, AccessDecisions.StatisticsUse use) {
        if (kind != PartyKind.MUNICIPALITY) {
            return AccessReason.NOT_INVOLVED; // A1
        }
        if (job == JobType.COMMITTEE_MEMBER) {
            return AccessReason.COMMITTEE_PACKET_ONLY; // A2
        }
        if (!ownInsurer) {
            return AccessReason.OTHER_INSURER; // A3
        }
        if (use == AccessDecisions.StatisticsUse.INDICATORS) {
            return AccessReason.OWN_STATISTICS; // A4
        }
        return job == JobType.MUNICIPAL_OFFICER ? AccessReason.OWN_EXTRACT : AccessReason.EXTRACT_OFFICER_ONLY; // A5, A6
    }
}
