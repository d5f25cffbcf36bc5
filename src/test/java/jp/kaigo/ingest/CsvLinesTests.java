package jp.kaigo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line a record starts on, as a person counts lines in an editor: empty lines and quoted line breaks count. */
class CsvLinesTests {

    private static List<CsvLines.Line> read(String text) {
        return CsvLines.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void recordsAfterEmptyLinesAndQuotedLineBreaksKeepTheirLineNumbers() {
        List<CsvLines.Line> lines = read("h\nr2\n\n\"a\nb\",c\nr6\n\n\n\"x\r\ny\r\nz\"\r\nr12\r\n\"p\rq\"\nr15");
        assertThat(lines).extracting(CsvLines.Line::number).containsExactly(1L, 2L, 4L, 6L, 9L, 12L, 13L, 15L);
        assertThat(lines.get(2).cells()).containsExactly("a\nb", "c");
    }
}
