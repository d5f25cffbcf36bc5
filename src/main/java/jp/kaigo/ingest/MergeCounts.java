package jp.kaigo.ingest;

/** What a merge did with the accepted rows. {@code notes} explains anything a user should know. */
public record MergeCounts(long inserted, long updated, long deleted, long unchanged, long rejected, String notes) {
}
