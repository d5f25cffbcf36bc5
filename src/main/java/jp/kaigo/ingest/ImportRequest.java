package jp.kaigo.ingest;

import java.util.List;

/**
 * Who sends which record type, how; {@code charset} null means "detect". {@code omitted} names (by key or label)
 * the layout's optional columns the file leaves out on purpose: their stored values are kept. Without it, a file
 * lacking a column of the layout is refused, since a missing column would otherwise blank that field for everyone.
 */
public record ImportRequest(String insurerNo, String recordType, ImportMode mode, FileFormat format,
        String charset, String fileName, List<String> omitted) {

    public ImportRequest {
        omitted = omitted == null ? List.of() : List.copyOf(omitted);
    }

    public ImportRequest(String insurerNo, String recordType, ImportMode mode, FileFormat format, String charset,
            String fileName) {
        this(insurerNo, recordType, mode, format, charset, fileName, List.of());
    }

    /** The column names of an {@code omit} parameter or form field: comma-separated (、 and spaces also part them). */
    public static List<String> omittedColumns(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,、，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
