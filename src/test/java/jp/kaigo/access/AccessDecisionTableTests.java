package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;

/**
 * Every combination of actor × job × category × qualification × 担当事業所 state × consent state ×
 * 主治医意見書 request, decided by {@link AccessRules} and checked against the rule table below, written
 * from national-design.md A2–A4 independently of the code: the first matching line gives the answer.
 */
class AccessDecisionTableTests {
    /**
     * actor | job | categories | lost | in charge (service types) | consent | opinion requested | expected.
     * "*" matches anything; a list is comma-separated.
     */
    private static final String RULES = """
            person-self        | *            | *                                  | *   | *     | *               | *   | SELF
            person-other       | *            | *                                  | *   | *     | *               | *   | OTHER_INSURER
            municipality-own   | *            | *                                  | *   | *     | *               | *   | OWN_INSURED
            municipality-other | *            | *                                  | *   | *     | *               | *   | OTHER_INSURER
            office,medical     | *            | *                                  | yes | *     | *               | *   | QUALIFICATION_LOST
            office,medical     | CLERK        | certification,care-survey,doctor-opinion,care-plan,life | * | * | * | * | CLERK
            office             | *            | *                                  | *   | none  | *               | *   | NOT_IN_CHARGE
            office             | CARE_MANAGER | care-survey,doctor-opinion         | *   | 43,11+43 | BLANKET,GIVEN | *   | CONSENTED
            office             | CARE_MANAGER | care-survey,doctor-opinion         | *   | 43,11+43 | REFUSED      | *   | REFUSED
            office             | CARE_MANAGER | care-survey,doctor-opinion         | *   | 43,11+43 | NONE         | *   | NO_CONSENT
            office             | *            | care-survey,doctor-opinion         | *   | *     | *               | *   | CARE_MANAGER_ONLY
            office             | *            | *                                  | *   | *     | BLANKET,GIVEN   | *   | CONSENTED
            office             | *            | *                                  | *   | *     | REFUSED         | *   | REFUSED
            office             | *            | *                                  | *   | *     | NONE            | *   | NO_CONSENT
            medical            | *            | burden-ratio,burden-limit          | *   | *     | *               | *   | NOT_FOR_MEDICAL
            medical            | *            | doctor-opinion                     | *   | *     | *               | yes | OPINION_REQUESTED
            medical            | *            | care-survey,doctor-opinion         | *   | *     | *               | *   | CARE_MANAGER_ONLY
            medical            | *            | *                                  | *   | *     | BLANKET,GIVEN   | *   | CONSENTED
            medical            | *            | *                                  | *   | *     | REFUSED         | *   | REFUSED
            medical            | *            | *                                  | *   | *     | NONE            | yes | OPINION_REQUESTED
            medical            | *            | *                                  | *   | *     | NONE            | no  | NO_CONSENT
            """;

    private static final Map<String, Set<String>> IN_CHARGE = new LinkedHashMap<>();

    static {
        IN_CHARGE.put("none", Set.of());
        IN_CHARGE.put("43", Set.of("43"));
        IN_CHARGE.put("11", Set.of("11"));
        IN_CHARGE.put("11+43", Set.of("11", "43"));
    }

    private static final List<String> ACTORS = List.of("person-self", "person-other", "municipality-own",
            "municipality-other", "office", "medical");
    private static final List<JobType> JOBS = List.of(JobType.CARE_MANAGER, JobType.NURSE, JobType.CLERK);

    record Row(String actor, JobType job, InformationCategory category, boolean lost, String inCharge,
            ConsentState consent, boolean opinion) {
    }

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        List<Row> rows = new ArrayList<>();
        for (String actor : ACTORS) {
            for (JobType job : actor.startsWith("person") || actor.startsWith("municipality") ? List.<JobType>of(JobType.MUNICIPAL_OFFICER) : JOBS) {
                for (InformationCategory category : InformationCategory.values()) {
                    for (boolean lost : new boolean[] {false, true}) {
                        for (String inCharge : IN_CHARGE.keySet()) {
                            for (ConsentState consent : ConsentState.values()) {
                                for (boolean opinion : new boolean[] {false, true}) {
                                    rows.add(new Row(actor, job, category, lost, inCharge, consent, opinion));
                                }
                            }
                        }
                    }
                }
            }
        }
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
        assertThat(rows).hasSizeGreaterThan(1000);
        assertThat(mismatches).isEmpty();
        // every reason of a read occurs in the table, except break-glass (decided before the rules)
        assertThat(counts.keySet()).containsAll(Arrays.stream(AccessReason.values())
                .filter(r -> r != AccessReason.BREAK_GLASS && r != AccessReason.CARE_PLAN_AUTHOR
                        && r != AccessReason.CARE_PLAN_AUTHOR_ONLY && r != AccessReason.RECORDING_OFFICE).toList());
    }

    /** Writing and issuing a care plan: only the care manager of a care-planning office in charge, while insured. */
    @Test
    void onlyTheCareManagerOfTheCarePlanningOfficeInChargeWritesThePlan() {
        Map<AccessReason, Integer> counts = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            for (JobType job : JOBS) {
                for (boolean lost : new boolean[] {false, true}) {
                    for (String inCharge : IN_CHARGE.keySet()) {
                        Row row = new Row(actor, job, InformationCategory.CARE_PLAN, lost, inCharge, ConsentState.NONE,
                                false);
                        AccessReason expected = !actor.equals("office") ? AccessReason.CARE_PLAN_AUTHOR_ONLY
                                : lost ? AccessReason.QUALIFICATION_LOST
                                : job == JobType.CARE_MANAGER && IN_CHARGE.get(inCharge).contains("43")
                                        ? AccessReason.CARE_PLAN_AUTHOR : AccessReason.CARE_PLAN_AUTHOR_ONLY;
                        AccessReason actual = AccessRules.write(facts(row));
                        assertThat(actual).as(row.toString()).isEqualTo(expected);
                        counts.merge(actual, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(counts).containsKeys(AccessReason.CARE_PLAN_AUTHOR, AccessReason.CARE_PLAN_AUTHOR_ONLY,
                AccessReason.QUALIFICATION_LOST);
    }

    private static AccessRules.Facts facts(Row row) {
        Actor actor = switch (row.actor()) {
            case "person-self", "person-other" -> Actor.person("131011", "0000100000");
            case "municipality-own", "municipality-other" -> Actor.staff(Party.municipality("131011"), null);
            case "office" -> Actor.staff(Party.office("1310100019"), row.job());
            default -> Actor.staff(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131012345").value()), row.job());
        };
        boolean self = row.actor().equals("person-self");
        boolean own = row.actor().equals("municipality-own");
        Set<String> inCharge = row.actor().equals("office") ? IN_CHARGE.get(row.inCharge()) : Set.of();
        return new AccessRules.Facts(actor, self, own, row.category(), row.lost(), inCharge, row.consent(), row.opinion());
    }

    private static AccessReason expected(Row row) {
        for (String line : RULES.strip().split("\n")) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (matches(c[0], row.actor()) && matches(c[1], row.job().name()) && matches(c[2], row.category().key())
                    && matches(c[3], row.lost() ? "yes" : "no") && matches(c[4], row.inCharge())
                    && matches(c[5], row.consent().name()) && matches(c[6], row.opinion() ? "yes" : "no")) {
                return AccessReason.valueOf(c[7]);
            }
        }
        throw new AssertionError("no rule for " + row);
    }

    private static boolean matches(String pattern, String value) {
        Predicate<String> any = p -> p.equals("*");
        return any.test(pattern) || Arrays.asList(pattern.split(",")).contains(value);
    }
}
