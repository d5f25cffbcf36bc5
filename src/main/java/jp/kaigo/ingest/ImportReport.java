package jp.kaigo.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an upload: what was read, what changed, and every refused row (the first
 * {@link #REJECTIONS_SHOWN}; all of them are downloadable). {@code status} is COMPLETED or FAILED.
 */
public record ImportReport(
        UUID importId, String status, String insurerNo, String recordType, String mode, String format,
        String charset, String fileName, String sha256, long bytes, long rows, long inserted, long updated,
        long deleted, long unchanged, long rejectedRows, List<Rejection> rejections, boolean rejectionsTruncated,
        String notes, Instant startedAt, Instant finishedAt) {

    public static final int REJECTIONS_SHOWN = 1000;
}
