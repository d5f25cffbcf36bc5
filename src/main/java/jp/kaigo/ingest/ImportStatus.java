package jp.kaigo.ingest;

/** Where an import stands. */
public enum ImportStatus {
    /**
     * A file uploaded in the console, kept in the pending directory and recorded before the browser was answered, not
     * imported yet: waiting for its turn, being imported, or interrupted by a crash (imported after the restart).
     */
    RECEIVED,
    /** Being read and merged (only while it runs; never stored). */
    RUNNING,
    /** Merged: the report says what was inserted, updated and deleted. */
    COMPLETED,
    /** Refused as a whole (nothing changed): the notes say why. */
    FAILED,
    /**
     * A 全量 file that would delete records, held for the municipality's confirmation: nothing changed, the file is
     * kept until it is confirmed, cancelled or expires ({@link FileImports#HOLD_HOURS} hours).
     */
    HELD,
    /** A held import the municipality cancelled: nothing changed, the file is gone. */
    CANCELLED,
    /** A held import nobody confirmed in time: nothing changed, the file is gone. */
    EXPIRED
}
