package jp.kaigo.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.Qualification;

/**
 * The rules, as a pure function of the facts about one request. Each rule names its source in
 * {@code ../shared/domain/national-design.md} (ND) or the seed's 別紙02; {@code AccessDecisionTableTests}
 * checks every combination against a table written from those sources.
 */
final class AccessRules {
    /**
     * Services with care management built in (ND A2 "care manager at a 居宅介護支援事業所"; office-master.md §3):
     * 居宅介護支援, 介護予防支援, 介護予防ケアマネジメント, 小多機, 看多機, 特定施設, GH and the 施設.
     */
    static final Set<String> CARE_MANAGEMENT = Set.of("43", "46", "AF", "73", "75", "77", "33", "35", "36", "32", "37",
            "51", "52", "54", "55");
    /**
     * Who is given the 償還払い積算額 (別紙02 ●(保→介)): the offices that plan care at home (居宅介護支援, 介護予防支援,
     * 介護予防ケアマネジメント, 小多機, 看多機: the ones that plan a 住宅改修 or a 福祉用具購入 with the person) and the ones that
     * sell 特定(介護予防)福祉用具 (41, 44: they must know what is left of the year's 100,000 円).
     */
    static final Set<String> REIMBURSEMENT_OFFICES = Set.of("43", "46", "AF", "73", "77", "41", "44");
    private static final Set<InformationCategory> ASSESSMENTS =
            EnumSet.of(InformationCategory.CARE_SURVEY, InformationCategory.DOCTOR_OPINION);
    private static final Set<InformationCategory> FOR_CLERKS = EnumSet.of(InformationCategory.INSURANCE_CARD,
            InformationCategory.BURDEN_RATIO, InformationCategory.BURDEN_LIMIT, InformationCategory.CLAIMS,
            InformationCategory.REIMBURSEMENT);
    private static final Set<InformationCategory> CERTIFICATES = EnumSet.of(InformationCategory.BURDEN_RATIO,
            InformationCategory.BURDEN_LIMIT);
    /** What an institution asked for a 主治医意見書 needs for that request: who the person is and the application. */
    private static final Set<InformationCategory> FOR_OPINION = EnumSet.of(InformationCategory.INSURANCE_CARD,
            InformationCategory.CERTIFICATION);

    /** A staff member's break-glass opening, as it stands for this request. */
    enum Emergency {
        /** No open break-glass opening of this staff member for the person. */
        NONE,
        /** Opened on a current or recently ended relationship: overrides a missing consent, never a refusal. */
        OPEN,
        /** Opened while the person's municipality declared a disaster mode covering the organisation. */
        DISASTER
    }

    /**
     * @param serviceTypesInCharge the service types for which the office is the person's 担当事業所 today (started,
     *                             not ended)
     * @param recentlyEnded        the service types of the office's relationships that ended within 30 days (count
     *                             only under break-glass)
     * @param lost                 the registry records the person's 資格喪失 on or before today
     * @param qualifiedCareManager the staff member's job is 介護支援専門員 and their registration is attested and in force
     * @param opinionRequestOpen   the institution was asked for the person's 主治医意見書, and the 意見書 is not yet
     *                             received or was received at most 30 days ago
     * @param designatedForCare    the medical institution is designated for a care service (みなし指定)
     */
    record Facts(Actor actor, boolean self, boolean ownInsured, InformationCategory category, boolean lost,
            Set<String> serviceTypesInCharge, Set<String> recentlyEnded, boolean qualifiedCareManager, ConsentState consent,
            boolean opinionRequestOpen, boolean designatedForCare, Emergency emergency) {
    }

    private AccessRules() {
    }

    /**
     * Of the care-plan records the category's decision let through, a 原案 (record type care-plan-proposal: shown to
     * the person, not yet issued) is for the person and the office that wrote it only (docs/design/care-documents.md
     * §7.2; D-c ※2: others see the plan once agreed and registered, i.e. issued).
     */
    static boolean seesPlanRecord(Actor actor, Object recordType, Object officeNo) {
        if (!PlanStatus.PROPOSAL_RECORD.equals(recordType)) {
            return true;
        }
        return actor.isPerson() || actor.kind() == PartyKind.OFFICE && actor.organisation().number().equals(officeNo);
    }

    static AccessReason decide(Facts f) {
        if (f.actor().isPerson()) {
            return f.self() ? AccessReason.SELF : AccessReason.NOT_INVOLVED;
        }
        if (f.actor().kind() == PartyKind.MUNICIPALITY) {
            if (f.actor().job() == JobType.COMMITTEE_MEMBER) {
                // design §6.4 K1: a 審査会委員 reads only the packets of its 合議体, through CommitteeRules
                return AccessReason.COMMITTEE_PACKET_ONLY;
            }
            // ND A2: municipalities see their own insured
            return f.ownInsured() ? AccessReason.OWN_INSURED : AccessReason.OTHER_INSURER;
        }
        if (f.category() == InformationCategory.COMMITTEE_PACKET) {
            // design §2.3, §2.10 R7: the packet goes to the 合議体 alone
            return AccessReason.NOT_INVOLVED;
        }
        return switch (f.actor().kind()) {
            case OFFICE -> office(f);
            case MEDICAL_INSTITUTION -> medical(f);
            case MUNICIPALITY, OPERATOR -> AccessReason.NOT_INVOLVED; // the operator sees no person's records
        };
    }

    /**
     * ND A2 (service type, job), A3 (only offices in charge after 本人確認), A4 (consent; 負担限度額 ※1); 別紙02 償還払い
     * 積算額 ●(保→介) only to the offices of {@link #REIMBURSEMENT_OFFICES}.
     */
    private static AccessReason office(Facts f) {
        Set<String> types = new HashSet<>(f.serviceTypesInCharge());
        if (f.emergency() != Emergency.NONE) {
            types.addAll(f.recentlyEnded());
        }
        if (types.isEmpty() && f.emergency() != Emergency.DISASTER) {
            return AccessReason.NOT_INVOLVED;
        }
        AccessReason common = common(f);
        if (common != null) {
            return common;
        }
        if (ASSESSMENTS.contains(f.category()) && !(f.qualifiedCareManager()
                && types.stream().anyMatch(CARE_MANAGEMENT::contains))) {
            return AccessReason.CARE_MANAGER_ONLY;
        }
        if (f.category() == InformationCategory.REIMBURSEMENT && types.stream().noneMatch(REIMBURSEMENT_OFFICES::contains)) {
            return AccessReason.REIMBURSEMENT_OFFICES_ONLY;
        }
        return consent(f);
    }

    /**
     * ND A2 (WG-mid: consent naming the institution; 負担割合証・負担限度額 not to institutions without care
     * services; WG-joint: the institution that received the 意見書作成依頼), A4 (包括同意 covers those involved).
     */
    private static AccessReason medical(Facts f) {
        boolean named = f.consent() == ConsentState.GIVEN;
        if (!named && !f.opinionRequestOpen() && f.emergency() != Emergency.DISASTER) {
            return AccessReason.NOT_INVOLVED;
        }
        AccessReason common = common(f);
        if (common != null) {
            return common;
        }
        if (CERTIFICATES.contains(f.category()) && !f.designatedForCare()) {
            return AccessReason.NOT_FOR_MEDICAL;
        }
        if (f.category() == InformationCategory.REIMBURSEMENT) {
            return AccessReason.REIMBURSEMENT_OFFICES_ONLY; // 別紙02 ●(保→介): given to the offices, not to medicine
        }
        if (f.category() == InformationCategory.CARE_SURVEY) {
            return AccessReason.CARE_MANAGER_ONLY;
        }
        if (f.category() == InformationCategory.DOCTOR_OPINION) {
            return f.opinionRequestOpen() ? AccessReason.OPINION_REQUESTED : AccessReason.CARE_MANAGER_ONLY;
        }
        if (f.consent() == ConsentState.REFUSED && f.emergency() != Emergency.DISASTER) {
            return AccessReason.REFUSED; // the person's word stands against the 意見書 request too (issue 13.9)
        }
        if (f.opinionRequestOpen() && FOR_OPINION.contains(f.category())) {
            return AccessReason.OPINION_REQUESTED;
        }
        return consent(f);
    }

    /** For anyone involved: 資格喪失 (ND A2 WG-joint: only while providing service), then the 事務 job. */
    private static AccessReason common(Facts f) {
        if (f.lost()) {
            return AccessReason.QUALIFICATION_LOST;
        }
        if (f.actor().job() == JobType.CLERK && !FOR_CLERKS.contains(f.category())) {
            return AccessReason.CLERK;
        }
        return null;
    }

    /**
     * The person's word: a refusal holds (break-glass overrides it only in a declared disaster, ND A3); the
     * 負担限度額認定証 needs the person's own consent (別紙02 ※1), not the municipality's 包括同意; an institution's
     * 包括同意 counts only while it was asked for the 意見書 (ND A4).
     */
    private static AccessReason consent(Facts f) {
        ConsentState consent = f.consent();
        if (f.category() == InformationCategory.BURDEN_LIMIT) {
            return consent == ConsentState.GIVEN || consent == ConsentState.GIVEN_ALL ? AccessReason.CONSENTED
                    : consent == ConsentState.REFUSED ? AccessReason.REFUSED : AccessReason.BURDEN_LIMIT_CONSENT;
        }
        if (consent == ConsentState.REFUSED) {
            return f.emergency() == Emergency.DISASTER ? AccessReason.BREAK_GLASS : AccessReason.REFUSED;
        }
        // a consent to everyone, and the 包括同意, cover the offices in charge today and the institution asked for
        // the 意見書; an office let in by break-glass alone reads as break-glass
        boolean covered = switch (consent) {
            case GIVEN -> true;
            case GIVEN_ALL, BLANKET -> f.actor().kind() == PartyKind.OFFICE ? !f.serviceTypesInCharge().isEmpty()
                    : f.opinionRequestOpen();
            case NONE, REFUSED -> false;
        };
        if (covered) {
            return AccessReason.CONSENTED;
        }
        return f.emergency() != Emergency.NONE ? AccessReason.BREAK_GLASS : AccessReason.NO_CONSENT;
    }

    /**
     * The qualification a permit relied on, for the audit trail: the 介護支援専門員 registration where the
     * assessments or the care plan were opened to a care manager.
     */
    static String qualificationRelied(Facts f, AccessReason reason) {
        boolean reliedOnCareManager = reason == AccessReason.CARE_PLAN_AUTHOR
                || reason.permits() && ASSESSMENTS.contains(f.category()) && f.actor().kind() == PartyKind.OFFICE;
        if (!reliedOnCareManager) {
            return null;
        }
        return (f.actor().qualifications().contains(Qualification.CARE_MANAGER) ? Qualification.CARE_MANAGER
                : Qualification.CHIEF_CARE_MANAGER).label();
    }

    /**
     * Who may write a person's records of the category: LIFE assessments, any office in charge; the care
     * plan, the care manager of an office in charge with care management built in; both while insured.
     */
    static AccessReason write(Facts f) {
        return f.category() == InformationCategory.LIFE ? writeAsOfficeInCharge(f) : writeCarePlan(f);
    }

    /** Records of an office's own services (LIFE, 第6表 実績): any office in charge, while the person is insured. */
    static AccessReason writeAsOfficeInCharge(Facts f) {
        if (f.actor().isPerson() || f.actor().kind() != PartyKind.OFFICE || f.serviceTypesInCharge().isEmpty()) {
            return AccessReason.NOT_INVOLVED;
        }
        return f.lost() ? AccessReason.QUALIFICATION_LOST : AccessReason.RECORDING_OFFICE;
    }

    /**
     * Who may write and issue a person's care plan: the qualified care manager of an office in charge whose
     * service has care management built in (居宅介護支援, 介護予防支援 — 地域包括支援センター — and the services
     * that plan their own care: office-master.md §3).
     */
    static AccessReason writeCarePlan(Facts f) {
        if (f.actor().isPerson() || f.actor().kind() != PartyKind.OFFICE) {
            return AccessReason.CARE_PLAN_AUTHOR_ONLY;
        }
        if (f.serviceTypesInCharge().isEmpty()) {
            return AccessReason.NOT_INVOLVED;
        }
        if (f.lost()) {
            return AccessReason.QUALIFICATION_LOST;
        }
        return f.qualifiedCareManager() && f.serviceTypesInCharge().stream().anyMatch(CARE_MANAGEMENT::contains)
                ? AccessReason.CARE_PLAN_AUTHOR : AccessReason.CARE_PLAN_AUTHOR_ONLY;
    }
}
