package jp.kaigo.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import jp.kaigo.shared.InvalidValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A whole small CSV file (RFC 4180 quoting, cells may span lines) read strictly in one character set,
 * each record with the line it starts on. For the position-based formats of other systems (ケアプラン
 * データ連携, LIFE); municipality files stream through {@link FileImports} instead.
 */
public final class CsvLines {

    /** One record: the line of the file it starts on, and its cells. */
    public record Line(long number, List<String> cells) {
    }

    private CsvLines() {
    }

    /** Reads every record; a byte that is not of {@code charset}, or broken quoting, refuses the file. */
    public static List<Line> read(InputStream in, Charset charset) {
        var decoder = Charsets.strictDecoder(charset);
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder))
                .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()).get()) {
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                // the parser counts lines up to the record's last one; empty lines skipped before it are in the count
                List<String> cells = record.toList();
                lines.add(new Line(parser.getCurrentLineNumber() - lineBreaks(cells), cells));
            }
            return lines;
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidValue("file", "ファイル", cause instanceof CharacterCodingException
                    ? "文字コードが正しくありません(" + charset.displayName() + " として読めない文字があります)"
                    : "CSVとして読み取れません(引用符の対応などを確認してください)");
        }
    }

    /** Line breaks inside quoted cells, counted as the parser counts lines (CR LF once, a lone CR or LF once). */
    private static int lineBreaks(List<String> cells) {
        int breaks = 0;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return breaks;
    }
}
