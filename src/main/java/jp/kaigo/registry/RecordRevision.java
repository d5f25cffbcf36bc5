package jp.kaigo.registry;

import java.time.Instant;
import java.util.UUID;

/** One stored revision of a history, current or superseded, with the import that brought it. */
public record RecordRevision(RecordView record, int revision, boolean deleted, boolean current, UUID importId,
        Instant recordedAt, Instant supersededAt) {
}
