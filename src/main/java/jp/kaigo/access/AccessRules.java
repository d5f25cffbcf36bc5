package jp.kaigo.access;

import java.util.EnumSet;
import java.util.Set;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * The rules (national-design.md A2–A4), as a pure function of the facts about one request. Break-glass
 * access, while it lasts, is checked before them by {@link AccessDecisions}.
 */
final class AccessRules {
    /** 居宅介護支援 and 介護予防支援: the offices that make the care plan. */
    static final Set<String> CARE_PLANNING = Set.of("43", "46");
    private static final Set<InformationCategory> ASSESSMENTS =
            EnumSet.of(InformationCategory.CARE_SURVEY, InformationCategory.DOCTOR_OPINION);
    private static final Set<InformationCategory> FOR_CLERKS = EnumSet.of(InformationCategory.INSURANCE_CARD,
            InformationCategory.BURDEN_RATIO, InformationCategory.BURDEN_LIMIT, InformationCategory.CLAIMS);

    /**
     * @param serviceTypesInCharge the service types for which the office is the person's 担当事業所 now
     *                             (empty: it is not)
     * @param lost                 the person has lost the qualification (資格喪失) as of today
     * @param opinionRequested     the medical institution was asked to write the person's 主治医意見書
     */
    record Facts(Actor actor, boolean self, boolean ownInsured, InformationCategory category, boolean lost,
            Set<String> serviceTypesInCharge, ConsentState consent, boolean opinionRequested) {
    }

    private AccessRules() {
    }

    static AccessReason decide(Facts f) {
        if (f.actor().isPerson()) {
            return f.self() ? AccessReason.SELF : AccessReason.OTHER_INSURER;
        }
        PartyKind kind = f.actor().kind();
        if (kind == PartyKind.MUNICIPALITY) {
            return f.ownInsured() ? AccessReason.OWN_INSURED : AccessReason.OTHER_INSURER;
        }
        InformationCategory category = f.category();
        if (f.lost()) {
            return AccessReason.QUALIFICATION_LOST;
        }
        if (f.actor().job() == JobType.CLERK && !FOR_CLERKS.contains(category)) {
            return AccessReason.CLERK;
        }
        if (kind == PartyKind.OFFICE) {
            if (f.serviceTypesInCharge().isEmpty()) {
                return AccessReason.NOT_IN_CHARGE;
            }
            if (ASSESSMENTS.contains(category) && (f.actor().job() != JobType.CARE_MANAGER
                    || f.serviceTypesInCharge().stream().noneMatch(CARE_PLANNING::contains))) {
                return AccessReason.CARE_MANAGER_ONLY;
            }
            return consent(f.consent());
        }
        // a medical institution
        if (category == InformationCategory.BURDEN_RATIO || category == InformationCategory.BURDEN_LIMIT) {
            return AccessReason.NOT_FOR_MEDICAL;
        }
        if (ASSESSMENTS.contains(category)) {
            return category == InformationCategory.DOCTOR_OPINION && f.opinionRequested()
                    ? AccessReason.OPINION_REQUESTED : AccessReason.CARE_MANAGER_ONLY;
        }
        if (f.consent() == ConsentState.NONE && f.opinionRequested()) {
            return AccessReason.OPINION_REQUESTED;
        }
        return consent(f.consent());
    }

    /**
     * Who may write a person's records of the category: LIFE assessments, any office in charge; the care
     * plan, the care manager of the care-planning office in charge; both while the person is insured.
     */
    static AccessReason write(Facts f) {
        return f.category() == InformationCategory.LIFE ? writeAsOfficeInCharge(f) : writeCarePlan(f);
    }

    /** Records of an office's own services (LIFE, 第6表 実績): any office in charge, while the person is insured. */
    static AccessReason writeAsOfficeInCharge(Facts f) {
        if (f.actor().isPerson() || f.actor().kind() != PartyKind.OFFICE) {
            return AccessReason.NOT_IN_CHARGE;
        }
        if (f.lost()) {
            return AccessReason.QUALIFICATION_LOST;
        }
        return f.serviceTypesInCharge().isEmpty() ? AccessReason.NOT_IN_CHARGE : AccessReason.RECORDING_OFFICE;
    }

    /** Who may write and issue a person's care plan: the care manager of the care-planning office in charge. */
    static AccessReason writeCarePlan(Facts f) {
        if (f.actor().isPerson() || f.actor().kind() != PartyKind.OFFICE) {
            return AccessReason.CARE_PLAN_AUTHOR_ONLY;
        }
        if (f.lost()) {
            return AccessReason.QUALIFICATION_LOST;
        }
        return f.actor().job() == JobType.CARE_MANAGER && f.serviceTypesInCharge().stream().anyMatch(CARE_PLANNING::contains)
                ? AccessReason.CARE_PLAN_AUTHOR : AccessReason.CARE_PLAN_AUTHOR_ONLY;
    }

    private static AccessReason consent(ConsentState consent) {
        return switch (consent) {
            case BLANKET, GIVEN -> AccessReason.CONSENTED;
            case REFUSED -> AccessReason.REFUSED;
            case NONE -> AccessReason.NO_CONSENT;
        };
    }
}
