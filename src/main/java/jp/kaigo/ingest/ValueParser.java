package jp.kaigo.ingest;

/**
 * Turns the text of one field into a typed value (String, Integer or LocalDate), or throws
 * {@link jp.kaigo.shared.InvalidValue} naming the rule it breaks.
 */
@FunctionalInterface
public interface ValueParser {
    Object parse(String text);
}
