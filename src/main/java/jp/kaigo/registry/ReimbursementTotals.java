package jp.kaigo.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much of the two 償還払い limits a person has used and has left (別紙02 「福祉用具購入、住宅改修の償還払いでの積算額」
 * ●(保→介); I17 §4), worked out from the municipality's 利用情報 as it stands; money in whole yen.
 *
 * <ul>
 * <li>住宅改修費: the limit is 200,000 円 (支給限度基準額) per person and dwelling; the municipality's record of each 住宅改修
 * carries the 支給限度基準額対象累計額 after it, and a 転居 or a rise of three 要介護状態区分 starts the count again (限度額
 * リセット事由), so the newest record (latest 着工日, then the highest 履歴番号) carries what is used now.</li>
 * <li>福祉用具購入費: the limit is 100,000 円 per 年度 (April to March); each purchase carries the 年度内支給限度基準額対象
 * 累計額 after it, so what is used this 年度 is that of the newest purchase (latest 購入日, then 履歴番号) in the 年度 of
 * {@code today}, none when there is none.</li>
 * </ul>
 * Remaining is the limit less what is used, never below zero (data reporting more than the limit shows 0 left).
 *
 * @param fiscalYear the 年度 of {@code today}, by the calendar year it begins in (2026 = 令和8年度)
 */
public record ReimbursementTotals(Limit homeModification, Limit welfareEquipment, int fiscalYear) {
    public static final int HOME_MODIFICATION_LIMIT = 200_000;
    public static final int WELFARE_EQUIPMENT_LIMIT = 100_000;

    /** One limit: the amount, what is used of it and what is left (all 円). */
    public record Limit(int limit, int used, int remaining) {
        static Limit of(int limit, int used) {
            return new Limit(limit, used, Math.max(0, limit - used));
        }
    }

    /** One 住宅改修 as recorded: its 着工日, 履歴番号 and 支給限度基準額対象累計額. */
    public record HomeModification(LocalDate startedOn, int historyNo, int countedTotal) {
    }

    /** One 福祉用具 purchase as recorded: its 購入日, 履歴番号 and 年度内支給限度基準額対象累計額. */
    public record Purchase(LocalDate purchasedOn, int historyNo, int yearTotal) {
    }

    public static ReimbursementTotals of(List<HomeModification> modifications, List<Purchase> purchases, LocalDate today) {
        int year = fiscalYear(today);
        int homeUsed = modifications.stream()
                .max(Comparator.comparing(HomeModification::startedOn).thenComparingInt(HomeModification::historyNo))
                .map(HomeModification::countedTotal).orElse(0);
        int equipmentUsed = purchases.stream().filter(p -> fiscalYear(p.purchasedOn()) == year)
                .max(Comparator.comparing(Purchase::purchasedOn).thenComparingInt(Purchase::historyNo))
                .map(Purchase::yearTotal).orElse(0);
        return new ReimbursementTotals(Limit.of(HOME_MODIFICATION_LIMIT, homeUsed),
                Limit.of(WELFARE_EQUIPMENT_LIMIT, equipmentUsed), year);
    }

    /**
     * The same from the records as {@code access} discloses them (category {@code reimbursement}: the
     * {@code home-modification} and {@code welfare-equipment} histories, fields by layout key); other records are
     * ignored, and so is one without its date or total (the layout makes both mandatory).
     */
    public static ReimbursementTotals fromRecords(List<Map<String, Object>> records, LocalDate today) {
        List<HomeModification> modifications = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        for (Map<String, Object> r : records) {
            Object type = r.get("recordType");
            int history = r.get("historyNo") instanceof Number n ? n.intValue() : 0;
            if (RecordType.HOME_MODIFICATION.key().equals(type)) {
                date(r, "startedOn").ifPresent(day -> amount(r, "countedTotal")
                        .ifPresent(total -> modifications.add(new HomeModification(day, history, total))));
            } else if (RecordType.WELFARE_EQUIPMENT.key().equals(type)) {
                date(r, "purchasedOn").ifPresent(day -> amount(r, "yearTotal")
                        .ifPresent(total -> purchases.add(new Purchase(day, history, total))));
            }
        }
        return of(modifications, purchases, today);
    }

    /** The 年度 a day falls in, by the calendar year it begins in (April 1): 2027-03-31 is in 2026. */
    public static int fiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    private static Optional<LocalDate> date(Map<String, Object> record, String key) {
        Object value = record.get(key);
        return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value.toString()));
    }

    private static Optional<Integer> amount(Map<String, Object> record, String key) {
        return record.get(key) instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
    }
}
