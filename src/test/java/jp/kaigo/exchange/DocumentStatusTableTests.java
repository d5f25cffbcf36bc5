package jp.kaigo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.exchange.DocumentTransitions.Allowed;
import jp.kaigo.exchange.DocumentTransitions.Decision;
import jp.kaigo.exchange.DocumentTransitions.Denied;
import jp.kaigo.exchange.DocumentTransitions.Existing;
import jp.kaigo.exchange.DocumentTransitions.Facts;
import jp.kaigo.exchange.DocumentTransitions.Idempotency;
import jp.kaigo.exchange.DocumentTransitions.Move;
import jp.kaigo.exchange.DocumentTransitions.ReplyTo;
import jp.kaigo.exchange.DocumentTransitions.Role;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import org.junit.jupiter.api.Test;

/**
 * Every combination of status × step × party × kind × idempotency × request answered × reply sent × reason given,
 * decided by {@link DocumentTransitions} and checked against the table below. The table is written from the
 * design (docs/design/certification-online.md §2.5 rows 1–12, themselves from issue 16 §1 and its attacks), not
 * from the code; each line cites its source. The first matching line gives the answer.
 */
class DocumentStatusTableTests {
    /**
     * from | step | by | kind | idempotency | reply to | reply exists | reason given | expected | source.
     * "*" matches anything; a list is comma-separated; "none" = not sent yet. Expected: a status (the step is
     * taken), EXISTING, UNCHANGED, or a refusal code.
     */
    private static final String RULES = """
            *      | *    | OTHER | *  | *  | *  | *  | *   | not-a-party | §2.5 row 12: someone neither sender nor recipient
            *      | DELIVER | SENDER,RECIPIENT | * | * | * | * | * | not-a-party | row 12: delivery is marked by the platform only
            *      | SEND,NEW_VERSION,READ,ACCEPT,RETURN,WITHDRAW | PLATFORM | * | * | * | * | * | not-a-party | row 12: the platform only for row 4
            none   | NEW_VERSION,DELIVER,READ,ACCEPT,RETURN,WITHDRAW | * | * | * | * | * | * | not-found | (decision) no document yet
            sent,delivered,read,accepted,returned,withdrawn | SEND | * | * | * | * | * | * | wrong-status | (decision) a document is sent once; row 9 makes later versions
            none   | SEND | RECIPIENT | * | *  | *  | *  | *   | not-a-party | row 1: the sender sends
            none   | SEND | SENDER | * | SAME_CONTENT | * | * | * | EXISTING | row 2; I16-atk "same document sent twice"
            none   | SEND | SENDER | * | OTHER_CONTENT | * | * | * | idempotency-key-reused | row 3 (decision, Idempotency-Key semantics)
            none   | SEND | SENDER | * | NEW | NOT_PARTIES | * | * | not-a-party | row 12 (decision): an answer goes from the request's recipient to its sender
            none   | SEND | SENDER | * | NEW | CLOSED | * | * | request-closed | row 8: replies to a withdrawn request are refused; I16-atk "after the request was withdrawn"
            none   | SEND | SENDER | * | NEW | NONE,OPEN | * | * | sent | row 1: document, version 1, inbox and outbox rows, receipt
            *      | READ | SENDER | *  | *  | *  | *  | *   | UNCHANGED | (decision) the sender opening its own document is no step
            read,accepted,returned,withdrawn | READ | RECIPIENT | * | * | * | * | * | UNCHANGED | (decision) opening again, or a closed document, shows it and records nothing
            delivered,read | DELIVER | PLATFORM | * | * | * | * | * | UNCHANGED | row 4: "where status = 'sent'"
            accepted,withdrawn | * | * | * | *  | *  | *  | *   | terminal-status | row 10; I16 §1
            returned | DELIVER,READ,ACCEPT,RETURN,WITHDRAW | * | * | * | * | * | * | returned | row 11: only a new version (row 9) reopens it
            sent   | DELIVER | PLATFORM | * | *  | *  | *  | *   | delivered | row 4: the recipient's inbox was listed
            sent,delivered | READ | RECIPIENT | * | * | * | * | * | read | row 5: the recipient's first opening
            *      | ACCEPT,RETURN | SENDER | * | * | * | * | * | wrong-side | (decision) rows 6–7 are the recipient's
            sent   | ACCEPT,RETURN | RECIPIENT | * | * | * | * | * | wrong-status | rows 6–7: from delivered or read
            delivered,read | ACCEPT | RECIPIENT | * | * | * | * | * | accepted | row 6; I16 §1–4
            delivered,read | RETURN | RECIPIENT | * | * | * | * | no | reason-required | row 7: reason code required
            delivered,read | RETURN | RECIPIENT | * | * | * | * | yes | returned | row 7; I16 §4 "returns the request with a reason"
            sent,delivered,read | WITHDRAW | SENDER | * | * | * | * | * | withdrawn | row 8; I16-atk
            *      | WITHDRAW,NEW_VERSION | RECIPIENT | * | * | * | * | * | wrong-side | (decision) rows 8–9 are the sender's
            sent,delivered,read,returned | NEW_VERSION | SENDER | opinion-request,survey-assignment | * | * | yes | * | reply-exists | row 9: not for a request after a reply exists
            sent,delivered,read,returned | NEW_VERSION | SENDER | * | * | * | * | * | sent | row 9 (decision): version n+1, status back to sent
            """;

    private static final List<String> FROM = List.of("none", "sent", "delivered", "read", "accepted", "returned", "withdrawn");

    record Row(String from, Move move, Role by, DocumentKind kind, Idempotency idempotency, ReplyTo replyTo,
            boolean replyExists, boolean reasonGiven) {
    }

    private static List<Row> everyRow() {
        List<Row> rows = new ArrayList<>();
        boolean[] both = {false, true};
        for (String from : FROM) {
            for (Move move : Move.values()) {
                for (Role by : Role.values()) {
                    for (DocumentKind kind : DocumentKind.values()) {
                        for (Idempotency idempotency : Idempotency.values()) {
                            for (ReplyTo replyTo : ReplyTo.values()) {
                                for (boolean replyExists : both) {
                                    for (boolean reasonGiven : both) {
                                        rows.add(new Row(from, move, by, kind, idempotency, replyTo, replyExists, reasonGiven));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        List<Row> rows = everyRow();
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Row row : rows) {
            String expected = expected(row);
            String actual = answer(DocumentTransitions.allowed(row.from().equals("none") ? null
                    : DocumentStatus.ofCode(row.from()).orElseThrow(), row.move(), row.by(), row.kind(),
                    new Facts(row.idempotency(), row.replyTo(), row.replyExists(), row.reasonGiven())));
            counts.merge(actual, 1, Integer::sum);
            if (!expected.equals(actual)) {
                mismatches.add(row + " expected " + expected + " but was " + actual);
            }
        }
        System.out.printf("document status table: %d rows, %s%n", rows.size(), counts);
        assertThat(rows).hasSizeGreaterThan(10_000);
        assertThat(mismatches).as(String.join("\n", mismatches.stream().limit(20).toList())).isEmpty();
        // every status is reached and every refusal the rules can give is given somewhere
        assertThat(counts.keySet()).contains("sent", "delivered", "read", "accepted", "returned", "withdrawn",
                "EXISTING", "UNCHANGED");
        assertThat(counts.keySet()).containsAll(Arrays.stream(Refusal.values())
                .filter(r -> r != Refusal.ALREADY_OPEN && r != Refusal.STATUS_CHANGED).map(Refusal::code).toList());
    }

    /** Nothing moves an accepted or withdrawn document; nothing but the sender's new version moves a returned one. */
    @Test
    void terminalAndReturnedDocumentsStay() {
        for (Row row : everyRow()) {
            Decision d = DocumentTransitions.allowed(row.from().equals("none") ? null
                    : DocumentStatus.ofCode(row.from()).orElseThrow(), row.move(), row.by(), row.kind(),
                    new Facts(row.idempotency(), row.replyTo(), row.replyExists(), row.reasonGiven()));
            if (row.from().equals("accepted") || row.from().equals("withdrawn")) {
                assertThat(d).as(row.toString()).isNotInstanceOf(Allowed.class);
            }
            if (row.from().equals("returned") && d instanceof Allowed) {
                assertThat(row.move()).as(row.toString()).isEqualTo(Move.NEW_VERSION);
                assertThat(row.by()).isEqualTo(Role.SENDER);
            }
        }
    }

    private static String answer(Decision decision) {
        if (decision instanceof Allowed a) {
            return a.to().code();
        }
        if (decision instanceof Denied d) {
            return d.reason().code();
        }
        return decision instanceof Existing ? "EXISTING" : "UNCHANGED";
    }

    private static String expected(Row row) {
        for (String line : RULES.strip().split("\n")) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (matches(c[0], row.from()) && matches(c[1], row.move().name()) && matches(c[2], row.by().name())
                    && matches(c[3], row.kind().key()) && matches(c[4], row.idempotency().name())
                    && matches(c[5], row.replyTo().name()) && matches(c[6], row.replyExists() ? "yes" : "no")
                    && matches(c[7], row.reasonGiven() ? "yes" : "no")) {
                return c[8];
            }
        }
        throw new AssertionError("no rule for " + row);
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || Arrays.asList(pattern.split(",")).contains(value);
    }
}
