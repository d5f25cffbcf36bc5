package jp.kaigo.ingest;

import java.util.Map;
import java.util.Optional;
import jp.kaigo.shared.Violation;

/** A rule across the fields of one row (e.g. an end date not before its start date). */
@FunctionalInterface
public interface RowRule {
    Optional<Violation> check(Map<String, Object> values);
}
