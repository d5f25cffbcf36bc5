package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.junit.jupiter.api.Test;

/**
 * Every combination of actor × job × category × qualification lost × 担当事業所 state × consent state ×
 * 意見書 request × care designation × break-glass, decided by {@link AccessRules} and checked against the
 * table below. The table is written from the national design (ND = ../shared/domain/national-design.md, 別紙02
 * = the seed's table of information, office-master.md) and the trust issue, not from the code; each line
 * cites its source. The first matching line gives the answer.
 */
class AccessDecisionTableTests {
    /**
     * The categories read as records; 入退院時の情報連携 travels only as documents, decided by ExchangeRules
     * (ExchangeDecisionTableTests, care-documents.md §3).
     */
    static final java.util.List<InformationCategory> RECORD_CATEGORIES = java.util.Arrays.stream(
            InformationCategory.values()).filter(c -> c != InformationCategory.CARE_TRANSITION).toList();

    /**
     * actor | job | categories | lost | in charge | consent | 意見書 request open | designated for care |
     * break-glass | expected | source. "*" matches anything; a list is comma-separated.
     */
    private static final String RULES = """
            person-self        | *     | *            | *   | *        | *     | *   | *   | *     | SELF        | ND A2: the person sees their own
            person-other       | *     | *            | *   | *        | *     | *   | *   | *     | NOT_INVOLVED | ND A2
            municipality-own,municipality-other | COMMITTEE_MEMBER | * | * | * | * | * | *  | *     | COMMITTEE_PACKET_ONLY | certification-online.md §6.4 K1: a 審査会委員 sees only the packets of its 合議体 (CommitteeRules), no person's records
            municipality-own   | *     | *            | *   | *        | *     | *   | *   | *     | OWN_INSURED | ND A2 (WG8): municipalities see their own insured
            municipality-other | *     | *            | *   | *        | *     | *   | *   | *     | OTHER_INSURER | ND A2 (WG8)
            operator           | *     | *            | *   | *        | *     | *   | *   | *     | NOT_INVOLVED | ND A1: the operator runs the platform for the municipalities; it sees no person's records
            office,medical     | *     | committee-packet | * | *      | *     | *   | *   | *     | NOT_INVOLVED | certification-online.md §2.3, §2.10 R7: the 審査会資料 goes to the 合議体 alone
            office             | *     | *            | *   | none     | *     | *   | *   | NONE,OPEN | NOT_INVOLVED | ND A3 (S118): only offices registered after 本人確認; issue 13.11: nothing else said
            office             | *     | *            | *   | ended43  | *     | *   | *   | NONE  | NOT_INVOLVED | ND A2 (WG-joint): only while providing service; issue 13.10: break-glass within 30 days of the end
            medical            | *     | *            | *   | *        | NONE,BLANKET,GIVEN_ALL,REFUSED | no | * | NONE,OPEN | NOT_INVOLVED | ND A2 (WG-mid, WG-joint): consent naming it or the 意見書 request; issue 13.11
            office,medical     | *     | *            | yes | *        | *     | *   | *   | *     | QUALIFICATION_LOST | ND A2 (WG-joint): only while providing service
            office,medical     | CLERK | certification,care-survey,doctor-opinion,care-plan,life | * | * | * | * | * | * | CLERK | ND A2 (API-guide): the job type set on the account
            office             | *     | burden-limit | *   | *        | GIVEN,GIVEN_ALL | * | * | * | CONSENTED | 別紙02 ※1: 口頭若しくは書面による本人同意の上
            office             | *     | burden-limit | *   | *        | REFUSED | * | *   | *     | REFUSED     | 別紙02 ※1; issue 13.9
            office             | *     | burden-limit | *   | *        | NONE,BLANKET | * | * | *  | BURDEN_LIMIT_CONSENT | 別紙02 ※1: the 包括同意 is not the person's consent to this
            office             | NURSE,UNQUALIFIED_CM | care-survey,doctor-opinion | * | * | * | * | * | * | CARE_MANAGER_ONLY | ND A2 (WG-mid): the care manager who makes the plan; issue 13.6: registration attested and in force
            office             | *     | care-survey,doctor-opinion | * | none,11,41 | * | * | * | * | CARE_MANAGER_ONLY | ND A2 (WG-mid); office-master.md §3: services with care management
            office             | *     | reimbursement | *  | none,11  | *     | *   | *   | *     | REIMBURSEMENT_OFFICES_ONLY | 別紙02 福祉用具購入、住宅改修の償還払いでの積算額 ●(保→介); I17 §4: the offices planning care at home and those selling 特定福祉用具
            office             | *     | *            | *   | *        | REFUSED | * | *   | DISASTER | BREAK_GLASS | ND A3 (S123): the disaster exception; issue 13.10
            office             | *     | *            | *   | *        | REFUSED | * | *   | *     | REFUSED     | issue 13.9/13.10: the person's word stands, break-glass included
            office             | *     | *            | *   | 43,11,11+43,41 | GIVEN,GIVEN_ALL,BLANKET | * | * | * | CONSENTED | ND A4 (S119): the 包括同意 covers the offices in charge
            office             | *     | *            | *   | *        | GIVEN | *   | *   | *     | CONSENTED   | ND A4: the person's consent naming the office
            office             | *     | *            | *   | *        | NONE,GIVEN_ALL,BLANKET | * | * | OPEN,DISASTER | BREAK_GLASS | issue 13.10: an office let in by break-glass alone reads as break-glass
            office             | *     | *            | *   | *        | NONE  | *   | *   | *     | NO_CONSENT  | ND A4 (S119)
            medical            | *     | burden-ratio,burden-limit | * | * | *   | *   | no  | *     | NOT_FOR_MEDICAL | ND A2 (WG-mid): not to institutions without care services
            medical            | *     | reimbursement | *  | *        | *     | *   | *   | *     | REIMBURSEMENT_OFFICES_ONLY | 別紙02 ●(保→介): to the offices, not to medical institutions
            medical            | *     | burden-limit | *   | *        | GIVEN,GIVEN_ALL | * | * | * | CONSENTED | 別紙02 ※1
            medical            | *     | burden-limit | *   | *        | REFUSED | * | *   | *     | REFUSED     | 別紙02 ※1
            medical            | *     | burden-limit | *   | *        | *     | *   | *   | *     | BURDEN_LIMIT_CONSENT | 別紙02 ※1
            medical            | *     | care-survey  | *   | *        | *     | *   | *   | *     | CARE_MANAGER_ONLY | ND A2 (WG-mid): 認定調査票 to the care manager
            medical            | *     | doctor-opinion | * | *        | *     | yes | *   | *     | OPINION_REQUESTED | ND A2 (WG-mid, WG-joint): the institution asked for it
            medical            | *     | doctor-opinion | * | *        | *     | *   | *   | *     | CARE_MANAGER_ONLY | ND A2 (WG-mid)
            medical            | *     | *            | *   | *        | REFUSED | * | *   | NONE,OPEN | REFUSED   | issue 13.9: the person's refusal holds against the 意見書 request too (its own 意見書 excepted)
            medical            | *     | insurance-card,certification | * | * | * | yes | * | *   | OPINION_REQUESTED | ND A2 (WG-joint); issue 13.4: what the request needs
            medical            | *     | *            | *   | *        | REFUSED | * | *   | DISASTER | BREAK_GLASS | ND A3 (S123); issue 13.10
            medical            | *     | *            | *   | *        | REFUSED | * | *   | *     | REFUSED     | issue 13.9
            medical            | *     | *            | *   | *        | GIVEN | *   | *   | *     | CONSENTED   | ND A2 (WG-mid): consent naming the institution
            medical            | *     | *            | *   | *        | BLANKET,GIVEN_ALL | yes | * | * | CONSENTED | ND A4; issue 13.4: the 包括同意 covers the institution asked for the 意見書
            medical            | *     | *            | *   | *        | *     | *   | *   | OPEN,DISASTER | BREAK_GLASS | issue 13.10
            medical            | *     | *            | *   | *        | *     | *   | *   | *     | NO_CONSENT  | ND A2, A4
            """;

    /** Every reason a read can be decided for; the others belong to writing, documents, applying and packets. */
    private static final Set<AccessReason> READ_REASONS = EnumSet.of(AccessReason.SELF, AccessReason.OWN_INSURED,
            AccessReason.CONSENTED, AccessReason.OPINION_REQUESTED, AccessReason.BREAK_GLASS, AccessReason.OTHER_INSURER,
            AccessReason.NOT_INVOLVED, AccessReason.QUALIFICATION_LOST, AccessReason.NO_CONSENT, AccessReason.REFUSED,
            AccessReason.BURDEN_LIMIT_CONSENT, AccessReason.CARE_MANAGER_ONLY, AccessReason.CLERK,
            AccessReason.NOT_FOR_MEDICAL, AccessReason.COMMITTEE_PACKET_ONLY, AccessReason.REIMBURSEMENT_OFFICES_ONLY);

    private static final Map<String, Set<String>> IN_CHARGE = new LinkedHashMap<>();

    static {
        IN_CHARGE.put("none", Set.of());
        IN_CHARGE.put("43", Set.of("43"));
        IN_CHARGE.put("11", Set.of("11"));
        IN_CHARGE.put("11+43", Set.of("11", "43"));
        IN_CHARGE.put("41", Set.of("41")); // 特定福祉用具販売: given the 償還払い積算額, not the assessments
        IN_CHARGE.put("ended43", Set.of()); // not in charge today; a 居宅介護支援 relationship ended within 30 days
    }

    private static final List<String> ACTORS = List.of("person-self", "person-other", "municipality-own",
            "municipality-other", "operator", "office", "medical");
    /** CARE_MANAGER with the registration attested and in force; UNQUALIFIED_CM: the job without it (or expired). */
    private static final List<String> JOBS = List.of("CARE_MANAGER", "UNQUALIFIED_CM", "NURSE", "CLERK");
    private static final List<String> MUNICIPAL_JOBS = List.of("MUNICIPAL_OFFICER", "COMMITTEE_MEMBER");

    record Row(String actor, String job, InformationCategory category, boolean lost, String inCharge,
            ConsentState consent, boolean opinion, boolean designated, AccessRules.Emergency emergency) {
    }

    private static List<Row> everyRow() {
        List<Row> rows = new ArrayList<>();
        boolean[] both = {false, true};
        for (String actor : ACTORS) {
            boolean staff = actor.equals("office") || actor.equals("medical");
            for (String job : staff ? JOBS : actor.startsWith("municipality") ? MUNICIPAL_JOBS : List.of("MUNICIPAL_OFFICER")) {
                for (InformationCategory category : RECORD_CATEGORIES) {
                    for (boolean lost : both) {
                        for (String inCharge : staff ? IN_CHARGE.keySet() : Set.of("none")) {
                            for (ConsentState consent : ConsentState.values()) {
                                for (boolean opinion : both) {
                                    for (boolean designated : both) {
                                        for (AccessRules.Emergency emergency : AccessRules.Emergency.values()) {
                                            rows.add(new Row(actor, job, category, lost, inCharge, consent, opinion,
                                                    designated, emergency));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        List<Row> rows = everyRow();
        List<String> mismatches = new ArrayList<>();
        Map<AccessReason, Integer> counts = new LinkedHashMap<>();
        for (Row row : rows) {
            AccessReason expected = expected(row);
            AccessReason actual = AccessRules.decide(facts(row));
            counts.merge(actual, 1, Integer::sum);
            if (expected != actual) {
                mismatches.add(row + " expected " + expected + " but was " + actual);
            }
        }
        System.out.printf("access decision table: %d rows, %s%n", rows.size(), counts);
        assertThat(rows).hasSizeGreaterThan(10_000);
        assertThat(mismatches).as(String.join("\n", mismatches.stream().limit(20).toList())).isEmpty();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(READ_REASONS);
    }

    /** A denial to a caller not involved with the person never says why beyond that (issue 13.11). */
    @Test
    void aCallerNotInvolvedLearnsNothingMore() {
        for (Row row : everyRow()) {
            Row stranger = new Row(row.actor(), row.job(), row.category(), row.lost(), "ended43", row.consent(), false,
                    row.designated(), AccessRules.Emergency.NONE);
            if (stranger.actor().equals("office") || stranger.actor().equals("medical")
                    && stranger.consent() != ConsentState.GIVEN) {
                assertThat(AccessRules.decide(facts(stranger))).as(stranger.toString()).isEqualTo(AccessReason.NOT_INVOLVED);
            }
        }
    }

    /**
     * Writing and issuing a care plan: only the care manager of an office in charge whose service has care
     * management built in, while the person is insured (office-master.md §3; issue 13.6).
     */
    @Test
    void onlyTheCareManagerOfACareManagementOfficeInChargeWritesThePlan() {
        Map<AccessReason, Integer> counts = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            for (String job : JOBS) {
                for (boolean lost : new boolean[] {false, true}) {
                    for (String inCharge : IN_CHARGE.keySet()) {
                        Row row = new Row(actor, job, InformationCategory.CARE_PLAN, lost, inCharge, ConsentState.NONE,
                                false, false, AccessRules.Emergency.NONE);
                        AccessReason expected = !actor.equals("office") ? AccessReason.CARE_PLAN_AUTHOR_ONLY
                                : inCharge.equals("none") || inCharge.equals("ended43") ? AccessReason.NOT_INVOLVED
                                : lost ? AccessReason.QUALIFICATION_LOST
                                : job.equals("CARE_MANAGER") && IN_CHARGE.get(inCharge).contains("43")
                                        ? AccessReason.CARE_PLAN_AUTHOR : AccessReason.CARE_PLAN_AUTHOR_ONLY;
                        AccessReason actual = AccessRules.write(facts(row));
                        assertThat(actual).as(row.toString()).isEqualTo(expected);
                        counts.merge(actual, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(counts).containsKeys(AccessReason.CARE_PLAN_AUTHOR, AccessReason.CARE_PLAN_AUTHOR_ONLY,
                AccessReason.QUALIFICATION_LOST, AccessReason.NOT_INVOLVED);
        for (String type : List.of("46", "AF", "73", "77", "33", "32", "51", "52", "54", "55")) {
            Row row = new Row("office", "CARE_MANAGER", InformationCategory.CARE_PLAN, false, "43", ConsentState.NONE,
                    false, false, AccessRules.Emergency.NONE);
            AccessRules.Facts f = facts(row);
            AccessRules.Facts planning = new AccessRules.Facts(f.actor(), false, false, f.category(), false, Set.of(type),
                    Set.of(), true, f.consent(), false, false, AccessRules.Emergency.NONE);
            assertThat(AccessRules.writeCarePlan(planning)).as(type).isEqualTo(AccessReason.CARE_PLAN_AUTHOR);
        }
    }

    private static AccessRules.Facts facts(Row row) {
        UUID staffId = UUID.nameUUIDFromBytes(row.job().getBytes());
        JobType job = row.job().equals("UNQUALIFIED_CM") ? JobType.CARE_MANAGER : JobType.valueOf(row.job());
        Set<Qualification> held = row.job().equals("CARE_MANAGER") ? Set.of(Qualification.CARE_MANAGER) : Set.of();
        Actor actor = switch (row.actor()) {
            case "person-self", "person-other" -> Actor.person("131011", "0000100000");
            case "municipality-own", "municipality-other" -> Actor.staff(Party.municipality("131011"), staffId, job, held);
            case "operator" -> Actor.staff(Party.operator("1"), staffId, job, held);
            case "office" -> Actor.staff(Party.office("1310100019"), staffId, job, held);
            default -> Actor.staff(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131012345").value()),
                    staffId, job, held);
        };
        boolean self = row.actor().equals("person-self");
        boolean own = row.actor().equals("municipality-own");
        Set<String> inCharge = row.actor().equals("office") ? IN_CHARGE.get(row.inCharge()) : Set.of();
        Set<String> ended = row.actor().equals("office") && row.inCharge().equals("ended43") ? Set.of("43") : Set.of();
        return new AccessRules.Facts(actor, self, own, row.category(), row.lost(), inCharge, ended,
                actor.qualifiedCareManager(), row.consent(), row.opinion(), row.designated(), row.emergency());
    }

    private static AccessReason expected(Row row) {
        for (String line : RULES.strip().split("\n")) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (matches(c[0], row.actor()) && matches(c[1], row.job()) && matches(c[2], row.category().key())
                    && matches(c[3], row.lost() ? "yes" : "no") && matches(c[4], row.inCharge())
                    && matches(c[5], row.consent().name()) && matches(c[6], row.opinion() ? "yes" : "no")
                    && matches(c[7], row.designated() ? "yes" : "no") && matches(c[8], row.emergency().name())) {
                return AccessReason.valueOf(c[9]);
            }
        }
        throw new AssertionError("no rule for " + row);
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || Arrays.asList(pattern.split(",")).contains(value);
    }
}
