package jp.kaigo.ingest;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Implemented by the module that owns a record type. Both methods run inside the import's
 * transaction, on the transaction-bound connection.
 */
public interface ImportTarget {

    /**
     * Leading columns of the rows handed to {@link #stage} (PostgreSQL COPY binary format), typed
     * bigint, char(1) (F 全量, I/U/D 差分), text, int, date, date; then one column per field of
     * {@link RecordLayout#fields()} in layout order, typed by its parsed value (String: text,
     * Integer: int, LocalDate: date), then {@code problems}: jsonb, an array of {field,label,reason}
     * for a row rejected while parsing (its fields are then null).
     */
    String STAGING_KEY_COLUMNS = "line_no, operation, insured_no, history_no, valid_from, valid_to";

    RecordLayout layout();

    /** Checks that the insurer may send files at all (e.g. it is registered); throws InvalidValue if not. */
    void checkInsurer(String insurerNo);

    /** COPYs the rows (see {@link #STAGING_KEY_COLUMNS}) into this module's staging table; returns rows copied. */
    long stage(InputStream copyBinary);

    /**
     * Merges the staged rows of this import into the records, in one set-based pass, and reports
     * every row it refused to {@code rejections}, in line order.
     */
    MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, StagingSummary staged,
            Consumer<Rejection> rejections);
}
