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
        titles.put("life", "LIFE 評価");
    }

    /** Dates in records are ISO text; they are shown as the paper shows them (和暦 with the 西暦 year). */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
