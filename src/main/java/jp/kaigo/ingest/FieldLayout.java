package jp.kaigo.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flat layout: named fields and rules across them, validating a map of field values as a form, a JSON object or one
 * CSV row sends them. The validation under {@link DocumentLayout} (a document kind's version), and the layout of an
 * input that is not a document (e.g. a 一次判定 result the clerk imports).
 */
public record FieldLayout(String name, String label, List<FieldSpec> fields, List<RowRule> rules) {

    static final String UNKNOWN_KEY = "この様式にない項目です";
    static final String REQUIRED = "必須です";
    static final String RULE_FAILED = "項目の組み合わせを確認できませんでした";
    private static final int KEY_SHOWN = 64;
    private static final Logger log = LoggerFactory.getLogger(FieldLayout.class);

    public FieldLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
        Set<String> keys = new HashSet<>();
        for (FieldSpec field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("field key twice in layout " + name + ": " + field.key());
            }
        }
    }

    /** The field of this key, if the layout has one. */
    public Optional<FieldSpec> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Validates a flat map of field values: every violation, or the parsed values in layout order. Rules, as in the
     * file interface: a key the layout lacks is refused (so the fields of another kind fail here); a blank or absent
     * required field is 必須; each value is stripped and parsed by its field; the row rules run only when every field
     * is valid (a rule over a value that failed its own check would report a second, misleading error). Never throws,
     * whatever the map holds (null keys or values included).
     */
    public Validated validate(Map<String, String> values) {
        Map<String, String> given = values == null ? Map.of() : values;
        List<Violation> problems = new ArrayList<>();
        Set<String> known = new HashSet<>(fields.size() * 2);
        fields.forEach(f -> known.add(f.key()));
        Set<String> unknown = new TreeSet<>();
        boolean nullKey = false;
        for (String key : given.keySet()) {
            if (key == null) {
                nullKey = true;
            } else if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        if (nullKey) {
            problems.add(new Violation("", "", UNKNOWN_KEY));
        }
        for (String key : unknown) {
            String shown = shown(key);
            problems.add(new Violation(shown, shown, UNKNOWN_KEY));
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            String raw = given.get(field.key());
            String text = raw == null ? "" : raw.strip();
            if (text.isEmpty()) {
                if (field.required()) {
                    problems.add(new Violation(field.key(), field.label(), REQUIRED));
                }
                continue;
            }
            try {
                parsed.put(field.key(), field.parse(text));
            } catch (InvalidValue e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            return new Validated.Invalid(problems);
        }
        Map<String, Object> view = Collections.unmodifiableMap(parsed);
        for (RowRule rule : rules) {
            try {
                rule.check(view).ifPresent(problems::add);
            } catch (RuntimeException e) {
                // a rule that cannot cope with valid fields is a bug in the layout: say so without the values
                log.warn("Row rule {} of layout {} failed with {}", rule.getClass().getName(), name,
                        e.getClass().getName());
                problems.add(new Violation("", label, RULE_FAILED));
            }
        }
        return problems.isEmpty() ? new Validated.Valid(view) : new Validated.Invalid(problems);
    }

    /** The violations of {@link #validate}, empty when the values are valid. */
    public List<Violation> violations(Map<String, String> values) {
        return validate(values) instanceof Validated.Invalid invalid ? invalid.violations() : List.of();
    }

    /** An unknown key as a violation names it: cut short, so a huge or hostile key does not fill the answer. */
    static String shown(String key) {
        String cleaned = key.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.codePointCount(0, cleaned.length()) <= KEY_SHOWN ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, KEY_SHOWN)) + "…";
    }
}
