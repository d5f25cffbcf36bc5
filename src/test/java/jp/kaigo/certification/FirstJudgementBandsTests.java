package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * J2 of docs/design/certification-online.md §6.1 at every band boundary: the level of the 一次判定 must be the band's
 * of t = 要介護認定等基準時間 (+ the 認知症加算 minutes when there is one), ND B2 (省令 第1条・第2条):
 * {@code 01 < 25 ≤ 12 < 32 ≤ 13/21 < 50 ≤ 22 < 70 ≤ 23 < 90 ≤ 24 < 110 ≤ 25}. Every level is tried at every t of the
 * table; the first matching line decides; every line must decide something. The 要支援2/要介護1 split (J3) is kept
 * out of the way: both 自立度 unknown and 状態安定, so either level of the 32–50 band may stand.
 */
class FirstJudgementBandsTests {
    private static final List<String> LEVELS = List.of("01", "12", "13", "21", "22", "23", "24", "25");

    /**
     * # | standardMinutes | 認知症加算(分) ("-": none) | 一次判定結果 before the addition ("-": the tried level) |
     * level tried (after the addition, if any) | expected | source.
     */
    private static final String TABLE = """
            B1  | 24.9  | -    | -  | 01    | accepted | B2 非該当 t < 25
            B2  | 25.0  | -    | -  | 12    | accepted | B2 要支援1 25 ≤ t
            B3  | 31.9  | -    | -  | 12    | accepted | B2 要支援1 t < 32
            B4  | 32.0  | -    | -  | 13,21 | accepted | B2 要支援2/要介護1 32 ≤ t
            B5  | 49.9  | -    | -  | 13,21 | accepted | B2 要支援2/要介護1 t < 50
            B6  | 50.0  | -    | -  | 22    | accepted | B2 要介護2 50 ≤ t
            B7  | 69.9  | -    | -  | 22    | accepted | B2 要介護2 t < 70
            B8  | 70.0  | -    | -  | 23    | accepted | B2 要介護3 70 ≤ t
            B9  | 89.9  | -    | -  | 23    | accepted | B2 要介護3 t < 90
            B10 | 90.0  | -    | -  | 24    | accepted | B2 要介護4 90 ≤ t
            B11 | 109.9 | -    | -  | 24    | accepted | B2 要介護4 t < 110
            B12 | 110.0 | -    | -  | 25    | accepted | B2 要介護5 110 ≤ t
            A1  | 18.0  | 6.9  | 01 | 01    | accepted | §6.1 J2 t = 18.0 + 6.9 = 24.9: 非該当
            A2  | 18.0  | 7.0  | 01 | 12    | accepted | t = 25.0: 要支援1 (ND B3: from 非該当 +7)
            A3  | 24.9  | 7.0  | 01 | 12    | accepted | t = 31.9: 要支援1
            A4  | 25.0  | 7.0  | 12 | 13,21 | accepted | t = 32.0: 要支援2/要介護1
            A5  | 31.9  | 18.0 | 12 | 13,21 | accepted | t = 49.9: 要支援2/要介護1
            A6  | 31.9  | 18.1 | 12 | 22    | accepted | t = 50.0: 要介護2
            A7  | 40.0  | 19.0 | 13 | 22    | accepted | t = 59.0: 要介護2 (ND B3: from 要支援2/要介護1 +19)
            A8  | 50.0  | 19.9 | 22 | 22    | accepted | t = 69.9: 要介護2
            A9  | 50.0  | 20.0 | 22 | 23    | accepted | t = 70.0: 要介護3
            A10 | 70.0  | 19.9 | 23 | 23    | accepted | t = 89.9: 要介護3
            A11 | 70.0  | 20.0 | 23 | 24    | accepted | t = 90.0: 要介護4
            A12 | 90.0  | 19.9 | 24 | 24    | accepted | t = 109.9: 要介護4
            A13 | 90.0  | 20.0 | 24 | 25    | accepted | t = 110.0: 要介護5
            X   | *     | *    | *  | *     | refused  | §6.1 J2: any other level, "基準時間 t 分は〇〇の範囲です"
            """;

    private record Line(String number, String minutes, String addition, String before, Set<String> levels,
            String expected, String source) {
        boolean matches(String m, String a, String b, String level) {
            return cell(minutes, m) && cell(addition, a) && cell(before, b) && (levels.contains("*")
                    || levels.contains(level));
        }

        private static boolean cell(String cell, String value) {
            return cell.equals("*") || cell.equals(value);
        }
    }

    private static List<Line> lines() {
        return TABLE.strip().lines().map(text -> {
            String[] c = Arrays.stream(text.split("\\|")).map(String::strip).toArray(String[]::new);
            return new Line(c[0], c[1], c[2], c[3], Set.of(c[4].split(",")), c[5], c[6]);
        }).toList();
    }

    @Test
    void everyLevelAtEveryBoundaryIsAcceptedOrRefusedAsTheTableSays() {
        List<Line> lines = lines();
        Set<Line> used = new LinkedHashSet<>();
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        for (Line given : lines.stream().filter(l -> !l.minutes().equals("*")).toList()) {
            for (String level : LEVELS) {
                Line rule = lines.stream()
                        .filter(l -> l.matches(given.minutes(), given.addition(), given.before(), level))
                        .findFirst().orElseThrow();
                used.add(rule);
                rows++;
                FirstJudgementChecks.Outcome outcome = FirstJudgements.check(result(given, level),
                        FirstJudgements.facts(null, null, Set.of()));
                String actual = outcome instanceof FirstJudgementChecks.Accepted ? "accepted" : "refused";
                String row = given.minutes() + " + " + given.addition() + " | " + level;
                if (!actual.equals(rule.expected())) {
                    mismatches.add(row + ": expected " + rule.expected() + " (" + rule.number() + ") but was " + outcome);
                } else if (outcome instanceof FirstJudgementChecks.Refused refused) {
                    // refused by J2 and nothing else, on the level tried
                    String field = given.addition().equals("-") ? "firstJudgement" : "firstJudgementWithAddition";
                    assertThat(refused.violations()).as(row).extracting(Violation::field).containsExactly(field);
                    assertThat(refused.violations().get(0).reason()).as(row).startsWith("基準時間 ").endsWith("の範囲です");
                }
            }
        }
        System.out.printf("first judgement bands: %d rows%n", rows);
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        assertThat(lines).as("every line of the table decides some row").allMatch(used::contains);
    }

    @Test
    void theRefusalNamesTheBandOfT() {
        Line line = lines().get(1); // 25.0 minutes: 要支援1
        var outcome = (FirstJudgementChecks.Refused) FirstJudgements.check(result(line, "01"),
                FirstJudgements.facts(null, null, Set.of()));
        assertThat(outcome.violations()).containsExactly(new Violation("firstJudgement", "一次判定結果",
                "基準時間 25.0 分は要支援1の範囲です"));

        Line added = lines().get(15); // 25.0 + 7.0: 要支援2 or 要介護1
        outcome = (FirstJudgementChecks.Refused) FirstJudgements.check(result(added, "12"),
                FirstJudgements.facts(null, null, Set.of()));
        assertThat(outcome.violations()).containsExactly(new Violation("firstJudgementWithAddition",
                "認知症加算後の一次判定結果", "基準時間 32.0 分は要支援2または要介護1の範囲です"));
    }

    /** The result of a line with the level tried: all minutes in 食事 (J1 holds), 状態安定. */
    private static Map<String, String> result(Line line, String level) {
        boolean addition = !line.addition().equals("-");
        String changes = "standardMinutes=" + line.minutes() + ";minutesMeal=" + line.minutes()
                + ";minutesExcretion=0.0;minutesMovement=0.0;minutesHygiene=0.0;minutesIndirect=0.0;minutesBpsd=0.0"
                + ";minutesTraining=0.0;minutesMedical=0.0;stability=1"
                + (addition ? ";dementiaAddition=2;minutesDementiaAddition=" + line.addition() + ";firstJudgement="
                        + line.before() + ";firstJudgementWithAddition=" + level : ";firstJudgement=" + level);
        return FirstJudgements.with(FirstJudgements.careLevel1(), changes);
    }
}
