package jp.kaigo.ingest;

import java.util.Map;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/**
 * One column of a record layout: machine key (JSON key, CSV header), Japanese label (also accepted as
 * CSV header), whether it is required, the rule in words, the meaning of each code (empty unless the
 * field is coded), its parser, and for an amount its unit as the paper prints it (単位/月, 円, 円/日; else null).
 */
public record FieldSpec(String key, String label, boolean required, String rule, Map<String, String> codes,
        ValueParser parser, String unit) {

    public FieldSpec(String key, String label, boolean required, String rule, Map<String, String> codes,
            ValueParser parser) {
        this(key, label, required, rule, codes, parser, null);
    }

    /** The same field, its amounts counted in this unit. */
    public FieldSpec in(String unit) {
        return new FieldSpec(key, label, required, rule + "(" + unit + ")", codes, parser, unit);
    }

    /** The database column holding this field: its key in snake_case. */
    public String column() {
        StringBuilder column = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char before = i == 0 ? 'A' : key.charAt(i - 1);
                if (before >= 'a' && before <= 'z' || before >= '0' && before <= '9') {
                    column.append('_');
                }
                column.append((char) (c + ('a' - 'A')));
            } else {
                column.append(c);
            }
        }
        return column.toString();
    }

    public FieldSpec mandatory() {
        return new FieldSpec(key, label, true, rule, codes, parser, unit);
    }

    /** Parses the text; violations are reported under this field's own key and label. */
    Object parse(String text) {
        try {
            return parser.parse(text);
        } catch (InvalidValue e) {
            throw new InvalidValue(e.violations().stream()
                    .map(v -> new Violation(key, label, v.reason())).toList());
        } catch (RuntimeException e) {
            throw new InvalidValue(key, label, "形式が正しくありません(" + rule + ")");
        }
    }
}
