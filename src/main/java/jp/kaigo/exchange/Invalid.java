package jp.kaigo.exchange;

import java.util.List;
import jp.kaigo.shared.Violation;

/** The input broke rules, field by field (Japanese reasons, no values); nothing was stored. */
public record Invalid(List<Violation> violations) implements SendResult, ChangeResult {
    public Invalid {
        violations = List.copyOf(violations);
    }
}
