package jp.kaigo.ingest;

/** Who sends which record type, how; {@code charset} null means "detect". */
public record ImportRequest(String insurerNo, String recordType, ImportMode mode, FileFormat format,
        String charset, String fileName) {
}
