package jp.kaigo.ingest;

import java.util.List;
import java.util.Map;
import jp.kaigo.shared.Violation;

/** The outcome of {@link FieldLayout#validate} (and {@link DocumentLayout#validate}): the parsed values, or every broken rule. */
public sealed interface Validated {

    /**
     * Every field is valid and every row rule holds. {@code values} holds the given fields' parsed values (String,
     * Integer or LocalDate) in layout order; a field left blank is absent.
     */
    record Valid(Map<String, Object> values) implements Validated {
    }

    /** At least one violation: unknown keys first, then the fields in layout order, then the row rules. */
    record Invalid(List<Violation> violations) implements Validated {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
