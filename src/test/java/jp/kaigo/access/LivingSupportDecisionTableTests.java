package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.shared.LivingSupportVisits;
import org.junit.jupiter.api.Test;

/**
 * 生活援助中心型の訪問介護 against the ministerial count, checked against a table written from 平成30年厚生労働省告示第218号 一
 * (イ 要介護一 二十七回, ロ 要介護二 三十四回, ハ 要介護三 四十三回, ニ 要介護四 三十八回, ホ 要介護五 三十一回, per month): a plan
 * with more visits than the count is notified; at the count it is not; 要支援 and 事業対象者 have no count.
 */
class LivingSupportDecisionTableTests {
    /** level | count (告示218号) . */
    private static final String COUNTS = """
            21 | 27
            22 | 34
            23 | 43
            24 | 38
            25 | 31
            """;

    @Test
    void eachLevelIsNotifiedAboveItsCountAndNotAtIt() {
        List<String> mismatches = new ArrayList<>();
        COUNTS.strip().lines().forEach(line -> {
            String[] cells = line.split("\\|");
            String level = cells[0].strip();
            int count = Integer.parseInt(cells[1].strip());
            expect(mismatches, level, 0, LivingSupportVisits.Verdict.WITHIN);
            expect(mismatches, level, count, LivingSupportVisits.Verdict.WITHIN);
            expect(mismatches, level, count + 1, LivingSupportVisits.Verdict.NOTIFY);
            expect(mismatches, level, 62, LivingSupportVisits.Verdict.NOTIFY);
        });
        for (String level : new String[] {"06", "12", "13", "01", null}) {
            expect(mismatches, level, 60, LivingSupportVisits.Verdict.NO_COUNT);
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    @Test
    void onlyLivingSupportCodesAreCounted() {
        assertThat(LivingSupportVisits.isLivingSupport("112111")).as("生活援助2").isTrue();
        assertThat(LivingSupportVisits.isLivingSupport("112121")).as("生活援助3").isTrue();
        assertThat(LivingSupportVisits.isLivingSupport("111111")).as("身体介護1").isFalse();
        assertThat(LivingSupportVisits.isLivingSupport("151111")).as("通所介護").isFalse();
        assertThat(LivingSupportVisits.isLivingSupport(null)).isFalse();
    }

    private static void expect(List<String> mismatches, String level, int visits, LivingSupportVisits.Verdict wanted) {
        LivingSupportVisits.Verdict actual = LivingSupportVisits.verdict(level, visits);
        if (actual != wanted) {
            mismatches.add(level + " × " + visits + ": expected " + wanted + " but was " + actual);
        }
    }
}
