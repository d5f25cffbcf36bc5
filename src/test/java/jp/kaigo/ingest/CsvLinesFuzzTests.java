package jp.kaigo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.kaigo.shared.Fuzz;
import jp.kaigo.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader under the care-plan (ケアプランデータ連携) and LIFE files, fed mutants of both corpora in
 * Shift_JIS and UTF-8: every file is read into lines numbered from 1, or refused as a whole with {@link InvalidValue}
 * (broken quoting, a byte not of the charset); never another exception.
 */
class CsvLinesFuzzTests {

    @Test
    void everyMutatedCarePlanOrLifeFileIsReadOrRefusedAsAWhole() {
        List<byte[]> corpus = new java.util.ArrayList<>(Fuzz.corpus("care-plan"));
        corpus.addAll(Fuzz.corpus("life"));
        Fuzz fuzz = Fuzz.seeded(31);
        for (int round = 0; round < Fuzz.rounds(5_000); round++) {
            byte[] input = fuzz.mutant(corpus);
            Charset charset = fuzz.random().nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("windows-31j");
            try {
                List<CsvLines.Line> lines = CsvLines.read(new ByteArrayInputStream(input), charset);
                for (CsvLines.Line l : lines) {
                    assertThat(l.number()).as(fuzz.describe(round, input)).isPositive();
                }
            } catch (InvalidValue e) {
                assertThat(e.violations().get(0).field()).isEqualTo("file");
            } catch (RuntimeException e) {
                fail(charset + " " + fuzz.describe(round, input), e);
            }
        }
    }
}
