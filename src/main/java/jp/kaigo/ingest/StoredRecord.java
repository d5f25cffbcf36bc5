package jp.kaigo.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored row, as PostgreSQL's {@code row_to_json} gives it (columns in snake_case), back into the
 * layout's fields in layout order, with the meaning of each code under {@code <key>Name}.
 */
public final class StoredRecord {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Each layout's field columns, by record type, worked out once (this runs on every 資格確認). */
    private static final Map<String, List<String>> COLUMNS = new ConcurrentHashMap<>();

    private StoredRecord() {
    }

    /**
     * Every current (not superseded, not deleted) history of one person in a history table, newest first:
     * record type, 履歴番号, validity, then the fields.
     */
    public static List<Map<String, Object>> currentHistories(JdbcTemplate jdbc, RecordLayout layout, String table,
            String insurerNo, String insuredNo) {
        return jdbc.query("select history_no, valid_from, valid_to, row_to_json(x)::text from " + table + " x"
                + " where insurer_no = ? and insured_no = ? and current and not deleted order by history_no desc",
                (rs, n) -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("recordType", layout.recordType());
                    record.put("historyNo", rs.getInt(1));
                    record.put("validFrom", rs.getString(2));
                    if (rs.getString(3) != null) {
                        record.put("validTo", rs.getString(3));
                    }
                    record.putAll(fields(layout, rs.getString(4)));
                    return record;
                }, insurerNo, insuredNo);
    }

    public static Map<String, Object> fields(RecordLayout layout, String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Object> stored = JSON.readValue(json, MAP);
        Map<String, Object> ordered = new LinkedHashMap<>();
        List<FieldSpec> fields = layout.fields();
        List<String> columns = COLUMNS.computeIfAbsent(layout.recordType(),
                type -> fields.stream().map(FieldSpec::column).toList());
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            Object value = stored.get(columns.get(i));
            if (value != null) {
                ordered.put(field.key(), value);
                String meaning = field.codes().get(value.toString());
                if (meaning != null) {
                    ordered.put(field.key() + "Name", meaning);
                }
            }
        }
        return ordered;
    }
}
