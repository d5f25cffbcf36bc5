package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.ingest.FieldLayout;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.Violation;

/**
 * The 二次判定 the clerk records after the 介護認定審査会 (design §6.5), and the rules on it that need the case: the
 * 有効期間 starts on the 申請日 (新規・区分変更) or the day after the previous 有効期間 (更新), ends on the last day of
 * a month, and lasts 3–12 months (新規・区分変更) or 3–48 months (更新) — statute 介護保険法 27条8項・28条 and 施行規則
 * 38条・41条, unverified here: check against e-Gov before relying on it.
 */
final class ResultLayout {
    static final String NOT_APPLICABLE = "01";
    static final String RENEWAL = "2";
    static final int SHORTEST_MONTHS = 3;
    static final int LONGEST_MONTHS = 12;
    static final int LONGEST_RENEWAL_MONTHS = 48;

    private ResultLayout() {
    }

    static final FieldLayout LAYOUT = layout();

    private static FieldLayout layout() {
        Map<String, String> levels = new LinkedHashMap<>();
        CareLevel.all().stream().filter(l -> !"06".equals(l.code())).forEach(l -> levels.put(l.code(), l.name()));
        return new FieldLayout("certification-result", "二次判定の記録", List.of(
                date("boardOn", "介護認定審査会開催日").mandatory(),
                code("result", "二次判定結果(要介護状態区分)", levels).mandatory(),
                text("changeReason", "一次判定からの変更理由", 400),
                date("certifiedOn", "認定日").mandatory(),
                date("certValidFrom", "認定有効期間開始日"),
                date("certValidTo", "認定有効期間終了日"),
                text("boardOpinion", "介護認定審査会の意見", 400)), List.of(
                notBefore("certifiedOn", "認定日", "boardOn", "介護認定審査会開催日"),
                notBefore("certValidTo", "認定有効期間終了日", "certValidFrom", "認定有効期間開始日"),
                v -> !NOT_APPLICABLE.equals(v.get("result")) && (v.get("certValidFrom") == null || v.get("certValidTo") == null)
                        ? Optional.of(new Violation(v.get("certValidFrom") == null ? "certValidFrom" : "certValidTo",
                                "認定有効期間", "要支援・要介護の場合は必須です"))
                        : Optional.empty(),
                v -> v.get("certValidTo") instanceof LocalDate to && !to.equals(YearMonth.from(to).atEndOfMonth())
                        ? Optional.of(new Violation("certValidTo", "認定有効期間終了日", "月の末日を指定してください"))
                        : Optional.empty()));
    }

    /**
     * What the case says about the values: the 有効期間's start and length for the 申請区分, a reason when the result
     * differs from the 一次判定, no 認定日 after today.
     *
     * @param previousEnd the end of the previous 有効期間 (for 更新), or null
     */
    static List<Violation> againstCase(Map<String, Object> v, String applicationType, LocalDate appliedOn,
            LocalDate previousEnd, String firstJudgement, LocalDate today) {
        List<Violation> problems = new java.util.ArrayList<>();
        if (((LocalDate) v.get("certifiedOn")).isAfter(today)) {
            problems.add(new Violation("certifiedOn", "認定日", "今日より後の日付は指定できません"));
        }
        String result = (String) v.get("result");
        String reason = (String) v.get("changeReason");
        if (firstJudgement != null && !firstJudgement.equals(result) && (reason == null || reason.isBlank())) {
            problems.add(new Violation("changeReason", "一次判定からの変更理由",
                    "二次判定結果が一次判定と異なるときは必須です"));
        }
        if (v.get("certValidFrom") instanceof LocalDate from && v.get("certValidTo") instanceof LocalDate to) {
            boolean renewal = RENEWAL.equals(applicationType) && previousEnd != null;
            LocalDate expected = renewal ? previousEnd.plusDays(1) : appliedOn;
            if (!from.equals(expected)) {
                problems.add(new Violation("certValidFrom", "認定有効期間開始日", (renewal
                        ? "更新の場合は前回の有効期間の翌日(" : "新規・区分変更の場合は申請日(") + expected + ")です"));
            }
            // whole months after the month it starts in (a start on the 1st counts its own month)
            long months = YearMonth.from(from).until(YearMonth.from(to), ChronoUnit.MONTHS) + (from.getDayOfMonth() == 1 ? 1 : 0);
            int longest = renewal ? LONGEST_RENEWAL_MONTHS : LONGEST_MONTHS;
            if (months < SHORTEST_MONTHS || months > longest) {
                problems.add(new Violation("certValidTo", "認定有効期間終了日",
                        "有効期間は" + SHORTEST_MONTHS + "〜" + longest + "か月です(この指定では" + months + "か月)"));
            }
        }
        return problems;
    }
}
