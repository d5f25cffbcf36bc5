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
     * Leading columns of the rows handed to {@link #stage} (PostgreSQL COPY text format, tab-separated);
     * then one column per field of {@link RecordLayout#fields()} in layout order, then {@code problems}:
     * a JSON array of {field,label,reason} for a row rejected while parsing (its fields are then null).
     */
    String STAGING_KEY_COLUMNS = "import_id, line_no, operation, insurer_no, insured_no, history_no, valid_from, valid_to";

    RecordLayout layout();

    /** Checks that the insurer may send files at all (e.g. it is registered); throws InvalidValue if not. */
    void checkInsurer(String insurerNo);

    /** COPYs the rows (see {@link #STAGING_KEY_COLUMNS}) into this module's staging table; returns rows copied. */
    long stage(InputStream copyText);

    /**
     * Merges the staged rows of this import into the records, in one set-based pass, and reports
     * every row it refused to {@code rejections}. {@code keysAscending}: the accepted rows arrived in
     * ascending (被保険者番号, 履歴番号) order, so duplicates within the file were already refused while
     * staging and need not be searched for.
     */
    MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, boolean keysAscending,
            Consumer<Rejection> rejections);
}
