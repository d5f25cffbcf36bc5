package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Fixtures of the 一次判定 import: a result as the clerk's form sends it, the case's facts, and both checked. */
final class FirstJudgements {
    static final LocalDate SURVEYED_ON = LocalDate.of(2026, 11, 20);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final String CASE_ID = "3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f";

    private FirstJudgements() {
    }

    /**
     * 要介護1 at 40.0 minutes (the eight 分野 add up to it, each inside ND B1's range), no 認知症加算, 状態不安定:
     * consistent with {@link #facts()} (both 自立度 below Ⅱ, so the 安定性 decides).
     */
    static Map<String, String> careLevel1() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("caseId", CASE_ID);
        v.put("softwareInterface", "09B");
        v.put("firstJudgedOn", "2026-12-01");
        v.put("firstJudgement", "21");
        v.put("dementiaAddition", "1");
        v.put("standardMinutes", "40.0");
        v.put("minutesMeal", "10.0");
        v.put("minutesExcretion", "5.0");
        v.put("minutesMovement", "4.0");
        v.put("minutesHygiene", "6.0");
        v.put("minutesIndirect", "3.0");
        v.put("minutesBpsd", "6.0");
        v.put("minutesTraining", "2.0");
        v.put("minutesMedical", "4.0");
        v.put("score1", "80.5");
        v.put("score2", "90.0");
        v.put("score3", "70.2");
        v.put("score4", "95.0");
        v.put("score5", "60.0");
        v.put("stability", "2");
        v.put("warnings", "");
        return v;
    }

    /** The values with changes applied: "key=value;key=" (an empty value removes the key). */
    static Map<String, String> with(Map<String, String> values, String changes) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        if (changes.isBlank() || changes.equals("-")) {
            return changed;
        }
        for (String change : changes.split(";")) {
            String[] kv = change.split("=", 2);
            if (kv[1].isEmpty()) {
                changed.remove(kv[0].strip());
            } else {
                changed.put(kv[0].strip(), kv[1].strip());
            }
        }
        return changed;
    }

    /** Surveyed on 2026-11-20, today 2026-12-06; 自立度 Ⅰ in the 調査票 and 自立 in the 意見書; no 特別な医療. */
    static FirstJudgementChecks.Facts facts() {
        return facts("2", "1", Set.of());
    }

    static FirstJudgementChecks.Facts facts(String surveyDementia, String opinionDementia, Set<Integer> special) {
        return new FirstJudgementChecks.Facts(SURVEYED_ON, surveyDementia, opinionDementia, special, TODAY);
    }

    /** Parses (the layout must accept the values) and checks. */
    static FirstJudgementChecks.Outcome check(Map<String, String> values, FirstJudgementChecks.Facts facts) {
        FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(values);
        assertThat(parsed).as("the layout accepts %s", values).isInstanceOf(FirstJudgementLayout.Row.class);
        return FirstJudgementChecks.check(((FirstJudgementLayout.Row) parsed).judgement(), facts);
    }
}
