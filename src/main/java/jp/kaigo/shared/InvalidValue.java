package jp.kaigo.shared;

import java.util.List;

/** Thrown when input breaks a domain rule; carries the violations, never the offending values. */
public class InvalidValue extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public InvalidValue(String field, String label, String reason) {
        this(List.of(new Violation(field, label, reason)));
    }

    public InvalidValue(List<Violation> violations) {
        super(violations.stream().map(Violation::message).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
