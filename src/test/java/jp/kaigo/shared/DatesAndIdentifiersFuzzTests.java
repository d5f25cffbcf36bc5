package jp.kaigo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Dates (西暦 and 和暦, half- and full-width) and identifiers, typed or sent, mutated from the corpus in
 * {@code src/test/resources/fuzz/dates} and {@code identifiers}: a date is read or not (never an exception), and
 * what is read is written back and read again to the same day; an identifier is taken or refused with
 * {@link InvalidValue} whose message never repeats the input.
 */
class DatesAndIdentifiersFuzzTests {
    private static final List<Function<String, Object>> IDENTIFIERS = List.of(InsuredNumber::new, InsurerNumber::new,
            OfficeNumber::new, MedicalInstitutionCode::new);

    @Test
    void everyMutatedDateIsReadOrNotAndWhatIsReadSurvivesItsOwnFormat() {
        List<byte[]> corpus = Fuzz.corpus("dates");
        Fuzz fuzz = Fuzz.seeded(21);
        for (int round = 0; round < Fuzz.rounds(20_000); round++) {
            String text = fuzz.mutantText(corpus);
            try {
                Optional<LocalDate> day = JapaneseDates.parse(text);
                if (day.isPresent()) {
                    assertThat(JapaneseDates.parse(JapaneseDates.format(day.get()))).as(describe(fuzz, round, text))
                            .contains(day.get());
                }
            } catch (RuntimeException e) {
                fail(describe(fuzz, round, text), e);
            }
        }
    }

    @Test
    void everyMutatedIdentifierIsTakenOrRefusedWithoutRepeatingIt() {
        List<byte[]> corpus = Fuzz.corpus("identifiers");
        Fuzz fuzz = Fuzz.seeded(22);
        for (int round = 0; round < Fuzz.rounds(20_000); round++) {
            String text = fuzz.mutantText(corpus);
            for (Function<String, Object> identifier : IDENTIFIERS) {
                try {
                    identifier.apply(text);
                } catch (InvalidValue e) {
                    String digits = text.replaceAll("[^0-9A-Z]", "");
                    for (Violation v : e.violations()) {
                        assertThat(v.message()).as(describe(fuzz, round, text)).isNotBlank();
                        if (digits.length() >= 4) {
                            assertThat(v.message()).as(describe(fuzz, round, text)).doesNotContain(digits);
                        }
                    }
                } catch (RuntimeException e) {
                    fail(describe(fuzz, round, text), e);
                }
            }
        }
    }

    private static String describe(Fuzz fuzz, int round, String text) {
        return fuzz.describe(round, text.getBytes(StandardCharsets.UTF_8));
    }
}
