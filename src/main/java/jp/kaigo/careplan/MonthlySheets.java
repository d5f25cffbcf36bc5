package jp.kaigo.careplan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.OfficeNumber;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns of 第6表 (予定 UPPLAN and 実績 UPJSK, 25) and 第7表 (UPSIKYU, 37) after the ケアプランデータ連携 standard
 * (records-formats.md §1.8, §1.9): which are checked and how. Columns not listed are kept as text.
 */
final class MonthlySheets {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    enum Kind { TEXT, DATE, MONTH, INT, TIME, FLAG, OFFICE, SERVICE_CODE, DAYS, PRICE }

    /** Column (1-based), field key, label, kind, required. */
    record Column(int no, String key, String label, Kind kind, boolean required) {
    }

    static final List<Column> TABLE6 = List.of(
            new Column(4, "createdOn", "作成年月日", Kind.DATE, true),
            new Column(6, "planOfficeNo", "プラン担当業者コード", Kind.OFFICE, true),
            new Column(7, "planner", "プラン担当者名", Kind.TEXT, false),
            new Column(8, "units", "単位数", Kind.INT, false),
            new Column(9, "shortStayDaysBefore", "前月までの短期入所利用日数", Kind.INT, false),
            new Column(10, "serviceDate", "サービス利用日", Kind.DATE, true),
            new Column(11, "proratedDays", "日割対象日", Kind.DAYS, false),
            new Column(12, "startsAt", "サービス開始時刻", Kind.TIME, true),
            new Column(13, "endsAt", "サービス終了時刻", Kind.TIME, true),
            new Column(14, "times", "サービス回数", Kind.INT, true),
            new Column(15, "serviceCode", "サービスコード", Kind.SERVICE_CODE, true),
            new Column(16, "taisCode", "TAISコード", Kind.TEXT, false),
            new Column(17, "equipmentCode", "福祉用具届出コード", Kind.TEXT, false),
            new Column(18, "equipmentName", "用具名称(機種名)", Kind.TEXT, false),
            new Column(20, "providerNo", "サービス事業者コード", Kind.OFFICE, true),
            new Column(21, "providerName", "サービス事業所名", Kind.TEXT, false),
            new Column(22, "satellite", "サテライト枝番", Kind.TEXT, false),
            new Column(23, "over30Days", "30日超区分", Kind.FLAG, true));

    static final List<Column> TABLE7 = List.of(
            new Column(4, "createdOn", "作成年月日", Kind.DATE, true),
            new Column(6, "providerName", "サービス事業所名", Kind.TEXT, false),
            new Column(7, "providerNo", "サービス事業所コード", Kind.TEXT, true),
            new Column(9, "serviceCode", "サービスコード", Kind.SERVICE_CODE, true),
            new Column(12, "equipmentName", "用具名称(機種名)", Kind.TEXT, false),
            new Column(13, "units", "単位数", Kind.INT, true),
            new Column(15, "discountedUnits", "割引後単位数", Kind.INT, false),
            new Column(16, "times", "回数/日数", Kind.INT, false),
            new Column(17, "serviceUnits", "サービス単位数", Kind.INT, false),
            new Column(18, "managedUnits", "給付管理単位数", Kind.INT, false),
            new Column(21, "overLimitUnits", "区分支給限度基準を超える単位数", Kind.INT, false),
            new Column(22, "withinLimitUnits", "区分支給限度基準内単位数", Kind.INT, false),
            new Column(23, "unitPrice", "単位数単価", Kind.PRICE, false),
            new Column(24, "totalCost", "費用総額(保険/事業対象分)", Kind.INT, false),
            new Column(25, "benefitRate", "給付率(%)", Kind.INT, false),
            new Column(26, "insuranceClaim", "保険/事業費請求額", Kind.INT, false),
            new Column(28, "userCharge", "利用者負担(保険/事業対象分)", Kind.INT, false),
            new Column(29, "userChargeFull", "利用者負担(全額負担分)", Kind.INT, false),
            new Column(31, "plannedDays", "当月の計画利用日数", Kind.INT, false),
            new Column(33, "over30Days", "30日超区分", Kind.FLAG, false));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private MonthlySheets() {
    }

    /** A month's rows as {@code careplan.monthly_sheets.rows} keeps them (JSON, by field key). */
    static List<Map<String, Object>> rows(String json) {
        return JSON.readValue(json, ROWS);
    }

    static String json(List<Map<String, Object>> rows) {
        return JSON.writeValueAsString(rows);
    }

    /** The value as kept, or an exception whose message is the reason (never the value itself). */
    static Object parse(Column column, String text, YearMonth month) {
        switch (column.kind()) {
            case DATE -> {
                LocalDate date = day(text);
                if (column.key().equals("serviceDate") && !YearMonth.from(date).equals(month)) {
                    throw new IllegalArgumentException("対象年月の日付ではありません");
                }
                return date.toString();
            }
            case INT -> {
                if (!text.matches("-?[0-9]{1,9}")) {
                    throw new IllegalArgumentException("半角数字の整数で指定してください");
                }
                return Integer.parseInt(text);
            }
            case TIME -> {
                if (!text.matches("([01][0-9]|2[0-3])[0-5][0-9]|2400|9999")) {
                    throw new IllegalArgumentException("時刻(HHMM、時刻のないサービスは9999)で指定してください");
                }
                return text;
            }
            case FLAG -> {
                if (!text.equals("0") && !text.equals("1")) {
                    throw new IllegalArgumentException("1(該当)または0(非該当)を指定してください");
                }
                return text;
            }
            case OFFICE -> {
                new OfficeNumber(text);
                return text;
            }
            case SERVICE_CODE -> {
                if (!text.matches("[0-9A-Z]{6}")) {
                    throw new IllegalArgumentException("サービスコード(英数字6桁)で指定してください");
                }
                return text;
            }
            case DAYS -> {
                if (!text.matches("[01]{" + month.lengthOfMonth() + "," + 31 + "}")) {
                    throw new IllegalArgumentException("日ごとの0/1を月の日数分並べてください");
                }
                return text;
            }
            case PRICE -> {
                if (!text.matches("[0-9]{1,2}\\.[0-9]{2}")) {
                    throw new IllegalArgumentException("単価(99.99 の形式)で指定してください");
                }
                return text;
            }
            default -> {
                if (text.codePointCount(0, text.length()) > 200) {
                    throw new IllegalArgumentException("200文字以内で指定してください");
                }
                return text;
            }
        }
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text, DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("年月(YYYYMM)の形式ではありません");
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日付(YYYYMMDD)の形式ではないか、存在しない日付です");
        }
    }

    /** The columns of a file kind, with its column count; null for other kinds. */
    static Map.Entry<Integer, List<Column>> of(String fileKind) {
        return switch (fileKind) {
            case "UPPLAN", "UPJSK" -> Map.entry(25, TABLE6);
            case "UPSIKYU" -> Map.entry(37, TABLE7);
            default -> null;
        };
    }
}
