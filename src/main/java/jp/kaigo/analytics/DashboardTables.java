package jp.kaigo.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.kaigo.shared.ServiceType;

/**
 * The dashboard's tables from the stored cells of one area and sex: trend of 認定者数 and 認定率, persons by care
 * level, 新規・更新 and the days to a decision, services, the use of the 区分支給限度基準額, 施設・在宅. A ratio is shown
 * only when every number it is made of is published.
 */
final class DashboardTables {
    private final Map<String, IndicatorStore.PersonCell> cells = new HashMap<>();
    private final Dashboard.Filter filter;

    private DashboardTables(Dashboard.Filter filter, List<IndicatorStore.PersonCell> cells) {
        this.filter = filter;
        cells.forEach(c -> this.cells.put(c.month() + "|" + c.age() + "|" + c.level() + "|" + c.place(), c));
    }

    static List<Dashboard.Table> of(Dashboard.Filter filter, List<YearMonth> months,
            List<IndicatorStore.PersonCell> cells, List<IndicatorStore.ServiceCell> services) {
        DashboardTables t = new DashboardTables(filter, cells);
        return List.of(t.trend(months), t.levels(), t.decisions(months), t.services(services), t.limit(), t.place(months));
    }

    /** The cell's measure as published; 0 when no one is in the cell, null when suppressed. */
    private Long get(YearMonth month, String age, String level, String place,
            Function<IndicatorStore.PersonCell, Long> measure) {
        IndicatorStore.PersonCell cell = cells.get(month + "|" + age + "|" + level + "|" + place);
        return cell == null ? Long.valueOf(0) : measure.apply(cell);
    }

    private static Dashboard.Cell ratio(Long part, Long whole, int scale) {
        if (part == null || whole == null) {
            return new Dashboard.Cell(Dashboard.SUPPRESSED, null);
        }
        if (whole == 0) {
            return new Dashboard.Cell(Dashboard.NOT_APPLICABLE, null);
        }
        return new Dashboard.Cell(String.format("%.1f", part * (double) scale / whole), null);
    }

    private static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    private Dashboard.Table trend(List<YearMonth> months) {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (YearMonth m : months) {
            Long insured = get(m, filter.age(), Dimension.TOTAL, Dimension.TOTAL, IndicatorStore.PersonCell::persons);
            Long certified = get(m, filter.age(), filter.level(), Dimension.TOTAL, IndicatorStore.PersonCell::persons);
            rows.add(new Dashboard.Row(month(m), List.of(Dashboard.Cell.of(certified), Dashboard.Cell.of(insured),
                    ratio(certified, insured, 100))));
        }
        return new Dashboard.Table("trend", "認定者数と認定率の推移", "認定率 = 認定者数 ÷ 被保険者数(選んだ年齢階級の)",
                List.of("年月", "認定者数", "被保険者数", "認定率(%)"), rows, "trend", List.of(0));
    }

    private Dashboard.Table levels() {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (String level : levelsWithTotal()) {
            rows.add(new Dashboard.Row(Cubes.LEVEL_DIMENSION.label(level), List.of(
                    Dashboard.Cell.of(get(filter.month(), filter.age(), level, Dimension.TOTAL, IndicatorStore.PersonCell::persons)),
                    Dashboard.Cell.of(get(filter.month(), filter.age(), level, Cubes.FACILITY, IndicatorStore.PersonCell::persons)),
                    Dashboard.Cell.of(get(filter.month(), filter.age(), level, Cubes.HOME, IndicatorStore.PersonCell::persons)))));
        }
        return new Dashboard.Table("levels", "要介護状態区分別の認定者数(" + month(filter.month()) + ")",
                "要介護状態区分の絞り込みは使いません", List.of("要介護状態区分", "認定者数", "うち施設", "うち在宅"), rows, "bars", List.of(0));
    }

    private static List<String> levelsWithTotal() {
        List<String> levels = new ArrayList<>(Cubes.LEVELS);
        levels.add(Cubes.CERTIFIED);
        return levels;
    }

    private Dashboard.Table decisions(List<YearMonth> months) {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (YearMonth m : months) {
            Long timed = get(m, filter.age(), filter.level(), Dimension.TOTAL, IndicatorStore.PersonCell::decisions);
            Long days = get(m, filter.age(), filter.level(), Dimension.TOTAL, IndicatorStore.PersonCell::decisionDays);
            rows.add(new Dashboard.Row(month(m), List.of(
                    Dashboard.Cell.of(get(m, filter.age(), filter.level(), Dimension.TOTAL, IndicatorStore.PersonCell::newCert)),
                    Dashboard.Cell.of(get(m, filter.age(), filter.level(), Dimension.TOTAL, IndicatorStore.PersonCell::renewed)),
                    Dashboard.Cell.of(timed), ratio(days, timed, 1))));
        }
        return new Dashboard.Table("decisions", "新規・更新の認定と申請から認定までの日数",
                "認定日の月に数えます。日数は申請日の分かる認定について", List.of("年月", "新規認定", "更新認定", "日数を測った認定", "平均日数"),
                rows, "trend", List.of(0, 1));
    }

    private Dashboard.Table services(List<IndicatorStore.ServiceCell> services) {
        List<Dashboard.Row> rows = new ArrayList<>();
        IndicatorStore.ServiceCell total = null;
        for (IndicatorStore.ServiceCell s : services) {
            if (s.service().equals(Dimension.TOTAL)) {
                total = s;
                continue;
            }
            rows.add(serviceRow(ServiceType.find(s.service()).map(ServiceType::name).orElse(s.service()), s));
        }
        if (total != null) {
            rows.add(serviceRow("計(利用者は実人数)", total));
        }
        return new Dashboard.Table("services", "サービス種類別の利用者数・単位数・給付費(" + month(filter.month()) + ")",
                "給付実績の保険請求額", List.of("サービス種類", "利用者数", "単位数", "給付費(円)"), rows, "bars", List.of(0));
    }

    private static Dashboard.Row serviceRow(String label, IndicatorStore.ServiceCell s) {
        return new Dashboard.Row(label, List.of(Dashboard.Cell.of(s.users()), Dashboard.Cell.of(s.units()),
                Dashboard.Cell.of(s.benefit())));
    }

    private Dashboard.Table limit() {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (String level : levelsWithTotal()) {
            Long used = get(filter.month(), filter.age(), level, Cubes.HOME, IndicatorStore.PersonCell::usedUnits);
            Long limit = get(filter.month(), filter.age(), level, Cubes.HOME, IndicatorStore.PersonCell::limitUnits);
            rows.add(new Dashboard.Row(Cubes.LEVEL_DIMENSION.label(level), List.of(
                    Dashboard.Cell.of(get(filter.month(), filter.age(), level, Cubes.HOME, IndicatorStore.PersonCell::limited)),
                    Dashboard.Cell.of(used), Dashboard.Cell.of(limit), ratio(used, limit, 100))));
        }
        return new Dashboard.Table("limit", "区分支給限度基準額に対する利用率(" + month(filter.month()) + ")",
                "在宅で限度内のサービスを使った人について", List.of("要介護状態区分", "利用者数", "利用単位", "限度単位", "利用率(%)"),
                rows, "none", List.of());
    }

    private Dashboard.Table place(List<YearMonth> months) {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (YearMonth m : months) {
            rows.add(new Dashboard.Row(month(m), List.of(
                    Dashboard.Cell.of(get(m, filter.age(), filter.level(), Cubes.FACILITY, IndicatorStore.PersonCell::persons)),
                    Dashboard.Cell.of(get(m, filter.age(), filter.level(), Cubes.HOME, IndicatorStore.PersonCell::persons)))));
        }
        return new Dashboard.Table("place", "施設と在宅の認定者数の推移", "介護保険施設への入所(被保険者証)または施設サービスの給付実績で施設",
                List.of("年月", "施設", "在宅"), rows, "trend", List.of(0, 1));
    }
}
