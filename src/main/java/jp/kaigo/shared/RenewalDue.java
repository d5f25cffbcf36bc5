package jp.kaigo.shared;

import java.time.LocalDate;

/**
 * Published by {@code certification}'s daily job (design §7.1) for a person whose current 認定 ends within 60 days
 * ({@code certValidTo} = 認定有効期間終了日) with no 更新 case open: the notification module sends the 認定更新勧奨, once per
 * {@code certValidTo}.
 */
public record RenewalDue(InsuredPerson person, LocalDate certValidTo) {
    public RenewalDue {
        if (person == null || certValidTo == null) {
            throw new IllegalArgumentException("person and certValidTo are required");
        }
    }
}
