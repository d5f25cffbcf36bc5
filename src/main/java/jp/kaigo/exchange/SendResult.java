package jp.kaigo.exchange;

/** What became of a send: sent, the same document sent before, invalid (nothing stored), or refused. */
public sealed interface SendResult permits SendResult.Sent, SendResult.Duplicate, Invalid, Refused {

    /** Stored, routed to the recipient and receipted. */
    record Sent(DocumentRef document, int version) implements SendResult {
    }

    /** The sender sent this content under this key before: that document, nothing new (§2.5 row 2). */
    record Duplicate(DocumentRef document) implements SendResult {
    }
}
