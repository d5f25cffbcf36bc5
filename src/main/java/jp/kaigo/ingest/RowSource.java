package jp.kaigo.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;

/** Reads data rows from a file, one at a time. */
interface RowSource extends AutoCloseable {

    /** The next row, or null at the end of the file. */
    SourceRow next();

    @Override
    void close();

    static RowSource open(FileFormat format, InputStream in, Charset charset, RecordLayout layout) {
        return switch (format) {
            case CSV -> new CsvRowSource(in, charset, layout);
            case JSON -> new JsonRowSource(in, charset, layout);
        };
    }
}
