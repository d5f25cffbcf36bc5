package jp.kaigo.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Set;

/** Reads data rows from a file, one at a time. */
interface RowSource extends AutoCloseable {

    /** The next row, or null at the end of the file. */
    SourceRow next();

    @Override
    void close();

    /** The file's rows; {@code omitted}: the keys of the columns it says it leaves out (every other one must be there). */
    static RowSource open(FileFormat format, InputStream in, Charset charset, RecordLayout layout, Set<String> omitted) {
        return switch (format) {
            case CSV -> new CsvRowSource(in, charset, layout, omitted);
            case JSON -> new JsonRowSource(in, charset, layout, omitted);
        };
    }
}
