package jp.kaigo.eligibility;

import java.util.List;
import jp.kaigo.shared.InvalidValue;

/** A registration as 担当事業所 that breaks one or more rules: every failed rule, with field and reason. */
public class RegistrationRefused extends InvalidValue {
    private final transient List<RegistrationDecision.Finding> refusals;

    RegistrationRefused(List<RegistrationDecision.Finding> refusals) {
        super(refusals.stream().map(RegistrationDecision.Finding::violation).toList());
        this.refusals = List.copyOf(refusals);
    }

    public List<RegistrationDecision.Finding> refusals() {
        return refusals;
    }
}
