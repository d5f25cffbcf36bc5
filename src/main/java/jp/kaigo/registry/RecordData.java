package jp.kaigo.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaigo.ingest.FieldSpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stored row, as PostgreSQL's {@code to_jsonb} gives it (columns in snake_case), back into the
 * layout's fields in layout order, with the meaning of each code.
 */
final class RecordData {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private RecordData() {
    }

    /** The fields from a result set whose columns from {@code first} on are the layout's fields in order. */
    static Map<String, Object> fields(RecordType type, ResultSet rs, int first) throws SQLException {
        Map<String, Object> ordered = new LinkedHashMap<>();
        int column = first;
        for (FieldSpec field : type.layout().fields()) {
            Object value = rs.getObject(column++);
            if (value != null) {
                Object shown = value instanceof Date date ? date.toLocalDate().toString() : value;
                ordered.put(field.key(), shown);
                String meaning = field.codes().get(shown.toString());
                if (meaning != null) {
                    ordered.put(field.key() + "Name", meaning);
                }
            }
        }
        return ordered;
    }

    static Map<String, Object> fields(RecordType type, String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Object> stored = JSON.readValue(json, MAP);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (FieldSpec field : type.layout().fields()) {
            Object value = stored.get(RecordType.column(field.key()));
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
