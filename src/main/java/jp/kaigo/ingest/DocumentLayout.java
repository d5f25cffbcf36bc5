package jp.kaigo.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Violation;

/**
 * The layout of one version of a document kind exchanged between parties (docs/design/certification-online.md §2.4):
 * its fields (the same {@link FieldSpec}s and {@link Fields} factories as the municipality file interface) and its
 * rules across fields. Unlike a {@link RecordLayout} it has no key, validity or 処理区分 columns: a document is a flat
 * map of its own fields (repeated groups flattened into numbered keys), validated the same way as a file row.
 */
public record DocumentLayout(DocumentKind kind, String label, String version, List<FieldSpec> fields,
        List<RowRule> rules) {

    static final String UNKNOWN_KEY = FieldLayout.UNKNOWN_KEY;
    static final String REQUIRED = FieldLayout.REQUIRED;
    static final String RULE_FAILED = FieldLayout.RULE_FAILED;

    public DocumentLayout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a document layout needs a version");
        }
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
        Set<String> keys = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("field key twice in layout " + kind.key() + " " + version + ": "
                        + field.key());
            }
        }
    }

    /** The field of this key, if the layout has one. */
    public Optional<FieldSpec> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Validates a flat map of field values (as a form or a JSON object sends them): every violation, or the parsed
     * values in layout order, by the rules of {@link FieldLayout#validate} (unknown keys refused, so the fields of
     * another kind fail here; required fields 必須; row rules only over valid fields). Never throws.
     */
    public Validated validate(Map<String, String> values) {
        return new FieldLayout(kind.key() + " " + version, label, fields, rules).validate(values);
    }

    /** The violations of {@link #validate}, empty when the values are valid. */
    public List<Violation> violations(Map<String, String> values) {
        return validate(values) instanceof Validated.Invalid invalid ? invalid.violations() : List.of();
    }

    /** An unknown key as a violation names it: cut short, so a huge or hostile key does not fill the answer. */
    static String shown(String key) {
        return FieldLayout.shown(key);
    }
}
