package jp.kaigo.shared;

import java.time.LocalDate;

/** A closed date range [from, to]; {@code to == null} means open-ended. */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (from == null) {
            throw new InvalidValue("validFrom", "開始日", "必須です");
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidValue("validTo", "終了日", "開始日より前の日付です");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
