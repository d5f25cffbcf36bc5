package jp.kaigo.portal;

import java.time.LocalDate;
import jp.kaigo.shared.JapaneseDates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.registry.RecordView;
import org.springframework.stereotype.Component;

/**
 * Turns a record as a module answers it (field keys as in the layouts, {@code <key>Name} beside a code)
 * into a sheet a person reads: Japanese labels from the layouts, each code with its meaning, lists as
 * tables, and the history's period with whether it is in force today.
 */
@Component
class RecordSheets {
    /** Keys shown in the sheet's heading, not as lines. */
    private static final Set<String> HEADING = Set.of("recordType", "historyNo", "validFrom", "validTo");
    /** Labels of keys that come from no file layout (care plans, LIFE, 第6・7表, lists). */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("officeNo", "事業所番号"), Map.entry("serviceCode", "サービス種類"),
            Map.entry("evaluateDate", "評価日"), Map.entry("form", "様式"), Map.entry("formName", "様式名"),
            Map.entry("sheetName", "帳票"), Map.entry("targetMonth", "対象年月"), Map.entry("planKind", "計画の種類"),
            Map.entry("status", "状態"), Map.entry("items", "項目"), Map.entry("week", "週間サービス計画"),
            Map.entry("rows", "明細"), Map.entry("id", "項目ID"), Map.entry("label", "項目"), Map.entry("value", "値"),
            Map.entry("meaning", "内容"), Map.entry("institutionCode", "医療機関コード"), Map.entry("planId", "計画ID"),
            Map.entry("issuedOn", "交付日"), Map.entry("createdOn", "作成日"), Map.entry("authorOffice", "作成事業所"));

    /** The printed 居宅サービス計画書's headings (records-formats.md §1.11) for the plan's keys. */
    private static final Map<String, String> CARE_PLAN = Map.ofEntries(
            Map.entry("planDate", "居宅サービス計画作成(変更)日"), Map.entry("firstPlanDate", "初回居宅サービス計画作成日"),
            Map.entry("planKind", "計画書区分"), Map.entry("certStatus", "認定状況"), Map.entry("certifiedOn", "認定日"),
            Map.entry("certValidFrom", "認定の有効期間(開始)"), Map.entry("certValidTo", "認定の有効期間(終了)"),
            Map.entry("careLevel", "要介護状態区分"), Map.entry("authorName", "居宅サービス計画作成者"),
            Map.entry("assessment", "利用者及び家族の生活に対する意向を踏まえた課題分析の結果"),
            Map.entry("boardOpinion", "介護認定審査会の意見及びサービスの種類の指定"), Map.entry("policy", "総合的な援助の方針"),
            Map.entry("livingSupportReason", "生活援助中心型の算定理由"), Map.entry("livingSupportOther", "その他の理由"),
            Map.entry("createdOn", "作成年月日"), Map.entry("proposedAt", "原案が示された日時"),
            Map.entry("answeredAt", "同意・回答の日時"), Map.entry("agreement", "本人の同意"),
            Map.entry("declinedNote", "同意しない理由"), Map.entry("issuedAt", "交付日時"),
            Map.entry("officeNo", "居宅介護支援事業所"), Map.entry("needNo", "課題NO"),
            Map.entry("need", "生活全般の解決すべき課題(ニーズ)"), Map.entry("goalNo", "目標NO"), Map.entry("longGoal", "長期目標"),
            Map.entry("longPeriod", "(期間)"), Map.entry("shortGoal", "短期目標"), Map.entry("shortPeriod", "(期間)"),
            Map.entry("itemNo", "援助内容NO"), Map.entry("content", "サービス内容"),
            Map.entry("insuredService", "保険給付の対象"), Map.entry("serviceKind", "サービス種別"),
            Map.entry("providerNo", "サービス事業所の番号"), Map.entry("providerName", "サービス事業所"), Map.entry("frequency", "頻度"), Map.entry("period", "期間"),
            Map.entry("service", "介護サービス内容"), Map.entry("weekday", "曜日(1 月〜7 日)"), Map.entry("startsAt", "開始"),
            Map.entry("endsAt", "終了"), Map.entry("activity", "主な日常生活上の活動"), Map.entry("activityStart", "活動の開始"),
            Map.entry("activityEnd", "活動の終了"), Map.entry("other", "週単位以外のサービス"));

    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, Map<String, String>> units = new HashMap<>();

    RecordSheets(FileImports imports) {
        for (RecordLayout layout : imports.layouts()) {
            titles.put(layout.recordType(), layout.label());
            Map<String, String> byKey = new HashMap<>();
            Map<String, String> unitByKey = new HashMap<>();
            layout.allFields().forEach(f -> {
                byKey.put(f.key(), f.label());
                if (f.unit() != null) {
                    unitByKey.put(f.key(), f.unit());
                }
            });
            labels.put(layout.recordType(), byKey);
            units.put(layout.recordType(), unitByKey);
        }
        titles.put("care-plan", "居宅サービス計画(第1〜3表)");
        titles.put(jp.kaigo.shared.PlanStatus.PROPOSAL_RECORD, "居宅サービス計画の原案(第1〜3表)");
        labels.put("care-plan", CARE_PLAN);
        labels.put(jp.kaigo.shared.PlanStatus.PROPOSAL_RECORD, CARE_PLAN);
        titles.put("life", "LIFE 評価");
    }

    /** Dates in records are ISO text; they are shown as the paper shows them (和暦 with the 西暦 year). */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Moments (交付日時 and the like) are ISO instants; shown as the day in 和暦 and the time in Japan. */
    private static final java.util.regex.Pattern ISO_INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Dates MOMENTS = new Dates();

    /**
     * One value as a person reads it: the meaning of a code (the code itself beside it, small, for the
     * professional who needs it), an amount with its unit, a date in 和暦.
     */
    record Line(String label, String value, String code) {
    }

    record Table(String label, List<String> headers, List<List<Line>> rows) {
    }

    record Sheet(String title, Integer historyNo, String period, boolean inForce, List<Line> lines, List<Table> tables) {
    }

    /** A registry history as 資格確認 answers it. */
    Sheet sheet(RecordView view) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordType", view.recordType());
        record.put("historyNo", view.historyNo());
        record.put("validFrom", view.validFrom());
        record.put("validTo", view.validTo());
        record.putAll(view.fields());
        return sheet(record);
    }

    Sheet sheet(Map<String, Object> record) {
        String type = String.valueOf(record.getOrDefault("recordType", ""));
        Map<String, String> own = labels.getOrDefault(type, Map.of());
        List<Line> lines = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        record.forEach((key, value) -> {
            if (HEADING.contains(key) || value == null || key.endsWith("Name") && record.containsKey(
                    key.substring(0, key.length() - 4))) {
                return;
            }
            String label = own.getOrDefault(key, COMMON.getOrDefault(key, key));
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                tables.add(table(label, list, own));
            } else if (key.equals("birthDate") && value instanceof String b && ISO_DATE.matcher(b).matches()) {
                lines.add(new Line(label, JapaneseDates.birthDate(LocalDate.parse(b), Inputs.today()), null));
            } else {
                lines.add(line(label, value, record.get(key + "Name"), units.getOrDefault(type, Map.of()).get(key)));
            }
        });
        Object from = record.get("validFrom");
        Object to = record.get("validTo");
        LocalDate today = Inputs.today();
        boolean inForce = from != null && !LocalDate.parse(from.toString()).isAfter(today)
                && (to == null || !LocalDate.parse(to.toString()).isBefore(today));
        Object history = record.get("historyNo");
        return new Sheet(titles.getOrDefault(type, String.valueOf(record.getOrDefault("sheetName", type))),
                history instanceof Number n ? n.intValue() : null,
                from == null ? null : line(null, from, null, null).value() + " 〜 " + line(null, to, null, null).value(),
                inForce, lines, tables);
    }

    private static Table table(String label, List<?> rows, Map<String, String> own) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> ((Map<?, ?>) r).keySet().forEach(k -> keys.add(k.toString())));
        keys.removeIf(k -> k.endsWith("Name") && keys.contains(k.substring(0, k.length() - 4)));
        List<String> headers = keys.stream().map(k -> own.getOrDefault(k, COMMON.getOrDefault(k, k))).toList();
        List<List<Line>> shown = rows.stream().map(r -> {
            Map<?, ?> row = (Map<?, ?>) r;
            return keys.stream().map(k -> line(null, row.get(k), row.get(k + "Name"), null)).toList();
        }).toList();
        return new Table(label, headers, shown);
    }

    /** A value with its meaning (when coded: the meaning shown, the code kept beside it) or its unit. */
    private static Line line(String label, Object value, Object meaning, String unit) {
        if (value == null) {
            return new Line(label, "", null);
        }
        String shown = value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList())
                : value instanceof Boolean b ? (b ? "はい" : "いいえ")
                : value instanceof String d && ISO_DATE.matcher(d).matches() ? JapaneseDates.format(LocalDate.parse(d))
                : value instanceof String t && ISO_INSTANT.matcher(t).matches() ? MOMENTS.moment(java.time.Instant.parse(t))
                : value instanceof Number n && unit != null ? String.format("%,d %s", n.longValue(), unit)
                : value.toString();
        return meaning == null ? new Line(label, shown, null) : new Line(label, meaning.toString(), shown);
    }

    /** The record of the type in force on the day (the newest history), or null. */
    static Map<String, Object> current(List<Map<String, Object>> records, String type, LocalDate day) {
        Map<String, Object> found = null;
        for (Map<String, Object> r : records) {
            if (type.equals(r.get("recordType")) && !LocalDate.parse(r.get("validFrom").toString()).isAfter(day)
                    && (r.get("validTo") == null || !LocalDate.parse(r.get("validTo").toString()).isBefore(day))) {
                found = r;
            }
        }
        return found;
    }

    static String text(Map<String, Object> record, String key) {
        Object value = record == null ? null : record.get(key);
        return value == null ? "" : value.toString();
    }
}
