package jp.kaigo.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an upload: what was read, what changed, and every refused row (the first
 * {@link #REJECTIONS_SHOWN}; all of them are downloadable). A {@link ImportStatus#HELD} 全量 import changed nothing
 * yet: {@code wouldDelete} says how many records its confirmation would delete (null otherwise), and the rejected
 * rows are listed once it is confirmed.
 */
public record ImportReport(
        UUID importId, ImportStatus status, String insurerNo, String recordType, String mode, String format,
        String charset, String fileName, String sha256, long bytes, long rows, long inserted, long updated,
        long deleted, long unchanged, long rejectedRows, List<Rejection> rejections, boolean rejectionsTruncated,
        String notes, Instant startedAt, Instant finishedAt, Long wouldDelete) {

    public static final int REJECTIONS_SHOWN = 1000;

    /** Until when a held import waits for its confirmation; null for any other. */
    public Instant expiresAt() {
        return status == ImportStatus.HELD ? finishedAt.plus(Duration.ofHours(FileImports.HOLD_HOURS)) : null;
    }
}
