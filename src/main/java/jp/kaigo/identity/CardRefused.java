package jp.kaigo.identity;

/** A My Number card answer was refused; the message says why in terms the office can act on. */
public class CardRefused extends RuntimeException {
    public CardRefused(String message) {
        super(message);
        IdentityMetrics.CARD_REFUSALS.increment(); // every refusal is thrown where it is made
    }
}
