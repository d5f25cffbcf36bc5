package jp.kaigo.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.JobType;

/**
 * Who may send which kind of document to whom, and who may read or act on one, as a pure function of named facts
 * (docs/design/certification-online.md §2.10: sending S1–S17, reading and acting R1–R7; docs/design/care-documents.md:
 * S20, S21, R8, R9). {@code
 * ExchangeDecisionTableTests} checks every combination against the design's tables; the first matching row wins.
 * Sending checks the guards first — a 審査会委員 sends nothing (§6.4 K1), the kind's direction (S15), 資格喪失 (S16), an
 * application to another municipality (S5) — then the kind's rows, then S17.
 */
final class ExchangeRules {
    /** A side of an exchange: who sends or reads, and who a document is addressed to. */
    enum Side {
        /** The insured person, signed in with their card. */
        PERSON_SELF,
        /** The person's registered 法定代理人・成年後見人, signed in with their own card. */
        PERSON_REP,
        MUNICIPALITY,
        OFFICE,
        MEDICAL,
        /** A 合議体: as a recipient, the board; as a sender or reader, one of its members. */
        BOARD
    }

    /** What is done to a document already sent. */
    enum Act {
        READ, WITHDRAW, ACCEPT, RETURN
    }

    private record Direction(Set<Side> senders, Set<Side> recipients) {
    }

    /** §2.3: the direction of each kind (BP 別紙02). */
    private static final Map<DocumentKind, Direction> DIRECTIONS = directions();
    /** S3: the offices whose care manager may apply on the person's behalf (代行). */
    private static final Set<String> DAIKOU_BY_CARE_MANAGER = Set.of("43", "51", "52", "54", "55");
    /** S3: 地域包括支援センター (介護予防支援, 介護予防ケアマネジメント), where the 保健師 and 社会福祉士 may too. */
    private static final Set<String> DAIKOU_BY_CENTRE = Set.of("46", "AF");
    private static final Set<JobType> CENTRE_JOBS = EnumSet.of(JobType.SOCIAL_WORKER, JobType.NURSE);
    /** S6: the offices a survey may be entrusted to (委託区分 3/4, FC §5.1). */
    private static final Set<String> SURVEY_ENTRUSTED = Set.of("43", "51", "52", "54", "55");
    /**
     * S20, S21, R9: care management of a person living at home — 居宅介護支援, 介護予防支援, 地域包括支援センター, 小規模多機能
     * and 看護小規模多機能 — whose care manager tells the hospital of an admission and hears of the discharge.
     */
    private static final Set<String> HOME_CARE_MANAGEMENT = Set.of("43", "46", "AF", "73", "77");
    /** S18: the offices that make a person's 居宅(介護予防)サービス計画 and file its 作成依頼届出. */
    private static final Set<String> PLANNING = Set.of("43", "46", "AF");
    /** S21, R8: who handles these documents at a hospital (the 地域連携室's nurse and MSW, the doctor). */
    private static final Set<JobType> CLINICAL_JOBS = EnumSet.of(JobType.DOCTOR, JobType.NURSE, JobType.SOCIAL_WORKER);

    private static Map<DocumentKind, Direction> directions() {
        Map<DocumentKind, Direction> d = new EnumMap<>(DocumentKind.class);
        d.put(DocumentKind.CERTIFICATION_APPLICATION, new Direction(EnumSet.of(Side.PERSON_SELF, Side.PERSON_REP,
                Side.OFFICE), EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.SURVEY_ASSIGNMENT, new Direction(EnumSet.of(Side.MUNICIPALITY), EnumSet.of(Side.OFFICE)));
        d.put(DocumentKind.CARE_SURVEY, new Direction(EnumSet.of(Side.OFFICE, Side.MUNICIPALITY),
                EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.OPINION_REQUEST, new Direction(EnumSet.of(Side.MUNICIPALITY), EnumSet.of(Side.MEDICAL)));
        d.put(DocumentKind.DOCTOR_OPINION, new Direction(EnumSet.of(Side.MEDICAL), EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.COMMITTEE_PACKET, new Direction(EnumSet.of(Side.MUNICIPALITY), EnumSet.of(Side.BOARD)));
        d.put(DocumentKind.PROGRESS_NOTICE, new Direction(EnumSet.of(Side.MUNICIPALITY), EnumSet.of(Side.OFFICE)));
        d.put(DocumentKind.CARE_PLAN_NOTIFICATION, new Direction(EnumSet.of(Side.PERSON_SELF, Side.PERSON_REP,
                Side.OFFICE), EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.HOME_MODIFICATION_REASON, new Direction(EnumSet.of(Side.OFFICE),
                EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.LIVING_SUPPORT_NOTIFICATION, new Direction(EnumSet.of(Side.OFFICE),
                EnumSet.of(Side.MUNICIPALITY)));
        d.put(DocumentKind.ADMISSION_INFO, new Direction(EnumSet.of(Side.OFFICE), EnumSet.of(Side.MEDICAL)));
        d.put(DocumentKind.DISCHARGE_RECORD, new Direction(EnumSet.of(Side.MEDICAL), EnumSet.of(Side.OFFICE)));
        return Collections.unmodifiableMap(d);
    }

    /**
     * The facts about one send.
     *
     * @param job                  the sending staff member's job; null for a person, or for the platform sending on
     *                             the municipality's behalf (the progress notices of S14)
     * @param qualifiedCareManager the staff member is a 介護支援専門員 whose registration is attested and in force
     * @param ownInsurer           the sending municipality is the person's 保険者 (registry)
     * @param recipientIsInsurer   the recipient municipality is the person's 保険者
     * @param officeInCharge       the service types for which the office sending or receiving is the person's 担当事業所
     *                             today (relationship)
     * @param officeDesignations   the service types the recipient office is designated for (office master)
     * @param representative       the person-rep sender is registered as the person's representative
     * @param assignmentOpen       an open survey assignment of this case to this office, or to this staff member
     * @param requestOpen          an opinion-request to this institution for this person, neither withdrawn nor returned
     *                             and not yet answered by an accepted opinion
     * @param caseOpen             the case is not closed
     * @param institutionNamed     the institution is the application's 主治医医療機関, or the 指定医 the clerk chose
     * @param onAgenda             the case is on an agenda of the recipient board
     * @param lost                 the person's 資格喪失 is recorded on or before today
     * @param institutionInvolved  the medical institution receiving an 入院時情報提供書 or sending a 退院・退所情報記録書
     *                             is involved with the person: a consent given to it, an open 意見書 request, or (for
     *                             the discharge record) an 入院時情報提供書 about the person addressed to it lately
     * @param reasonWriter         the staff member holds a qualification that may write a 住宅改修 理由書 (S24)
     */
    record SendFacts(DocumentKind kind, Side sender, JobType job, boolean qualifiedCareManager, Side recipient,
            boolean ownInsurer, boolean recipientIsInsurer, Set<String> officeInCharge, Set<String> officeDesignations,
            boolean representative, boolean assignmentOpen, boolean requestOpen, boolean caseOpen,
            boolean institutionNamed, boolean onAgenda, boolean lost, boolean institutionInvolved,
            boolean reasonWriter) {
    }

    /**
     * The facts about reading or acting on one document.
     *
     * @param job              the reading staff member's job (null for a person)
     * @param sentByReader     the reader's organisation sent the document
     * @param toReader         the reader's organisation is the recipient
     * @param aboutReader      the document is about the person reading, or about the one the representative acts for
     * @param ownInsurer       the reader's municipality is the person's 保険者
     * @param requestWithdrawn the municipality withdrew the opinion-request (one the clinic returned it still reads)
     * @param assignmentOpen   the survey assignment (this document) is open
     * @param officeInCharge   the service types for which the reader's office is the person's 担当事業所 today
     * @param accepted         the document was accepted by its recipient
     * @param purged           the document's payload was purged after its retention
     * @param committee        the answer {@link CommitteeRules} gives this member for this packet (R6)
     */
    record ReadFacts(DocumentKind kind, Act act, Side reader, JobType job, boolean qualifiedCareManager,
            boolean sentByReader, boolean toReader, boolean aboutReader, boolean ownInsurer, boolean requestWithdrawn,
            boolean assignmentOpen, Set<String> officeInCharge, boolean accepted, boolean purged,
            AccessReason committee) {
    }

    private ExchangeRules() {
    }

    /** Whether the document may be sent (§2.10 S1–S17). */
    static AccessReason send(SendFacts f) {
        if (f.sender() == Side.BOARD || f.job() == JobType.COMMITTEE_MEMBER) {
            return AccessReason.COMMITTEE_PACKET_ONLY; // §6.4 K1: a 審査会委員 sends nothing
        }
        Direction direction = DIRECTIONS.get(f.kind());
        if (!direction.senders().contains(f.sender()) || !direction.recipients().contains(f.recipient())) {
            return AccessReason.WRONG_DIRECTION; // S15
        }
        if ((f.sender() == Side.OFFICE || f.sender() == Side.MEDICAL) && f.lost()) {
            return AccessReason.QUALIFICATION_LOST; // S16
        }
        if ((f.kind() == DocumentKind.CERTIFICATION_APPLICATION || f.kind() == DocumentKind.CARE_PLAN_NOTIFICATION
                || f.kind() == DocumentKind.HOME_MODIFICATION_REASON
                || f.kind() == DocumentKind.LIVING_SUPPORT_NOTIFICATION) && !f.recipientIsInsurer()) {
            return AccessReason.OTHER_INSURER; // S5; I17-atk "a 届出 for another municipality's insured"
        }
        boolean officer = f.job() == JobType.MUNICIPAL_OFFICER;
        switch (f.kind()) {
            case CERTIFICATION_APPLICATION -> {
                if (f.sender() == Side.PERSON_SELF && !f.lost()) {
                    return AccessReason.SELF; // S1
                }
                if (f.sender() == Side.PERSON_REP && f.representative()) {
                    return AccessReason.REPRESENTATIVE; // S2
                }
                if (f.sender() == Side.OFFICE) {
                    return daikou(f) ? AccessReason.DAIKOU : AccessReason.NOT_IN_CHARGE; // S3, S4
                }
            }
            case SURVEY_ASSIGNMENT -> {
                if (f.ownInsurer() && f.caseOpen() && meets(f.officeDesignations(), SURVEY_ENTRUSTED) && officer) {
                    return AccessReason.OWN_INSURED; // S6
                }
            }
            case CARE_SURVEY -> {
                if (f.sender() == Side.OFFICE && f.assignmentOpen() && f.recipientIsInsurer()
                        && f.qualifiedCareManager()) {
                    return AccessReason.ASSIGNED_SURVEYOR; // S7
                }
                if (f.sender() == Side.MUNICIPALITY && f.ownInsurer() && f.recipientIsInsurer() && f.assignmentOpen()
                        && officer) {
                    return AccessReason.ASSIGNED_SURVEYOR; // S8
                }
            }
            case OPINION_REQUEST -> {
                if (f.ownInsurer() && f.caseOpen() && f.institutionNamed() && officer) {
                    return AccessReason.OWN_INSURED; // S9
                }
            }
            case DOCTOR_OPINION -> {
                if (f.requestOpen() && f.recipientIsInsurer() && f.job() == JobType.DOCTOR) {
                    return AccessReason.OPINION_REQUESTED; // S10
                }
                if (!f.requestOpen()) {
                    return AccessReason.NOT_REQUESTED; // S11
                }
                if (f.job() != JobType.DOCTOR) {
                    return AccessReason.DOCTOR_ONLY; // S12
                }
            }
            case COMMITTEE_PACKET -> {
                if (f.ownInsurer() && f.onAgenda() && officer) {
                    return AccessReason.OWN_INSURED; // S13
                }
            }
            case PROGRESS_NOTICE -> {
                if (f.ownInsurer() && meets(f.officeInCharge(), AccessRules.CARE_MANAGEMENT) && f.job() == null) {
                    return AccessReason.OWN_INSURED; // S14: sent by the platform, not by a staff member
                }
            }
            case CARE_PLAN_NOTIFICATION -> {
                if (f.sender() == Side.PERSON_SELF && !f.lost()) {
                    return AccessReason.SELF; // S19: a 自己作成 plan
                }
                if (f.sender() == Side.PERSON_REP && f.representative() && !f.lost()) {
                    return AccessReason.REPRESENTATIVE; // S19
                }
                if (f.sender() == Side.OFFICE) {
                    return f.qualifiedCareManager() && meets(f.officeInCharge(), PLANNING)
                            ? AccessReason.OFFICE_IN_CHARGE // S18
                            : AccessReason.CARE_PLAN_AUTHOR_ONLY;
                }
            }
            case LIVING_SUPPORT_NOTIFICATION -> {
                return f.qualifiedCareManager() && meets(f.officeInCharge(), PLANNING)
                        ? AccessReason.OFFICE_IN_CHARGE // S25: the care manager who made the plan
                        : AccessReason.CARE_PLAN_AUTHOR_ONLY;
            }
            case HOME_MODIFICATION_REASON -> {
                if (!f.officeInCharge().isEmpty()) {
                    return f.reasonWriter() ? AccessReason.OFFICE_IN_CHARGE // S24
                            : AccessReason.REASON_WRITER_ONLY; // S24: I17-atk "a 理由書 by an unqualified staff member"
                }
            }
            case ADMISSION_INFO -> {
                if (meets(f.officeInCharge(), HOME_CARE_MANAGEMENT)) {
                    if (!f.qualifiedCareManager()) {
                        return AccessReason.CARE_MANAGER_DOCUMENT; // S20: the care manager's document
                    }
                    return f.institutionInvolved() ? AccessReason.MEDICAL_INVOLVED // S20
                            : AccessReason.INSTITUTION_NOT_INVOLVED; // S20: only to an institution involved
                }
            }
            case DISCHARGE_RECORD -> {
                if (!CLINICAL_JOBS.contains(f.job())) {
                    return AccessReason.CLINICAL_STAFF_ONLY; // S21
                }
                if (!f.institutionInvolved()) {
                    return AccessReason.INSTITUTION_NOT_INVOLVED; // S21: a person the sender does not serve
                }
                if (meets(f.officeInCharge(), HOME_CARE_MANAGEMENT)) {
                    return AccessReason.MEDICAL_INVOLVED; // S21
                }
            }
        }
        return AccessReason.NOT_INVOLVED; // S17
    }

    /** S3: the office in charge with care management, and the job the 代行 needs there. */
    private static boolean daikou(SendFacts f) {
        return f.qualifiedCareManager() && meets(f.officeInCharge(), DAIKOU_BY_CARE_MANAGER)
                || (f.qualifiedCareManager() || CENTRE_JOBS.contains(f.job()))
                        && meets(f.officeInCharge(), DAIKOU_BY_CENTRE);
    }

    /** Whether the document may be read or acted on (§2.10 R1–R7); a permit on a purged document is PURGED. */
    static AccessReason readOrAct(ReadFacts f) {
        AccessReason reason = involvement(f);
        return reason.permits() && f.purged() ? AccessReason.PURGED : reason;
    }

    private static AccessReason involvement(ReadFacts f) {
        if (f.reader() == Side.BOARD || f.job() == JobType.COMMITTEE_MEMBER) {
            // R6 through CommitteeRules; §6.4 K1: nothing else
            return f.kind() == DocumentKind.COMMITTEE_PACKET && f.act() == Act.READ ? f.committee()
                    : AccessReason.COMMITTEE_PACKET_ONLY;
        }
        if (f.reader() == Side.PERSON_SELF || f.reader() == Side.PERSON_REP) {
            boolean own = (f.kind() == DocumentKind.CERTIFICATION_APPLICATION
                    || f.kind() == DocumentKind.CARE_PLAN_NOTIFICATION) && f.aboutReader();
            return own && (f.act() == Act.READ || f.act() == Act.WITHDRAW && !f.accepted()) ? AccessReason.SELF
                    : AccessReason.NOT_INVOLVED; // R5
        }
        if (f.sentByReader() && (f.act() == Act.READ || f.act() == Act.WITHDRAW) && sendsAs(f)) {
            return AccessReason.SENDER; // R1
        }
        if (f.reader() == Side.MUNICIPALITY && f.toReader() && f.ownInsurer() && f.act() != Act.WITHDRAW) {
            return AccessReason.OWN_INSURED; // R2
        }
        if (f.reader() == Side.MEDICAL && f.toReader() && f.kind() == DocumentKind.OPINION_REQUEST
                && (f.act() == Act.READ || f.act() == Act.RETURN)) {
            if (f.requestWithdrawn()) {
                return AccessReason.NOT_REQUESTED; // R3 (decision: the recipient learns it was withdrawn)
            }
            return f.act() == Act.RETURN && f.job() != JobType.DOCTOR ? AccessReason.DOCTOR_ONLY
                    : AccessReason.OPINION_REQUESTED; // R3
        }
        boolean received = f.act() == Act.READ || f.act() == Act.ACCEPT || f.act() == Act.RETURN;
        if (f.reader() == Side.MEDICAL && f.toReader() && f.kind() == DocumentKind.ADMISSION_INFO && received) {
            return CLINICAL_JOBS.contains(f.job()) ? AccessReason.MEDICAL_INVOLVED // R8: read, acknowledge, return
                    : AccessReason.CLINICAL_STAFF_ONLY;
        }
        if (f.reader() == Side.OFFICE && f.toReader() && f.kind() == DocumentKind.DISCHARGE_RECORD && received
                && meets(f.officeInCharge(), HOME_CARE_MANAGEMENT)) {
            return f.qualifiedCareManager() ? AccessReason.OFFICE_IN_CHARGE // R9: read, acknowledge, return
                    : AccessReason.CARE_MANAGER_DOCUMENT;
        }
        if (f.reader() == Side.OFFICE && f.toReader() && f.act() == Act.READ) {
            if (f.kind() == DocumentKind.SURVEY_ASSIGNMENT && f.assignmentOpen() && f.qualifiedCareManager()) {
                return AccessReason.ASSIGNED_SURVEYOR; // R4
            }
            if (f.kind() == DocumentKind.PROGRESS_NOTICE && !f.officeInCharge().isEmpty()) {
                return f.job() == JobType.CLERK ? AccessReason.CLERK : AccessReason.OFFICE_IN_CHARGE; // R4
            }
        }
        return AccessReason.NOT_INVOLVED; // R7
    }

    /** R1 "job as the send row": the reader's side sends the kind, with the job its send row asks for. */
    private static boolean sendsAs(ReadFacts f) {
        if (!DIRECTIONS.get(f.kind()).senders().contains(f.reader())) {
            return false;
        }
        return switch (f.reader()) {
            case MUNICIPALITY -> f.job() == JobType.MUNICIPAL_OFFICER;
            case MEDICAL -> f.kind() == DocumentKind.DISCHARGE_RECORD ? CLINICAL_JOBS.contains(f.job())
                    : f.job() == JobType.DOCTOR;
            case OFFICE -> f.qualifiedCareManager() || f.kind() == DocumentKind.CERTIFICATION_APPLICATION
                    && CENTRE_JOBS.contains(f.job());
            case PERSON_SELF, PERSON_REP, BOARD -> false;
        };
    }

    private static boolean meets(Set<String> held, Set<String> wanted) {
        return held.stream().anyMatch(wanted::contains);
    }
}
