package jp.kaigo.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kaigo.registry.Standing;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.ServiceType;
import org.junit.jupiter.api.Test;

/**
 * Every combination of start date × the person's 資格 × care level × 施設 stay × service type × the office's
 * designation, decided by {@link RegistrationRules} and checked against the table below. The table is written
 * from the design (issue 14 point 4; formats-and-codes.md §2–4: 43 for 要介護1–5, 46 for 要支援1・2, AF for 要支援 and
 * 事業対象者, the 被保険者証's 介護保険施設等; office-master.md: designations with periods), not from the code. Unlike
 * the access table, EVERY matching line counts: a registration answers every rule it breaks at once.
 */
class RegistrationDecisionTableTests {
    /** start | 資格 | care level | stay | service | designated | outcome | rule | source. "*" matches anything. */
    private static final String RULES = """
            back40  | *                   | *          | *       | *        | *       | REFUSE | START_TOO_EARLY    | issue 14.4: a start in the past beyond a short grace (31 days: the contract made before the paperwork)
            ahead93 | *                   | *          | *       | *        | *       | REFUSE | START_TOO_LATE     | ND A3: an office in charge is one that provides the service; at most 92 days ahead
            *       | none,acquired-after | *          | *       | *        | *       | REFUSE | NOT_YET_INSURED    | issue 14.4: not before the person was insured (資格取得日)
            *       | lost-on,lost-before | *          | *       | *        | *       | REFUSE | QUALIFICATION_LOST | ND A2 (WG-joint): only while insured; the 資格喪失日 is the first day without
            *       | *                   | 12,13,06   | *       | 43       | *       | REFUSE | CARE_LEVEL         | formats-and-codes §2: 居宅介護支援 is for 要介護1–5; 要支援 → 46, 事業対象者 → AF
            *       | *                   | 21,25,06   | *       | 46       | *       | REFUSE | CARE_LEVEL         | formats-and-codes §2: 介護予防支援 is for 要支援1・2
            *       | *                   | 21,25,none | *       | AF       | *       | REFUSE | CARE_LEVEL         | formats-and-codes §2–3: 介護予防ケアマネジメント for 要支援 and 事業対象者 only
            *       | *                   | none       | *       | 43,46    | *       | WARN   | NO_CERTIFICATION   | 介護保険法 27条: 認定 dates back to the application, so a 暫定ケアプラン may start before it
            *       | *                   | *          | *       | *        | no,none | REFUSE | NOT_DESIGNATED     | office-master.md: only a service type the office is designated for on the start date
            back40,back31,today | *       | *          | 1,5     | 43,46,AF | *       | REFUSE | FACILITY_STAY      | 介護保険法 8条: 居宅介護支援 is for 居宅 persons; in a 介護保険施設 the 施設's care manager plans
            ahead10,ahead92,ahead93 | *   | *          | 1,5     | 43,46,AF | *       | WARN   | FACILITY_STAY      | the contract before a 退所 the registry does not show yet
            *       | *                   | *          | 6,7     | 43,46,AF | *       | WARN   | FACILITY_STAY      | 特定施設・GH plan for their residents, but short stays and moving out are common
            *       | *                   | *          | 1,5,6,7 | 11,63    | *       | WARN   | FACILITY_STAY      | issue 14.4: a home service while the registry shows a 施設 stay is warned
            """;

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final Map<String, Integer> STARTS = new LinkedHashMap<>();

    static {
        STARTS.put("back40", -40);
        STARTS.put("back31", -31);
        STARTS.put("today", 0);
        STARTS.put("ahead10", 10);
        STARTS.put("ahead92", 92);
        STARTS.put("ahead93", 93);
    }

    private static final List<String> QUALIFICATIONS = List.of("none", "insured", "acquired-on", "acquired-after",
            "lost-before", "lost-on", "lost-after");
    private static final List<String> LEVELS = List.of("none", "06", "12", "13", "21", "25");
    private static final List<String> STAYS = List.of("none", "1", "5", "6", "7");
    private static final List<String> SERVICES = List.of("43", "46", "AF", "11", "63", "51", "32");
    private static final List<String> DESIGNATIONS = List.of("yes", "no", "none");

    record Row(String start, String qualification, String level, String stay, String service, String designated) {
    }

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        int rows = 0;
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String start : STARTS.keySet()) {
            for (String qualification : QUALIFICATIONS) {
                for (String level : LEVELS) {
                    for (String stay : STAYS) {
                        for (String service : SERVICES) {
                            for (String designated : DESIGNATIONS) {
                                Row row = new Row(start, qualification, level, stay, service, designated);
                                RegistrationDecision decision = RegistrationRules.decide(facts(row));
                                Set<String> actual = new TreeSet<>();
                                decision.refusals().forEach(f -> actual.add("REFUSE " + f.rule()));
                                decision.warnings().forEach(f -> actual.add("WARN " + f.rule()));
                                assertThat(actual).as("no rule answers twice: " + row)
                                        .hasSize(decision.refusals().size() + decision.warnings().size());
                                Set<String> expected = expected(row);
                                if (!expected.equals(actual)) {
                                    mismatches.add(row + " expected " + expected + " but was " + actual);
                                }
                                actual.forEach(a -> counts.merge(a, 1, Integer::sum));
                                if (decision.refusals().isEmpty()) {
                                    counts.merge("registered", 1, Integer::sum);
                                }
                                rows++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("registration decision table: %d rows, %s%n", rows, counts);
        assertThat(mismatches).as(String.join("\n", mismatches.stream().limit(20).toList())).isEmpty();
        assertThat(rows).isEqualTo(6 * 7 * 6 * 5 * 7 * 3);
        // every rule is reached, refused and warned as the table has it, and some registrations pass
        for (String line : RULES.strip().split("\n")) {
            String[] c = columns(line);
            assertThat(counts).containsKey(c[6] + " " + c[7]);
        }
        assertThat(counts).containsKey("registered");
    }

    /** Each finding names its field and says why in Japanese, naming the right service where one fits. */
    @Test
    void reasonsNameTheFieldAndTheWayOut() {
        RegistrationDecision supportLevel = RegistrationRules.decide(facts(new Row("today", "insured", "13", "none", "43",
                "no")));
        assertThat(supportLevel.refusals()).extracting(RegistrationDecision.Finding::field)
                .containsExactly("serviceType", "serviceType");
        assertThat(supportLevel.refusals().get(0).reason()).contains("介護予防支援(46)");
        assertThat(supportLevel.refusals().get(1).reason()).contains("11 訪問介護").contains("13 訪問看護")
                .doesNotContain("43 居宅介護支援の指定を受けている");
        RegistrationDecision early = RegistrationRules.decide(facts(new Row("back40", "lost-on", "21", "none", "43",
                "yes")));
        assertThat(early.refusals()).extracting(RegistrationDecision.Finding::field).containsOnly("startDate");
        assertThat(early.refusals()).allSatisfy(f -> assertThat(f.reason()).matches(".*[ぁ-んァ-ヶ一-龠].*"));
        assertThat(RegistrationRules.decide(facts(new Row("today", "insured", "21", "1", "43", "yes"))).refusals()
                .get(0).reason()).contains("介護老人福祉施設").contains("退所日以降");
    }

    private static RegistrationRules.Facts facts(Row row) {
        LocalDate start = TODAY.plusDays(STARTS.get(row.start()));
        LocalDate acquired = switch (row.qualification()) {
            case "none" -> null;
            case "acquired-on" -> start;
            case "acquired-after" -> start.plusDays(1);
            default -> start.minusYears(3);
        };
        LocalDate lost = switch (row.qualification()) {
            case "lost-before" -> start.minusDays(1);
            case "lost-on" -> start;
            case "lost-after" -> start.plusDays(1);
            default -> null;
        };
        CareLevel level = row.level().equals("none") ? null : CareLevel.of(row.level());
        Standing.FacilityStay stay = row.stay().equals("none") ? null : new Standing.FacilityStay(row.stay(),
                Map.of("1", "介護老人福祉施設", "5", "地域密着型介護老人福祉施設", "6", "特定施設", "7", "認知症対応型共同生活介護")
                        .get(row.stay()), start.minusDays(100), null);
        // the office holds 11 and 13 (and 15), plus the requested type when "yes"; nothing when "none"
        Set<String> designated = new HashSet<>();
        if (!row.designated().equals("none")) {
            designated.addAll(Set.of("11", "13", "15"));
            designated.remove(row.service());
            if (row.designated().equals("yes")) {
                designated.add(row.service());
            }
        }
        return new RegistrationRules.Facts(start, TODAY, acquired, lost, level, stay, ServiceType.of(row.service()),
                designated);
    }

    private static Set<String> expected(Row row) {
        Set<String> expected = new TreeSet<>();
        for (String line : RULES.strip().split("\n")) {
            String[] c = columns(line);
            if (matches(c[0], row.start()) && matches(c[1], row.qualification()) && matches(c[2], row.level())
                    && matches(c[3], row.stay()) && matches(c[4], row.service()) && matches(c[5], row.designated())) {
                expected.add(c[6] + " " + c[7]);
            }
        }
        return expected;
    }

    private static String[] columns(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || Arrays.asList(pattern.split(",")).contains(value);
    }
}
