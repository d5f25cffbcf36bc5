package jp.kaigo.exchange;

import static jp.kaigo.shared.DocumentStatus.ACCEPTED;
import static jp.kaigo.shared.DocumentStatus.DELIVERED;
import static jp.kaigo.shared.DocumentStatus.READ;
import static jp.kaigo.shared.DocumentStatus.RETURNED;
import static jp.kaigo.shared.DocumentStatus.SENT;
import static jp.kaigo.shared.DocumentStatus.WITHDRAWN;

import java.util.Set;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;

/**
 * Which step a party may take on a document in which status (design §2.5 rows 1–12; the table of
 * {@code DocumentStatusTableTests}). Pure: the facade gathers the facts and applies the answer. Who may send or
 * read a kind at all is {@code access}'s question, asked before.
 */
final class DocumentTransitions {

    private DocumentTransitions() {
    }

    /** A step, with the status it leads to. */
    enum Move {
        SEND(SENT), NEW_VERSION(SENT), DELIVER(DELIVERED), READ(DocumentStatus.READ), ACCEPT(ACCEPTED),
        RETURN(RETURNED), WITHDRAW(WITHDRAWN);

        final DocumentStatus to;

        Move(DocumentStatus to) {
            this.to = to;
        }
    }

    /** Who takes the step, relative to the document: the platform only marks delivery. */
    enum Role { SENDER, RECIPIENT, PLATFORM, OTHER }

    /** The sender's idempotency key: new, seen with the same content, or seen with other content. */
    enum Idempotency { NEW, SAME_CONTENT, OTHER_CONTENT }

    /**
     * The request a new document answers: none, open, closed (withdrawn or returned), or one between other parties
     * (the answer must go from the request's recipient back to its sender).
     */
    enum ReplyTo { NONE, OPEN, CLOSED, NOT_PARTIES }

    /**
     * @param replyExists  a reply to this document has been sent (not withdrawn)
     * @param reasonGiven  a return reason code was given
     */
    record Facts(Idempotency idempotency, ReplyTo replyTo, boolean replyExists, boolean reasonGiven) {
        static final Facts NONE = new Facts(Idempotency.NEW, ReplyTo.NONE, false, true);
    }

    sealed interface Decision permits Allowed, Existing, Unchanged, Denied {
    }

    /** Take the step: the document moves to {@code to}, with a status change and its receipt. */
    record Allowed(DocumentStatus to) implements Decision {
    }

    /** The same document was sent before under the same key: answer it, store nothing (row 2). */
    record Existing() implements Decision {
    }

    /** Nothing to record (opening a document already read, delivering one already delivered). */
    record Unchanged() implements Decision {
    }

    record Denied(Refusal reason) implements Decision {
    }

    /** The kinds that are requests: a new version after they were answered would change the question (row 9). */
    private static final Set<DocumentKind> REQUESTS = Set.of(DocumentKind.OPINION_REQUEST, DocumentKind.SURVEY_ASSIGNMENT);

    /** @param from the document's status; null for a document not sent yet (only {@link Move#SEND}) */
    static Decision allowed(DocumentStatus from, Move move, Role by, DocumentKind kind, Facts facts) {
        if (by == Role.OTHER) {
            return new Denied(Refusal.NOT_A_PARTY); // row 12
        }
        if ((move == Move.DELIVER) != (by == Role.PLATFORM)) {
            return new Denied(Refusal.NOT_A_PARTY); // row 12: the platform only for row 4
        }
        if (move == Move.SEND || from == null) {
            if (move != Move.SEND || from != null) {
                return new Denied(from == null ? Refusal.NOT_FOUND : Refusal.WRONG_STATUS);
            }
            if (by != Role.SENDER) {
                return new Denied(Refusal.NOT_A_PARTY);
            }
            return switch (facts.idempotency()) {
                case SAME_CONTENT -> new Existing(); // row 2
                case OTHER_CONTENT -> new Denied(Refusal.IDEMPOTENCY_KEY_REUSED); // row 3
                case NEW -> switch (facts.replyTo()) {
                    case NOT_PARTIES -> new Denied(Refusal.NOT_A_PARTY);
                    case CLOSED -> new Denied(Refusal.REQUEST_CLOSED); // row 8: replies refused once withdrawn
                    case NONE, OPEN -> new Allowed(SENT); // row 1
                };
            };
        }
        if (move == Move.READ && (by == Role.SENDER || from == READ || from.terminal() || from == RETURNED)) {
            return new Unchanged(); // opening shows the body; only the recipient's first opening is a step
        }
        if (move == Move.DELIVER && (from == DELIVERED || from == READ)) {
            return new Unchanged();
        }
        if (from.terminal()) {
            return new Denied(Refusal.TERMINAL_STATUS); // row 10
        }
        if (from == RETURNED && move != Move.NEW_VERSION) {
            return new Denied(Refusal.RETURNED); // row 11
        }
        boolean bySender = by == Role.SENDER;
        return switch (move) {
            case DELIVER -> new Allowed(DELIVERED); // row 4 (from sent)
            case READ -> new Allowed(READ); // row 5 (from sent or delivered, by the recipient)
            case ACCEPT -> bySender ? new Denied(Refusal.WRONG_SIDE)
                    : from == SENT ? new Denied(Refusal.WRONG_STATUS) : new Allowed(ACCEPTED); // row 6
            case RETURN -> bySender ? new Denied(Refusal.WRONG_SIDE)
                    : from == SENT ? new Denied(Refusal.WRONG_STATUS)
                    : facts.reasonGiven() ? new Allowed(RETURNED) : new Denied(Refusal.REASON_REQUIRED); // row 7
            case WITHDRAW -> bySender ? new Allowed(WITHDRAWN) : new Denied(Refusal.WRONG_SIDE); // row 8
            case NEW_VERSION -> !bySender ? new Denied(Refusal.WRONG_SIDE)
                    : REQUESTS.contains(kind) && facts.replyExists() ? new Denied(Refusal.REPLY_EXISTS)
                    : new Allowed(SENT); // row 9
            case SEND -> throw new IllegalStateException("handled above");
        };
    }
}
