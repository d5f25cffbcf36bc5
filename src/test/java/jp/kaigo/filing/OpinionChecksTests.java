package jp.kaigo.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * The checks of a 主治医意見書 beyond its layout (design §5.2 header: 医療機関コード "must equal the sender (mTLS
 * certificate)"; 記入日 "≥ the request's sent date, ≤ today"), as a table written from the design: the request sent
 * on 2026-12-01, today 2026-12-06. A value the layout refuses on its own (not 10 digits, not a date, absent) gets no
 * second reason here.
 */
class OpinionChecksTests {
    private static final String SENDER = MedicalInstitutionCode.withCheckDigit("471400001").value();
    private static final String OTHER = MedicalInstitutionCode.withCheckDigit("131012345").value();
    private static final LocalDate SENT_ON = LocalDate.of(2026, 12, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /**
     * # | institutionCode | writtenOn | fields refused | source. "sender"/"other" name the codes, "-" absent, "_x_" the
     * value x with a space before and after.
     */
    private static final String TABLE = """
            O1  | sender       | 2026-12-01 | -                         | §5.2 記入日 ≥ the request's sent date (the day itself)
            O2  | sender       | 2026-11-30 | writtenOn                 | §5.2 記入日 ≥ the request's sent date
            O3  | sender       | 2026-12-06 | -                         | §5.2 記入日 ≤ today (today itself)
            O4  | sender       | 2026-12-07 | writtenOn                 | §5.2 記入日 ≤ today
            O5  | sender       | 20261130   | writtenOn                 | the layout's YYYYMMDD form is read the same
            O6  | other        | 2026-12-03 | institutionCode           | §5.2 医療機関コード must equal the sender
            O7  | other        | 2026-12-07 | institutionCode,writtenOn | both at once
            O8  | 12345        | 2026-12-03 | -                         | not 10 digits: the layout's own reason
            O9  | sender       | 2026-02-30 | -                         | not a date: the layout's own reason
            O10 | -            | -          | -                         | absent: the layout's 必須
            O11 | _sender_     | _2026-12-03_ | -                       | surrounding spaces (_x_), as the layout strips them
            O12 | _other_      | _2026-11-30_ | institutionCode,writtenOn | surrounding spaces (_x_), as the layout strips them
            """;

    @Test
    void eachRowOfTheTable() {
        for (String line : TABLE.strip().lines().toList()) {
            String[] c = line.split("\\|", -1);
            Map<String, String> payload = new HashMap<>();
            put(payload, "institutionCode", value(c[1].strip()));
            put(payload, "writtenOn", value(c[2].strip()));
            List<String> expected = c[3].strip().equals("-") ? List.of() : List.of(c[3].strip().split(","));
            assertThat(fields(OpinionChecks.check(payload, SENDER, SENT_ON, TODAY))).as(line).isEqualTo(expected);
        }
    }

    @Test
    void withoutTheRequestOnlyTodayBounds() {
        assertThat(fields(OpinionChecks.check(Map.of("writtenOn", "2020-01-01"), SENDER, null, TODAY))).isEmpty();
        assertThat(fields(OpinionChecks.check(Map.of("writtenOn", "2026-12-07"), SENDER, null, TODAY)))
                .containsExactly("writtenOn");
    }

    @Test
    void reasonsAreJapaneseAndNameNoValue() {
        List<Violation> violations = OpinionChecks.check(Map.of("institutionCode", OTHER, "writtenOn", "2026-11-30"),
                SENDER, SENT_ON, TODAY);
        assertThat(violations).extracting(Violation::reason).containsExactly(
                "送信する医療機関の医療機関コードと一致しません", "意見書作成依頼の日(2026-12-01)より前の日付は指定できません");
        assertThat(violations.toString()).doesNotContain(OTHER).doesNotContain(SENDER);
    }

    @Test
    void anyMapNeverThrows() {
        Random random = new Random(16);
        String[] values = {null, "", " ", "2026-12-0", "99999999", "2026-13-01", "+2026-12-01", "１２３４５６７８９０",
            SENDER, OTHER, "2026-12-03", "20261203", "x".repeat(300)};
        for (int i = 0; i < 2000; i++) {
            Map<String, String> payload = new HashMap<>();
            payload.put("institutionCode", values[random.nextInt(values.length)]);
            payload.put("writtenOn", values[random.nextInt(values.length)]);
            assertThatCode(() -> OpinionChecks.check(payload, SENDER, random.nextBoolean() ? SENT_ON : null, TODAY))
                    .doesNotThrowAnyException();
        }
        assertThat(OpinionChecks.check(null, SENDER, SENT_ON, TODAY)).isEmpty();
    }

    private static String value(String cell) {
        if (cell.length() > 2 && cell.startsWith("_") && cell.endsWith("_")) {
            return " " + value(cell.substring(1, cell.length() - 1)) + " ";
        }
        return switch (cell) {
            case "sender" -> SENDER;
            case "other" -> OTHER;
            case "-" -> null;
            default -> cell;
        };
    }

    private static void put(Map<String, String> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }
}
