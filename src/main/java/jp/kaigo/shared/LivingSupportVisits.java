package jp.kaigo.shared;

import java.util.Map;

/**
 * 生活援助中心型の訪問介護 in a month's 第6表 against the ministerial count (平成30年厚生労働省告示第218号; 指定居宅介護支援等の
 * 事業の人員及び運営に関する基準 第13条第18号の2; basic policy D-a ※9): a plan with more such visits than the count for the
 * person's 要介護状態区分 must be notified to the municipality. A pure rule, table-tested
 * ({@code LivingSupportDecisionTableTests}).
 */
public final class LivingSupportVisits {
    /** The count per month by 要介護状態区分 (告示第218号 一 イ〜ホ); 要支援 and 事業対象者 have none. */
    private static final Map<String, Integer> COUNTS = Map.of("21", 27, "22", 34, "23", 43, "24", 38, "25", 31);

    /** Whether the month needs the 届出, and why not when it does not. */
    public enum Verdict {
        /** More visits than the count: the plan is to be notified. */
        NOTIFY,
        /** At most the count. */
        WITHIN,
        /** No count for the level (要支援, 事業対象者), or the level is not known from the plan. */
        NO_COUNT
    }

    private LivingSupportVisits() {
    }

    /**
     * Whether a サービスコード is 訪問介護 生活援助中心型 (サービス種類 11, サービス項目 21xx: 生活援助2・3 and their variants).
     * An assumption to check against the サービスコード表 before production (docs/design/care-documents.md §4.1).
     */
    public static boolean isLivingSupport(String serviceCode) {
        return serviceCode != null && serviceCode.startsWith("1121");
    }

    /** The count for the level, or null when there is none. */
    public static Integer count(String careLevel) {
        return careLevel == null ? null : COUNTS.get(careLevel);
    }

    public static Verdict verdict(String careLevel, int visits) {
        Integer count = count(careLevel);
        if (count == null) {
            return Verdict.NO_COUNT;
        }
        return visits > count ? Verdict.NOTIFY : Verdict.WITHIN;
    }
}
