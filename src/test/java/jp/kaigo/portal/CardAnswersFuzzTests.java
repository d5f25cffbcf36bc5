package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Fuzz;
import jp.kaigo.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/**
 * A card's answer pasted into the portal (the card-reader app's JSON), mutated from the corpus in
 * {@code src/test/resources/fuzz/card-answers}: it is read, or refused with {@link InvalidValue} naming the field;
 * never another exception, and the refusal never repeats what was pasted.
 */
class CardAnswersFuzzTests {

    @Test
    void everyMutatedAnswerIsReadOrRefusedByField() {
        List<byte[]> corpus = Fuzz.corpus("card-answers");
        Fuzz fuzz = Fuzz.seeded(51);
        for (int round = 0; round < Fuzz.rounds(5_000); round++) {
            String pasted = fuzz.mutantText(corpus);
            for (boolean signed : List.of(false, true)) {
                Inputs in = new Inputs();
                try {
                    if (signed) {
                        CardAnswers.parseSigned(in, "00000000-0000-0000-0000-000000000000", pasted);
                    } else {
                        CardAnswers.parse(in, "00000000-0000-0000-0000-000000000000", pasted);
                    }
                    in.check();
                } catch (InvalidValue e) {
                    e.violations().forEach(v -> assertThat(v.message()).as(pasted).isNotBlank()
                            .doesNotContain("MIIB", "MEUC", "MEQC"));
                } catch (RuntimeException e) {
                    fail(fuzz.describe(round, pasted.getBytes(java.nio.charset.StandardCharsets.UTF_8)), e);
                }
            }
        }
    }
}
