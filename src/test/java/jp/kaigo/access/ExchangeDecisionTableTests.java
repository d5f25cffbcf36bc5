package jp.kaigo.access;

import static jp.kaigo.access.RuleTable.yes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.access.ExchangeRules.Act;
import jp.kaigo.access.ExchangeRules.Side;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.JobType;
import org.junit.jupiter.api.Test;

/**
 * Who may send which document to whom, and who may read or act on one, for every combination of the facts, decided
 * by {@link ExchangeRules} and checked against the tables of docs/design/certification-online.md §2.10 (S1–S17,
 * R1–R7; the kinds' directions of §2.3) and docs/design/care-documents.md §3 (S20, S21, R8, R9), each line citing its
 * row. The first matching line wins. The other I17 rows (S18, S19, S22, S23) wait for their kinds.
 */
class ExchangeDecisionTableTests {
    /**
     * # | kind | sender | job | recipient | sending municipality is the insurer | recipient is the insurer | office in
     * charge (service types of the office sending or receiving) | recipient office designated for | representative
     * registered | assignment open | 意見書 request open | case open | institution named | case on the board's agenda |
     * 資格喪失 | the medical institution is involved (S20, S21) | expected | source. Jobs: QUALIFIED_CM = CARE_MANAGER with the registration in force, UNQUALIFIED_CM
     * without; PLATFORM = sent by the platform itself (no staff member); "-" = a person.
     */
    private static final String SEND = """
            K1  | * | board | * | * | * | * | * | * | * | * | * | * | * | * | * | * | COMMITTEE_PACKET_ONLY | §6.4 K1: a 審査会委員 sends nothing (decision: before S15, the clearer answer)
            K1  | * | * | COMMITTEE_MEMBER | * | * | * | * | * | * | * | * | * | * | * | * | * | COMMITTEE_PACKET_ONLY | §6.4 K1
            S15 | certification-application | !person-self,person-rep,office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 person / office → 保 (BP flow B ※1); I16-atk "a document of the wrong kind"
            S15 | certification-application | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | survey-assignment | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 保 → 介
            S15 | survey-assignment | * | * | !office | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | care-survey | !office,municipality | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 介/保 → 保
            S15 | care-survey | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | opinion-request | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 保 → 医 (BP ※4)
            S15 | opinion-request | * | * | !medical | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | doctor-opinion | !medical | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 医 → 保 (別紙02 ●(医→保))
            S15 | doctor-opinion | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | committee-packet | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 保 → 審 (別紙02 ●(保→審))
            S15 | committee-packet | * | * | !board | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | progress-notice | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3 保 → 介 (別紙02 ●(保→介))
            S15 | progress-notice | * | * | !office | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | admission-info | !office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3; care-documents §3 介 → 医 (別紙02 ●(介→医))
            S15 | admission-info | * | * | !medical | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | discharge-record | !medical | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | care-documents §3 医 → 介 (別紙02 ●(医→介))
            S15 | discharge-record | * | * | !office | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | care-plan-notification | !person-self,person-rep,office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3; care-documents §4 介/本人 → 保 (別紙02 ●(介→保))
            S15 | care-plan-notification | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | home-modification-reason | !office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | care-documents §5 介 → 保
            S15 | home-modification-reason | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S15 | living-support-notification | !office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | care-documents §4.1 介 → 保
            S15 | living-support-notification | * | * | !municipality | * | * | * | * | * | * | * | * | * | * | * | * | WRONG_DIRECTION | §2.3
            S16 | * | office,medical | * | * | * | * | * | * | * | * | * | * | * | * | yes | * | QUALIFICATION_LOST | ND A2 (WG-joint)
            S5  | certification-application | * | * | * | * | no | * | * | * | * | * | * | * | * | * | * | OTHER_INSURER | I16-atk "application for a person of another municipality"; ND A2 (WG8)
            S5  | care-plan-notification | * | * | * | * | no | * | * | * | * | * | * | * | * | * | * | OTHER_INSURER | I17-atk "a 届出 for another municipality's insured"; ND A2 (WG8)
            S5  | home-modification-reason | * | * | * | * | no | * | * | * | * | * | * | * | * | * | * | OTHER_INSURER | care-documents §5: to the person's municipality only
            S5  | living-support-notification | * | * | * | * | no | * | * | * | * | * | * | * | * | * | * | OTHER_INSURER | care-documents §4.1: to the person's municipality only
            S1  | certification-application | person-self | * | * | * | * | * | * | * | * | * | * | * | * | no | * | SELF | I16 §2; BP 2.4 被保険者①; ARCH actors
            S2  | certification-application | person-rep | * | * | * | * | * | * | yes | * | * | * | * | * | * | * | REPRESENTATIVE | I16 §2 "registered representative"
            S3  | certification-application | office | QUALIFIED_CM | * | * | * | 43,55 | * | * | * | * | * | * | * | * | * | DAIKOU | BP flow B ※1 "一定のケアマネ、施設、地域包括支援センター等で代行可"; ToBe ※1; OM §3
            S3  | certification-application | office | QUALIFIED_CM,SOCIAL_WORKER,NURSE | * | * | * | 46 | * | * | * | * | * | * | * | * | * | DAIKOU | BP flow B ※1 (地域包括: 保健師・社会福祉士・主任CM); FC §2 codes
            S4  | certification-application | office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | NOT_IN_CHARGE | I16-atk "代行 by an office not in charge" (in charge only as 11, or another job)
            S6  | survey-assignment | municipality | MUNICIPAL_OFFICER | office | yes | * | * | 43,55 | * | * | * | yes | * | * | * | * | OWN_INSURED | I16 §3; FC §5.1 委託区分 3/4
            S7  | care-survey | office | QUALIFIED_CM | municipality | * | yes | * | * | * | yes | * | * | * | * | * | * | ASSIGNED_SURVEYOR | I16 §3
            S8  | care-survey | municipality | MUNICIPAL_OFFICER | municipality | yes | yes | * | * | * | yes | * | * | * | * | * | * | ASSIGNED_SURVEYOR | I16 §3 "its own surveyor"
            S9  | opinion-request | municipality | MUNICIPAL_OFFICER | medical | yes | * | * | * | * | * | * | yes | yes | * | * | * | OWN_INSURED | I16 §4; BP ※4; RF §3.2 医師区分
            S10 | doctor-opinion | medical | DOCTOR | municipality | * | yes | * | * | * | * | yes | * | * | * | * | * | OPINION_REQUESTED | I16 §4; ND A2 (WG-joint); ND A4
            S11 | doctor-opinion | medical | * | municipality | * | * | * | * | * | * | no | * | * | * | * | * | NOT_REQUESTED | I16-atk "from an institution that was not asked, or after the request was withdrawn"
            S12 | doctor-opinion | medical | !DOCTOR | municipality | * | * | * | * | * | * | yes | * | * | * | * | * | DOCTOR_ONLY | (decision) the 意見書 is the doctor's (RF §3.2 医師区分)
            S13 | committee-packet | municipality | MUNICIPAL_OFFICER | board | yes | * | * | * | * | * | * | * | * | yes | * | * | OWN_INSURED | 別紙02 ●(保→審); I16 §6
            S14 | progress-notice | municipality | PLATFORM | office | yes | * | 43,46,55,32 | * | * | * | * | * | * | * | * | * | OWN_INSURED | 別紙02 ●(保→介) 進捗状況区分; I16 §7 (AccessRules.CARE_MANAGEMENT)
            S20 | admission-info | office | !QUALIFIED_CM | * | * | * | 43,46 | * | * | * | * | * | * | * | * | * | CARE_MANAGER_DOCUMENT | care-documents §3 S20: the care manager's document; OM §3
            S20 | admission-info | office | * | * | * | * | 43,46 | * | * | * | * | * | * | * | * | yes | MEDICAL_INVOLVED | care-documents §3 S20; 別紙02 入院時情報提供書 ●(介→医); I17 §2
            S20 | admission-info | office | * | * | * | * | 43,46 | * | * | * | * | * | * | * | * | no | INSTITUTION_NOT_INVOLVED | I17-atk "sending to an organisation not involved"
            S21 | discharge-record | * | !DOCTOR,NURSE,SOCIAL_WORKER | * | * | * | * | * | * | * | * | * | * | * | * | * | CLINICAL_STAFF_ONLY | care-documents §3 S21: 医師・看護師・MSW
            S21 | discharge-record | * | * | * | * | * | * | * | * | * | * | * | * | * | * | no | INSTITUTION_NOT_INVOLVED | I17-atk "a 退院・退所情報記録書 for a person the sender does not serve"
            S21 | discharge-record | * | * | * | * | * | 43,46 | * | * | * | * | * | * | * | * | * | MEDICAL_INVOLVED | care-documents §3 S21; 別紙02 退院・退所情報記録書 ●(医→介); I17 §2
            S19 | care-plan-notification | person-self | * | * | * | * | * | * | * | * | * | * | * | * | no | * | SELF | certification-online §2.10 S19 (I17 §1 "or the person for a 自己作成 plan")
            S19 | care-plan-notification | person-rep | * | * | * | * | * | * | yes | * | * | * | * | * | no | * | REPRESENTATIVE | S19 by a registered representative, as S2
            S18 | care-plan-notification | office | QUALIFIED_CM | * | * | * | 43,46 | * | * | * | * | * | * | * | * | * | OFFICE_IN_CHARGE | certification-online §2.10 S18; 別紙02 居宅サービス計画作成依頼(変更)届出書 ●(介→保); I17 §1
            S18 | care-plan-notification | office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | CARE_PLAN_AUTHOR_ONLY | S18: the care manager of the office in charge with care management (decision: the care-plan reason)
            S25 | living-support-notification | office | QUALIFIED_CM | * | * | * | 43,46 | * | * | * | * | * | * | * | * | * | OFFICE_IN_CHARGE | care-documents §4.1 S25; 基準第13条第18号の2, 告示第218号; basic policy D-a ※9
            S25 | living-support-notification | office | * | * | * | * | * | * | * | * | * | * | * | * | * | * | CARE_PLAN_AUTHOR_ONLY | S25: the care manager of the office in charge with care management
            S24 | home-modification-reason | * | QUALIFIED_CM,QUALIFIED_OT | * | * | * | !none | * | * | * | * | * | * | * | * | * | OFFICE_IN_CHARGE | care-documents §5 S24; office-master.md §3 理由書
            S24 | home-modification-reason | * | * | * | * | * | !none | * | * | * | * | * | * | * | * | * | REASON_WRITER_ONLY | I17-atk "a 理由書 by an unqualified staff member"
            S17 | * | * | * | * | * | * | * | * | * | * | * | * | * | * | * | * | NOT_INVOLVED | ARCH "access is the one place"
            """;

    /**
     * # | kind | act | reader | job | the reader's organisation sent it | addressed to the reader's organisation | about
     * the reader (the person, or the one represented) | reader's municipality is the insurer | request withdrawn |
     * assignment open | reader's office in charge | accepted | purged | CommitteeRules' answer | expected | source.
     * "=committee": the answer CommitteeRules gave.
     */
    private static final String READ = """
            R6  | committee-packet | read | * | COMMITTEE_MEMBER | * | * | * | * | * | * | * | * | yes | BOARD_CASE | PURGED | §2.10 R7: after the purge; §2.9
            R6  | committee-packet | read | * | COMMITTEE_MEMBER | * | * | * | * | * | * | * | * | * | * | =committee | §2.10 R6: §6.4 (CommitteeRules)
            K1  | * | * | * | COMMITTEE_MEMBER | * | * | * | * | * | * | * | * | * | * | COMMITTEE_PACKET_ONLY | §6.4 K1: a 審査会委員 reads nothing else and acts on nothing
            R5  | certification-application,care-plan-notification | read | person-self,person-rep | * | * | * | yes | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R5  | certification-application,care-plan-notification | read | person-self,person-rep | * | * | * | yes | * | * | * | * | * | * | * | SELF | §2.10 R5: own application, status and receipts; I16 §2
            R5  | certification-application,care-plan-notification | withdraw | person-self,person-rep | * | * | * | yes | * | * | * | * | no | yes | * | PURGED | §2.10 R7
            R5  | certification-application,care-plan-notification | withdraw | person-self,person-rep | * | * | * | yes | * | * | * | * | no | * | * | SELF | §2.10 R5: withdraw it while not accepted (decision: whoever sent it, 代行 included)
            R7  | * | * | person-self,person-rep | * | * | * | * | * | * | * | * | * | * | * | NOT_INVOLVED | §2.10 R7
            R1  | certification-application | read,withdraw | office | QUALIFIED_CM,SOCIAL_WORKER,NURSE | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | certification-application | read,withdraw | office | QUALIFIED_CM,SOCIAL_WORKER,NURSE | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S3
            R1  | care-survey,care-plan-notification,home-modification-reason,living-support-notification | read,withdraw | office | QUALIFIED_CM | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | care-survey,care-plan-notification,home-modification-reason,living-support-notification | read,withdraw | office | QUALIFIED_CM | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S7
            R1  | survey-assignment,care-survey,opinion-request,committee-packet,progress-notice | read,withdraw | municipality | MUNICIPAL_OFFICER | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | survey-assignment,care-survey,opinion-request,committee-packet,progress-notice | read,withdraw | municipality | MUNICIPAL_OFFICER | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S6, S8, S9, S13 (S14: the municipality's officer reads what the platform sent for it)
            R1  | doctor-opinion | read,withdraw | medical | DOCTOR | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | doctor-opinion | read,withdraw | medical | DOCTOR | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S10
            R1  | admission-info | read,withdraw | office | QUALIFIED_CM | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | admission-info | read,withdraw | office | QUALIFIED_CM | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S20
            R1  | discharge-record | read,withdraw | medical | DOCTOR,NURSE,SOCIAL_WORKER | yes | * | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R1  | discharge-record | read,withdraw | medical | DOCTOR,NURSE,SOCIAL_WORKER | yes | * | * | * | * | * | * | * | * | * | SENDER | §2.10 R1: job as S21
            R2  | * | read,accept,return | municipality | * | * | yes | * | yes | * | * | * | * | yes | * | PURGED | §2.10 R7
            R2  | * | read,accept,return | municipality | * | * | yes | * | yes | * | * | * | * | * | * | OWN_INSURED | §2.10 R2: the recipient municipality, its own insured (not the 審査会委員); ND A2 (WG8)
            R3  | opinion-request | read,return | medical | * | * | yes | * | * | yes | * | * | * | * | * | NOT_REQUESTED | §2.10 R3 "request not withdrawn" (decision: the recipient is told it was withdrawn)
            R3  | opinion-request | return | medical | !DOCTOR | * | yes | * | * | * | * | * | * | * | * | DOCTOR_ONLY | §2.10 R3 "DOCTOR may return it"
            R3  | opinion-request | read,return | medical | * | * | yes | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R3  | opinion-request | read,return | medical | * | * | yes | * | * | * | * | * | * | * | * | OPINION_REQUESTED | §2.10 R3; ND A2 (WG-joint)
            R8  | admission-info | read,accept,return | medical | DOCTOR,NURSE,SOCIAL_WORKER | * | yes | * | * | * | * | * | * | yes | * | PURGED | §2.10 R7
            R8  | admission-info | read,accept,return | medical | DOCTOR,NURSE,SOCIAL_WORKER | * | yes | * | * | * | * | * | * | * | * | MEDICAL_INVOLVED | care-documents §3 R8: the hospital reads and acknowledges (I17 §2)
            R8  | admission-info | read,accept,return | medical | * | * | yes | * | * | * | * | * | * | * | * | CLINICAL_STAFF_ONLY | care-documents §3 R8
            R9  | discharge-record | read,accept,return | office | QUALIFIED_CM | * | yes | * | * | * | * | 43 | * | yes | * | PURGED | §2.10 R7
            R9  | discharge-record | read,accept,return | office | QUALIFIED_CM | * | yes | * | * | * | * | 43 | * | * | * | OFFICE_IN_CHARGE | care-documents §3 R9: the care manager in charge reads and acknowledges (I17 §2)
            R9  | discharge-record | read,accept,return | office | * | * | yes | * | * | * | * | 43 | * | * | * | CARE_MANAGER_DOCUMENT | care-documents §3 R9
            R4  | survey-assignment | read | office | QUALIFIED_CM | * | yes | * | * | * | yes | * | * | yes | * | PURGED | §2.10 R7
            R4  | survey-assignment | read | office | QUALIFIED_CM | * | yes | * | * | * | yes | * | * | * | * | ASSIGNED_SURVEYOR | §2.10 R4; I16 §3
            R4  | progress-notice | read | office | CLERK | * | yes | * | * | * | * | !none | * | * | * | CLERK | §2.10 R4 "any job but CLERK" (decision: the 事務 reason of AccessRules)
            R4  | progress-notice | read | office | * | * | yes | * | * | * | * | !none | * | yes | * | PURGED | §2.10 R7
            R4  | progress-notice | read | office | * | * | yes | * | * | * | * | !none | * | * | * | OFFICE_IN_CHARGE | §2.10 R4; I16 §7
            R7  | * | * | * | * | * | * | * | * | * | * | * | * | * | * | NOT_INVOLVED | §2.10 R7: anyone else
            """;

    private static final RuleTable SEND_TABLE = new RuleTable(SEND, 16);
    private static final RuleTable READ_TABLE = new RuleTable(READ, 14);

    /** The jobs each side has in these tables ("-" for a person, PLATFORM for the platform itself). */
    private static final Map<Side, List<String>> JOBS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> IN_CHARGE = new LinkedHashMap<>();
    private static final Map<String, Set<String>> DESIGNATED = new LinkedHashMap<>();

    static {
        JOBS.put(Side.PERSON_SELF, List.of("-"));
        JOBS.put(Side.PERSON_REP, List.of("-"));
        JOBS.put(Side.MUNICIPALITY, List.of("MUNICIPAL_OFFICER", "CLERK", "COMMITTEE_MEMBER", "PLATFORM"));
        JOBS.put(Side.OFFICE, List.of("QUALIFIED_CM", "UNQUALIFIED_CM", "QUALIFIED_OT", "SOCIAL_WORKER", "NURSE", "CLERK"));
        JOBS.put(Side.MEDICAL, List.of("DOCTOR", "NURSE", "SOCIAL_WORKER", "CLERK"));
        JOBS.put(Side.BOARD, List.of("COMMITTEE_MEMBER"));
        IN_CHARGE.put("none", Set.of());
        IN_CHARGE.put("11", Set.of("11"));
        IN_CHARGE.put("43", Set.of("43"));
        IN_CHARGE.put("46", Set.of("46"));
        IN_CHARGE.put("55", Set.of("55"));
        IN_CHARGE.put("32", Set.of("32"));
        DESIGNATED.put("11", Set.of("11"));
        DESIGNATED.put("43", Set.of("43", "11"));
        DESIGNATED.put("55", Set.of("55"));
    }

    private static final boolean[] BOTH = {false, true};

    @Test
    void everySendIsDecidedAsTheTableSays() {
        RuleTable.Run run = SEND_TABLE.run("exchange send table");
        for (DocumentKind kind : DocumentKind.values()) {
            for (Side sender : Side.values()) {
                for (String job : JOBS.get(sender)) {
                    for (Side recipient : List.of(Side.MUNICIPALITY, Side.OFFICE, Side.MEDICAL, Side.BOARD)) {
                        for (boolean own : BOTH) {
                            for (boolean toInsurer : BOTH) {
                                for (var inCharge : IN_CHARGE.entrySet()) {
                                    for (var designated : DESIGNATED.entrySet()) {
                                        for (int flags = 0; flags < 1 << 8; flags++) {
                                            boolean rep = bit(flags, 0);
                                            boolean assignment = bit(flags, 1);
                                            boolean request = bit(flags, 2);
                                            boolean caseOpen = bit(flags, 3);
                                            boolean named = bit(flags, 4);
                                            boolean agenda = bit(flags, 5);
                                            boolean lost = bit(flags, 6);
                                            boolean involved = bit(flags, 7);
                                            String[] facts = {kind.key(), key(sender), job, key(recipient), yes(own),
                                                    yes(toInsurer), inCharge.getKey(), designated.getKey(), yes(rep),
                                                    yes(assignment), yes(request), yes(caseOpen), yes(named),
                                                    yes(agenda), yes(lost), yes(involved)};
                                            AccessReason actual = ExchangeRules.send(new ExchangeRules.SendFacts(kind,
                                                    sender, jobType(job), job.equals("QUALIFIED_CM"), recipient, own,
                                                    toInsurer, inCharge.getValue(), designated.getValue(), rep,
                                                    assignment, request, caseOpen, named, agenda, lost, involved,
                                                    job.equals("QUALIFIED_CM") || job.equals("QUALIFIED_OT")));
                                            run.check(facts, actual);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }

    @Test
    void everyReadAndActIsDecidedAsTheTableSays() {
        RuleTable.Run run = READ_TABLE.run("exchange read table");
        List<AccessReason> committeeAnswers = List.of(AccessReason.BOARD_CASE, AccessReason.OTHER_BOARD,
                AccessReason.WINDOW_CLOSED);
        Map<String, Set<String>> inChargeOptions = new LinkedHashMap<>();
        List.of("none", "11", "43").forEach(k -> inChargeOptions.put(k, IN_CHARGE.get(k)));
        for (DocumentKind kind : DocumentKind.values()) {
            for (Act act : Act.values()) {
                for (Side reader : Side.values()) {
                    for (String job : JOBS.get(reader)) {
                        for (var inCharge : inChargeOptions.entrySet()) {
                            for (AccessReason committee : committeeAnswers) {
                                for (int flags = 0; flags < 1 << 8; flags++) {
                                    boolean sent = bit(flags, 0);
                                    boolean to = bit(flags, 1);
                                    boolean about = bit(flags, 2);
                                    boolean own = bit(flags, 3);
                                    boolean withdrawn = bit(flags, 4);
                                    boolean assignment = bit(flags, 5);
                                    boolean accepted = bit(flags, 6);
                                    boolean purged = bit(flags, 7);
                                    String[] facts = {kind.key(), act.name().toLowerCase(), key(reader), job, yes(sent),
                                            yes(to), yes(about), yes(own), yes(withdrawn), yes(assignment),
                                            inCharge.getKey(), yes(accepted), yes(purged), committee.name()};
                                    AccessReason actual = ExchangeRules.readOrAct(new ExchangeRules.ReadFacts(kind, act,
                                            reader, jobType(job), job.equals("QUALIFIED_CM"), sent, to, about, own,
                                            withdrawn, assignment, inCharge.getValue(), accepted, purged, committee));
                                    run.check(facts, actual, e -> e.equals("=committee") ? committee : AccessReason.valueOf(e));
                                }
                            }
                        }
                    }
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }

    /** The design's example: an office not in charge applying to another municipality gets OTHER_INSURER (S5 first). */
    @Test
    void anOfficeNotInChargeApplyingElsewhereIsToldOtherInsurer() {
        assertThat(ExchangeRules.send(new ExchangeRules.SendFacts(DocumentKind.CERTIFICATION_APPLICATION, Side.OFFICE,
                JobType.CARE_MANAGER, true, Side.MUNICIPALITY, false, false, Set.of(), Set.of(), false, false, false,
                false, false, false, false, false, false))).isEqualTo(AccessReason.OTHER_INSURER);
    }

    private static boolean bit(int flags, int n) {
        return (flags & (1 << n)) != 0;
    }

    private static String key(Side side) {
        return side.name().toLowerCase().replace('_', '-');
    }

    private static JobType jobType(String job) {
        return switch (job) {
            case "-", "PLATFORM" -> null;
            case "QUALIFIED_CM", "UNQUALIFIED_CM" -> JobType.CARE_MANAGER;
            case "QUALIFIED_OT" -> JobType.OCCUPATIONAL_THERAPIST;
            default -> JobType.valueOf(job);
        };
    }
}
