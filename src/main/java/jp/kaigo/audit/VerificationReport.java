package jp.kaigo.audit;

import java.util.List;

/** The result of checking the whole chain: entries checked and every break found (empty when intact). */
public record VerificationReport(long entriesChecked, List<String> problems) {
    public boolean intact() {
        return problems.isEmpty();
    }
}
