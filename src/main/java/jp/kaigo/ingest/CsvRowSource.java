package jp.kaigo.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import jp.kaigo.shared.Violation;

/**
 * CSV with a header row (RFC 4180 quoting). Header cells are field keys or Japanese labels, in any
 * order; an unknown or repeated header, a missing required column, or any other missing column the request
 * does not say it omits, rejects the whole file; so does a column it says it omits.
 */
final class CsvRowSource implements RowSource {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] columnOf;
    private final int width;

    CsvRowSource(InputStream in, Charset charset, RecordLayout layout, Set<String> omitted) {
        Reader reader = new InputStreamReader(in, Charsets.strictDecoder(charset));
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            this.records = parser.iterator();
            if (!hasNext()) {
                throw new FileRejected(1, "header", "見出し行", "見出し行がありません");
            }
            CSVRecord header = records.next();
            List<FieldSpec> fields = layout.allFields();
            this.columnOf = new int[fields.size()];
            Arrays.fill(columnOf, -1);
            this.width = header.size();
            Set<String> seen = new HashSet<>();
            for (int col = 0; col < header.size(); col++) {
                String name = header.get(col).strip();
                if (col == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                int columnNo = col + 1;
                FieldSpec field = layout.field(name).orElseThrow(() -> new FileRejected(1, "header", "見出し行",
                        columnNo + "列目の見出しは、この種別の項目ではありません"));
                if (!seen.add(field.key())) {
                    throw new FileRejected(1, field.key(), field.label(), "見出しが重複しています");
                }
                if (omitted.contains(field.key())) {
                    throw new FileRejected(1, field.key(), field.label(), "省略すると指定した列がファイルにあります");
                }
                columnOf[fields.indexOf(field)] = col;
            }
            for (int i = 0; i < fields.size(); i++) {
                FieldSpec f = fields.get(i);
                if (f.required() && columnOf[i] < 0) {
                    throw new FileRejected(1, f.key(), f.label(), "必須項目の列がありません");
                }
            }
            List<FieldSpec> missing = layout.expectedColumns(omitted).stream()
                    .filter(f -> columnOf[fields.indexOf(f)] < 0).toList();
            if (!missing.isEmpty()) {
                throw new FileRejected(1, "header", "見出し行", RecordLayout.missingColumns(missing));
            }
        } catch (IOException e) {
            throw unreadable(e, 1);
        }
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        long line = parser.getCurrentLineNumber();
        String[] values = new String[columnOf.length];
        for (int i = 0; i < columnOf.length; i++) {
            int col = columnOf[i];
            if (col >= 0 && col < record.size()) {
                values[i] = record.get(col);
            }
        }
        if (record.size() != width) {
            return new SourceRow(line, values, List.of(new Violation("row", "行",
                    "列の数(" + record.size() + ")が見出し行(" + width + ")と一致しません")));
        }
        return new SourceRow(line, values, List.of());
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), parser.getCurrentLineNumber() + 1);
        } catch (IllegalStateException e) {
            throw new FileRejected(parser.getCurrentLineNumber() + 1, "file", "ファイル",
                    "CSVの形式が正しくありません(引用符の対応など)");
        }
    }

    private static FileRejected unreadable(IOException e, long line) {
        if (e instanceof CharacterCodingException) {
            return new FileRejected(line, "charset", "文字コード",
                    "指定(または判定)した文字コードで読めない文字があります");
        }
        if (e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")) {
            return new FileRejected(line, "file", "ファイル", "引用符が閉じられていません");
        }
        return new FileRejected(line, "file", "ファイル", "CSVの形式が正しくありません");
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
