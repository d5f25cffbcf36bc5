package jp.kaigo.exchange;

import java.time.Instant;

/**
 * One receipt of a list as checked by {@link ReceiptChain}: its position in the list (from 1), the step it attests
 * ({@code from→to} as the statement writes the statuses, e.g. {@code -→SENT}) and when, or null when the statement
 * cannot be read; {@code problem} null when it verifies, else the first thing wrong and, for a signature, why.
 */
public record ReceiptVerdict(int position, String step, Instant at, Problem problem, String detail) {

    /** format: not a statement of design §2.6.1; signature: not signed by a receipt certificate of the CA; chain:
     * not the next receipt of the same document after the one listed before it (one removed, reordered or mixed). */
    public enum Problem {
        FORMAT, SIGNATURE, CHAIN
    }

    public boolean verified() {
        return problem == null;
    }
}
