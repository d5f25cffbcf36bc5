package jp.kaigo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates as Japanese users type them (8 digits, 和暦, 全角) and read them (和暦 with the 西暦 year, the age). */
class JapaneseDatesTests {

    @Test
    void readsEveryWayABirthDateIsTyped() {
        LocalDate birth = LocalDate.of(1937, 8, 7);
        Map<String, LocalDate> typed = Map.ofEntries(
                Map.entry("1937-08-07", birth), Map.entry("19370807", birth), Map.entry("1937/8/7", birth),
                Map.entry("1937年8月7日", birth), Map.entry("S12.8.7", birth), Map.entry("s12.8.7", birth),
                Map.entry("S120807", birth), Map.entry("昭和12年8月7日", birth), Map.entry("昭和１２年８月７日", birth),
                Map.entry("１９３７０８０７", birth), Map.entry("１９３７－０８－０７", birth), Map.entry(" 1937 - 08 - 07 ", birth),
                Map.entry("昭和12年(1937年)8月7日", birth), Map.entry("令和元年5月1日", LocalDate.of(2019, 5, 1)),
                Map.entry("R8.12.5", LocalDate.of(2026, 12, 5)), Map.entry("平成31年4月30日", LocalDate.of(2019, 4, 30)),
                Map.entry("大正15年12月24日", LocalDate.of(1926, 12, 24)), Map.entry("Ｈ１．１．８", LocalDate.of(1989, 1, 8)));
        typed.forEach((text, day) -> assertThat(JapaneseDates.parse(text)).as(text).contains(day));
    }

    @Test
    void refusesDaysThatDoNotExistOrLieOutsideTheirEra() {
        for (String text : new String[] {"1937-02-30", "19371301", "S12.13.1", "平成31年5月1日", "昭和64年1月8日",
            "平成1年1月7日", "令和0年1月1日", "X12.8.7", "1937-8", "", "abc", "1937080"}) {
            assertThat(JapaneseDates.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void showsTheEraWithTheWesternYearAndTheAge() {
        assertThat(JapaneseDates.format(LocalDate.of(2026, 12, 5))).isEqualTo("令和8年(2026年)12月5日");
        assertThat(JapaneseDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年(2019年)5月1日");
        assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年(1989年)1月7日");
        assertThat(JapaneseDates.birthDate(LocalDate.of(1937, 8, 7), LocalDate.of(2026, 12, 4)))
                .isEqualTo("昭和12年(1937年)8月7日(89歳)");
        assertThat(JapaneseDates.birthDate(LocalDate.of(1937, 12, 5), LocalDate.of(2026, 12, 4))).endsWith("(88歳)");
    }

    @Test
    void readsBackWhatItShowsForEveryDayOfACentury() {
        for (LocalDate d = LocalDate.of(1912, 7, 30); d.isBefore(LocalDate.of(2040, 1, 1)); d = d.plusDays(1)) {
            assertThat(JapaneseDates.parse(JapaneseDates.format(d))).as(d.toString()).contains(d);
        }
    }

    @Test
    void writesADayOfThisYearAsMonthAndDayAndOtherYearsWithTheirEra() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertThat(JapaneseDates.shortDay(LocalDate.of(2026, 12, 5), today)).isEqualTo("12月5日");
        assertThat(JapaneseDates.shortDay(LocalDate.of(2026, 1, 1), today)).isEqualTo("1月1日");
        assertThat(JapaneseDates.shortDay(LocalDate.of(2025, 12, 31), today)).isEqualTo("令和7年12月31日");
        assertThat(JapaneseDates.shortDay(LocalDate.of(2019, 5, 1), today)).isEqualTo("令和元年5月1日");
        assertThat(JapaneseDates.shortDay(LocalDate.of(2027, 3, 31), today)).isEqualTo("令和9年3月31日");
    }
}
