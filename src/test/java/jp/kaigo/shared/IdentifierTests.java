package jp.kaigo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identifier rules, with the real numbers from shared/domain/formats-and-codes.md and seeded
 * property checks: every generated body gets a valid check digit, and every single-digit error is caught.
 */
class IdentifierTests {
    private static final int CASES = 5_000;

    @ParameterizedTest
    @ValueSource(strings = {"435073", "209007", "152264", "202184", "131011"})
    void acceptsRealInsurerNumbers(String value) {
        assertThat(new InsurerNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"435074", "131016", "12345", "1234567", "43507A", "485073", "005073", ""})
    void rejectsInvalidInsurerNumbers(String value) {
        assertThatThrownBy(() -> new InsurerNumber(value)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).violations()).allSatisfy(v -> {
                    assertThat(v.field()).isEqualTo("insurerNo");
                    assertThat(v.label()).isEqualTo("保険者番号");
                }));
    }

    @Test
    void insurerCheckDigitIsModulus10Weights21() {
        assertThat(InsurerNumber.withCheckDigit("43507").value()).isEqualTo("435073");
        assertThatThrownBy(() -> new InsurerNumber("435074")).hasMessageContaining("検証番号");
    }

    /**
     * 11A2232606: the letter example of formats-and-codes.md §1.3 states check digit 9, but 9 follows only
     * with weights starting at 1 on the right, which contradicts the two verified real numbers; with the
     * verified rule (weight 2 first) its check digit is 6.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1171201369", "1111200349", "11A2232606"})
    void acceptsRealAndLetterOfficeNumbers(String value) {
        assertThat(new OfficeNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0300000100", "90A0100040", "1171201368", "11I2232606", "11A2232609", "117120136", "11712013699",
            "4871201369", "11a2232609", "1A71201369"})
    void rejectsInvalidOfficeNumbers(String value) {
        assertThatThrownBy(() -> new OfficeNumber(value)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void officeLettersSkipIOQ() {
        assertThat(CheckDigits.valueOf('A')).isEqualTo(10);
        assertThat(CheckDigits.valueOf('H')).isEqualTo(17);
        assertThat(CheckDigits.valueOf('J')).isEqualTo(18);
        assertThat(CheckDigits.valueOf('N')).isEqualTo(22);
        assertThat(CheckDigits.valueOf('P')).isEqualTo(23);
        assertThat(CheckDigits.valueOf('R')).isEqualTo(24);
        assertThat(CheckDigits.valueOf('Z')).isEqualTo(32);
    }

    @Test
    void medicalInstitutionCodes() {
        String code = MedicalInstitutionCode.withCheckDigit("131012345").value();
        assertThat(new MedicalInstitutionCode(code).value()).isEqualTo(code);
        assertThatThrownBy(() -> new MedicalInstitutionCode("132012345" + code.charAt(9)))
                .hasMessageContaining("点数表区分");
        assertThatThrownBy(() -> new MedicalInstitutionCode("48101234" + "50")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new MedicalInstitutionCode(code.substring(0, 9) + ((code.charAt(9) - '0' + 1) % 10)))
                .hasMessageContaining("検証番号");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000001", "H123456789", "1234567890"})
    void acceptsInsuredNumbers(String value) {
        assertThat(new InsuredNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678901", "h123456789", "１２３４５６７８９０", "12345-6789", ""})
    void rejectsInsuredNumbers(String value) {
        assertThatThrownBy(() -> new InsuredNumber(value)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void errorsNeverRepeatTheValue() {
        for (String value : new String[] {"4350749", "98765X4321", "0300000100"}) {
            for (Runnable attempt : new Runnable[] {() -> new InsurerNumber(value), () -> new InsuredNumber(value),
                    () -> new OfficeNumber(value), () -> new MedicalInstitutionCode(value)}) {
                try {
                    attempt.run();
                } catch (InvalidValue e) {
                    assertThat(e.getMessage()).doesNotContain(value);
                }
            }
        }
    }

    @Test
    void everyGeneratedInsurerNumberIsValidAndEverySingleDigitErrorIsCaught() {
        Random random = new Random(42);
        for (int n = 0; n < CASES; n++) {
            String body = String.format("%02d%03d", 1 + random.nextInt(47), random.nextInt(1000));
            String valid = InsurerNumber.withCheckDigit(body).value();
            assertThat(new InsurerNumber(valid).prefecture()).isBetween(1, 47);
            int position = random.nextInt(6);
            char wrong = (char) ('0' + (valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
            String broken = valid.substring(0, position) + wrong + valid.substring(position + 1);
            if (position >= 2) {
                assertThatThrownBy(() -> new InsurerNumber(broken)).isInstanceOf(InvalidValue.class);
            }
        }
    }

    @Test
    void everyGeneratedOfficeNumberIsValidAndEverySingleDigitErrorIsCaught() {
        Random random = new Random(7);
        String categories = "0789ABCDEFGHJKLMNPRSTUVWXYZ";
        for (int n = 0; n < CASES; n++) {
            String body = String.format("%02d", 1 + random.nextInt(47))
                    + categories.charAt(random.nextInt(categories.length()))
                    + String.format("%06d", random.nextInt(1_000_000));
            String valid = OfficeNumber.withCheckDigit(body).value();
            assertThat(new OfficeNumber(valid).value()).isEqualTo(valid);
            int[] digitPositions = {3, 4, 5, 6, 7, 8, 9};
            int position = digitPositions[random.nextInt(digitPositions.length)];
            char wrong = (char) ('0' + (valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
            String broken = valid.substring(0, position) + wrong + valid.substring(position + 1);
            assertThatThrownBy(() -> new OfficeNumber(broken)).isInstanceOf(InvalidValue.class);
        }
    }
}
