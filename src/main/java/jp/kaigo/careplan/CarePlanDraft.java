package jp.kaigo.careplan;

import java.time.LocalDate;
import java.util.List;

/**
 * A 居宅サービス計画書 as the office sends it: 第1表 (the plan's header, the assessment, the policy),
 * 第2表 (one item per 援助内容, ordered by 課題NO, 援助目標NO, 援助内容NO) and 第3表 (the weekly schedule). Codes as in the ケアプラン
 * データ連携 standard (records-formats.md §1.5, §1.6).
 */
public record CarePlanDraft(String insurerNo, String insuredNo, LocalDate planDate, LocalDate firstPlanDate,
        String planKind, String certStatus, LocalDate certifiedOn, LocalDate certValidFrom, LocalDate certValidTo,
        String careLevel, String authorName, String assessment, String boardOpinion, String policy,
        String livingSupportReason, String livingSupportOther, List<Item> items, List<WeekRow> week) {

    /** One row of 第2表. */
    public record Item(int needNo, int goalNo, int itemNo, String need, String longGoal, String longPeriod,
            String shortGoal, String shortPeriod, String content, Boolean insuredService, String serviceKind,
            String providerNo, String providerName, String frequency, String period) {
    }

    /**
     * One row of 第3表: a service slot (内容, 曜日 1 月 … 7 日, 開始・終了 HHMM), a daily activity (活動 with its
     * times) or a 週単位以外のサービス.
     */
    public record WeekRow(String service, Integer weekday, String startsAt, String endsAt, String activity,
            String activityStart, String activityEnd, String other) {
    }
}
