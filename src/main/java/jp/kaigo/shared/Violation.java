package jp.kaigo.shared;

/**
 * A broken rule on one input field. {@code field} is the machine name, {@code label} the Japanese
 * name a user knows, {@code reason} says which rule failed. The value itself is never included.
 */
public record Violation(String field, String label, String reason) {
    public String message() {
        return label + ": " + reason;
    }
}
