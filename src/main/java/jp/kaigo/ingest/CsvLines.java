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
            var records = parser.iterator();
            while (true) {
                long next = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    return lines;
                }
                lines.add(new Line(next, records.next().toList()));
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidValue("file", "ファイル", cause instanceof CharacterCodingException
                    ? "文字コードが正しくありません(" + charset.displayName() + " として読めない文字があります)"
                    : "CSVとして読み取れません(引用符の対応などを確認してください)");
        }
    }
}
