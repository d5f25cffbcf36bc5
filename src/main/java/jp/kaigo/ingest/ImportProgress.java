package jp.kaigo.ingest;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** An import in progress: whose it is and how many rows have been read so far. */
public record ImportProgress(UUID importId, String insurerNo, AtomicLong rowsRead) {
}
