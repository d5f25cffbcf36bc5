package jp.kaigo.exchange;

/** The result of checking a document's receipts: all verify and chain, or the first that does not and why. */
public sealed interface ReceiptCheck permits ReceiptCheck.Verified, ReceiptCheck.Broken {

    record Verified(int receipts) implements ReceiptCheck {
    }

    /** {@code problem}: format, signature or chain (a receipt removed, reordered or changed). */
    record Broken(int position, String problem) implements ReceiptCheck {
    }
}
