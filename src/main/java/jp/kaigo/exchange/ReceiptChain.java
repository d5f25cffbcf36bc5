package jp.kaigo.exchange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rules a list of one document's receipts must keep (design §2.6.3), in one place for the platform
 * ({@link DocumentExchange#verify}) and for a party that verifies offline (the {@code receipt verify} command): each
 * receipt is a well-formed statement that agrees with its envelope (document, sequence number), its signature is
 * accepted by the given check, and it is the next receipt of the same document after the one listed before it
 * (sequence number one more, {@code previous} = SHA-256 of that one's statement; the first is number 1 with
 * {@code previous=-}). Each receipt is judged against its neighbour, so a removed receipt shows where the gap is.
 */
public final class ReceiptChain {
    private static final HexFormat HEX = HexFormat.of();

    private ReceiptChain() {
    }

    /** Checks a receipt's signature; answers null when it verifies, otherwise why not (words for the reader). */
    @FunctionalInterface
    public interface Signatures {
        String refusal(Receipt receipt, Instant signedAt);
    }

    /** One verdict per receipt, in the order given. */
    public static List<ReceiptVerdict> check(List<Receipt> receipts, Signatures signatures) {
        List<ReceiptVerdict> verdicts = new ArrayList<>();
        Receipt before = null;
        Map<String, String> beforeFields = null;
        for (int i = 0; i < receipts.size(); i++) {
            Receipt r = receipts.get(i);
            verdicts.add(verdict(i + 1, r, before, beforeFields, signatures));
            before = r;
            beforeFields = r.statement() == null ? null : Receipts.parse(r.statement());
        }
        return List.copyOf(verdicts);
    }

    private static ReceiptVerdict verdict(int position, Receipt r, Receipt before, Map<String, String> beforeFields,
            Signatures signatures) {
        Map<String, String> fields = r.statement() == null || r.signature() == null ? null : Receipts.parse(r.statement());
        if (fields == null) {
            return new ReceiptVerdict(position, null, null, ReceiptVerdict.Problem.FORMAT, null);
        }
        String step = fields.get("from") + "→" + fields.get("to");
        Instant at;
        try {
            at = Instant.parse(fields.get("at"));
        } catch (DateTimeParseException e) {
            return new ReceiptVerdict(position, step, null, ReceiptVerdict.Problem.FORMAT, null);
        }
        String document = fields.get("document");
        if (!String.valueOf(r.documentId()).equals(document)
                || !fields.get("receipt").equals(document + "/" + r.seq())) {
            return new ReceiptVerdict(position, step, at, ReceiptVerdict.Problem.FORMAT, null);
        }
        String refusal = signatures.refusal(r, at);
        if (refusal != null) {
            return new ReceiptVerdict(position, step, at, ReceiptVerdict.Problem.SIGNATURE, refusal);
        }
        boolean chained = before == null
                ? r.seq() == 1 && fields.get("previous").equals("-")
                : before.statement() != null && r.seq() == before.seq() + 1 && r.documentId().equals(before.documentId())
                        && fields.get("previous").equals(HEX.formatHex(Receipts.sha256(before.statement())))
                        && (beforeFields == null || document.equals(beforeFields.get("document")));
        return chained ? new ReceiptVerdict(position, step, at, null, null)
                : new ReceiptVerdict(position, step, at, ReceiptVerdict.Problem.CHAIN, null);
    }
}
