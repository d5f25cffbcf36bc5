package jp.kaigo.registry;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Each type's field columns in layout order, worked out once (snake_case keys of {@code to_jsonb}). */
    private static final Map<RecordType, List<String>> COLUMNS = new EnumMap<>(RecordType.class);

    static {
        for (RecordType type : RecordType.values()) {
            COLUMNS.put(type, type.layout().fields().stream().map(FieldSpec::column).toList());
        }
    }

    private RecordData() {
    }

    static Map<String, Object> fields(RecordType type, String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Object> stored = JSON.readValue(json, MAP);
        Map<String, Object> ordered = new LinkedHashMap<>();
        List<FieldSpec> fields = type.layout().fields();
        List<String> columns = COLUMNS.get(type);
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
