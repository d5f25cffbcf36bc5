package jp.kaigo.eligibility;

import java.util.List;
import jp.kaigo.shared.Violation;

/**
 * What the rules say about one registration as 担当事業所: every rule that refuses it, and the warnings that let it
 * through. Each finding names the field, the rule and a plain Japanese reason (never a value of the person's).
 */
public record RegistrationDecision(List<Finding> refusals, List<Finding> warnings) {
    public RegistrationDecision {
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** One rule's word: which field (machine name and Japanese label), which rule, why. */
    public record Finding(String field, String label, RegistrationRule rule, String reason) {
        public Violation violation() {
            return new Violation(field, label, reason);
        }
    }
}
