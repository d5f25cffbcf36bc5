package jp.kaigo.exchange;

import java.util.UUID;

/** The step is not possible now (an expected outcome); {@code existing} names the document in the way, if any. */
public record Refused(Refusal reason, UUID existing) implements SendResult, ChangeResult, OpenResult {
    public Refused(Refusal reason) {
        this(reason, null);
    }
}
