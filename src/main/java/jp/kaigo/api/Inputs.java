package jp.kaigo.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.kaigo.ingest.Fields;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/** Collects every violation of a request before answering, so the caller can fix them all at once. */
final class Inputs {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final List<Violation> violations = new ArrayList<>();

    <T> T value(String text, Function<String, T> parse) {
        try {
            return parse.apply(text == null ? "" : text.strip());
        } catch (InvalidValue e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    LocalDate date(String text, String field, String label, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new Violation(field, label, "必須です"));
            }
            return null;
        }
        LocalDate date = Fields.parseDate(text.strip());
        if (date == null) {
            violations.add(new Violation(field, label, "日付(YYYY-MM-DD)の形式ではないか、存在しない日付です"));
        }
        return date;
    }

    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidValue(violations);
        }
    }

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }
}
