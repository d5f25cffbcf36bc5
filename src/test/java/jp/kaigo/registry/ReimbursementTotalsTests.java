package jp.kaigo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The used and remaining amounts of the two 償還払い limits, checked against a table written from the rules
 * (I17 §4; 住宅改修費 支給限度基準額 200,000 円 per person and dwelling, restarted by a 転居 or a rise of three 要介護状態区分,
 * the newest record carrying the current 支給限度基準額対象累計額; 福祉用具購入費 100,000 円 per 年度 April–March, the newest
 * purchase of the 年度 carrying the 年度内累計額), not from the code.
 */
class ReimbursementTotalsTests {
    /**
     * case | today | 住宅改修 (着工日/履歴番号/累計額, ";" between) | 福祉用具購入 (購入日/履歴番号/年度内累計額) | 住宅改修 used |
     * remaining | 福祉用具 used | remaining | 年度
     */
    private static final String TABLE = """
            no records                         | 2026-06-01 | -                                         | -                                     | 0       | 200000 | 0      | 100000 | 2026
            one modification                   | 2026-06-01 | 2025-10-01/1/120000                       | -                                     | 120000  | 80000  | 0      | 100000 | 2026
            two modifications, counted up      | 2026-06-01 | 2025-10-01/1/120000;2026-05-10/2/170000   | -                                     | 170000  | 30000  | 0      | 100000 | 2026
            reset by a move: the newest counts | 2026-06-01 | 2024-10-01/1/200000;2026-05-10/2/30000    | -                                     | 30000   | 170000 | 0      | 100000 | 2026
            newest by date, not history        | 2026-06-01 | 2026-05-10/1/30000;2024-10-01/2/200000    | -                                     | 30000   | 170000 | 0      | 100000 | 2026
            same day: the higher history       | 2026-06-01 | 2026-05-10/1/30000;2026-05-10/2/50000     | -                                     | 50000   | 150000 | 0      | 100000 | 2026
            limit used up                      | 2026-06-01 | 2026-05-10/1/200000                       | -                                     | 200000  | 0      | 0      | 100000 | 2026
            over-limit data shows none left    | 2026-06-01 | 2026-05-10/1/250000                       | 2026-05-01/1/120000                   | 250000  | 0      | 120000 | 0      | 2026
            a purchase this 年度               | 2026-06-01 | -                                         | 2026-04-15/1/30000                    | 0       | 200000 | 30000  | 70000  | 2026
            purchases this 年度: the newest    | 2026-06-01 | -                                         | 2026-04-15/1/30000;2026-05-20/2/75000 | 0       | 200000 | 75000  | 25000  | 2026
            last 年度's purchase not counted   | 2026-06-01 | -                                         | 2026-03-31/1/90000                    | 0       | 200000 | 0      | 100000 | 2026
            3/31 is still the old 年度         | 2027-03-31 | -                                         | 2026-04-01/1/40000;2027-03-31/2/95000 | 0       | 200000 | 95000  | 5000   | 2026
            4/1 starts a new 年度              | 2027-04-01 | -                                         | 2026-04-01/1/40000;2027-03-31/2/95000 | 0       | 200000 | 0      | 100000 | 2027
            4/1 purchase counts in the new 年度 | 2027-04-01 | -                                        | 2027-03-31/1/95000;2027-04-01/2/20000 | 0       | 200000 | 20000  | 80000  | 2027
            January belongs to the 年度 before  | 2027-01-15 | -                                        | 2026-04-01/1/40000;2027-01-10/2/60000 | 0       | 200000 | 60000  | 40000  | 2026
            both limits                        | 2026-06-01 | 2026-05-10/1/80000                        | 2026-05-20/1/45000                    | 80000   | 120000 | 45000  | 55000  | 2026
            """;

    @Test
    void everyCaseAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (String line : TABLE.strip().split("\n")) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            LocalDate today = LocalDate.parse(c[1]);
            List<ReimbursementTotals.HomeModification> homes = entries(c[2]).stream()
                    .map(e -> new ReimbursementTotals.HomeModification(LocalDate.parse(e[0]), Integer.parseInt(e[1]),
                            Integer.parseInt(e[2]))).toList();
            List<ReimbursementTotals.Purchase> purchases = entries(c[3]).stream()
                    .map(e -> new ReimbursementTotals.Purchase(LocalDate.parse(e[0]), Integer.parseInt(e[1]),
                            Integer.parseInt(e[2]))).toList();
            ReimbursementTotals actual = ReimbursementTotals.of(homes, purchases, today);
            ReimbursementTotals expected = new ReimbursementTotals(
                    new ReimbursementTotals.Limit(200_000, Integer.parseInt(c[4]), Integer.parseInt(c[5])),
                    new ReimbursementTotals.Limit(100_000, Integer.parseInt(c[6]), Integer.parseInt(c[7])),
                    Integer.parseInt(c[8]));
            if (!actual.equals(expected)) {
                mismatches.add(c[0] + ": expected " + expected + " but was " + actual);
            }
            cases++;
        }
        assertThat(cases).isEqualTo(16);
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    /** The records as access discloses them: other record types are not counted, amounts come as JSON numbers. */
    @Test
    void theDisclosedRecordsAreReadByTheirLayoutKeys() {
        List<Map<String, Object>> records = List.of(
                record("welfare-equipment", 2, "purchasedOn", "2026-05-20", "yearTotal", 75_000),
                record("welfare-equipment", 1, "purchasedOn", "2026-04-15", "yearTotal", 30_000),
                record("home-modification", 2, "startedOn", "2026-05-10", "countedTotal", 30_000),
                record("home-modification", 1, "startedOn", "2024-10-01", "countedTotal", 200_000),
                record("burden-ratio", 1, "ratio", "10", "yearTotal", 99_999));
        ReimbursementTotals totals = ReimbursementTotals.fromRecords(records, LocalDate.of(2026, 6, 1));
        assertThat(totals.homeModification()).isEqualTo(new ReimbursementTotals.Limit(200_000, 30_000, 170_000));
        assertThat(totals.welfareEquipment()).isEqualTo(new ReimbursementTotals.Limit(100_000, 75_000, 25_000));
        assertThat(ReimbursementTotals.fromRecords(List.of(), LocalDate.of(2026, 6, 1)).welfareEquipment().remaining())
                .isEqualTo(100_000);
    }

    private static Map<String, Object> record(String type, int history, String dateKey, String date, String totalKey,
            Object total) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordType", type);
        r.put("historyNo", history);
        r.put(dateKey, date);
        r.put(totalKey, total);
        return r;
    }

    private static List<String[]> entries(String cell) {
        return cell.equals("-") ? List.of() : Arrays.stream(cell.split(";")).map(e -> e.split("/")).toList();
    }
}
