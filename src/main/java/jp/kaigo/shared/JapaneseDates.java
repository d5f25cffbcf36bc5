package jp.kaigo.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Japanese users type and read them, one parser and one formatter for the portal and the API: typed
 * dates may be 西暦 (2026-12-05, 2026/12/5, 20261205, 2026年12月5日) or 和暦 (令和8年12月5日, 令和元年5月1日, R8.12.5,
 * S12.8.7, S120807), with 全角 digits and separators as an IME leaves them; shown dates read as the paper
 * does, 和暦 with the 西暦 year beside it (令和8年(2026年)12月5日), and an age where it is a birth date.
 */
public final class JapaneseDates {
    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(Map.entry("明治", JapaneseEra.MEIJI),
            Map.entry("大正", JapaneseEra.TAISHO), Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("平成", JapaneseEra.HEISEI),
            Map.entry("令和", JapaneseEra.REIWA), Map.entry("M", JapaneseEra.MEIJI), Map.entry("T", JapaneseEra.TAISHO),
            Map.entry("S", JapaneseEra.SHOWA), Map.entry("H", JapaneseEra.HEISEI), Map.entry("R", JapaneseEra.REIWA));
    private static final Map<JapaneseEra, String> NAMES = Map.of(JapaneseEra.MEIJI, "明治", JapaneseEra.TAISHO, "大正",
            JapaneseEra.SHOWA, "昭和", JapaneseEra.HEISEI, "平成", JapaneseEra.REIWA, "令和");
    private static final Pattern SEIREKI = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern WAREKI = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[MTSHR])(元|\\d{1,3})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern WAREKI_COMPACT = Pattern.compile("([MTSHR])(\\d{2})(\\d{2})(\\d{2})");

    private JapaneseDates() {
    }

    /**
     * The day the text names, or empty when it names none (wrong form, no such day in that era, or a year outside
     * 1873–2999: the Gregorian calendar's first year in Japan, and a bound that catches a mistyped year such as 6026,
     * which {@link #format} could not write back as 和暦 the way this reads it).
     */
    public static Optional<LocalDate> parse(String text) {
        return read(text).filter(day -> day.getYear() >= 1873 && day.getYear() <= 2999);
    }

    private static Optional<LocalDate> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // 全角 digits, letters and punctuation as typed with the IME on; spaces inside are ignored
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase()
                .replace('ー', '-').replace('−', '-')
                .replaceAll("^(明治|大正|昭和|平成|令和)(元|\\d{1,3})年\\(\\d{4}年\\)", "$1$2年"); // as format() writes it
        try {
            Matcher m;
            if ((m = SEIREKI.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if ((m = WAREKI.matcher(s)).matches() || (m = WAREKI_COMPACT.matcher(s)).matches()) {
                JapaneseEra era = ERAS.get(m.group(1));
                int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
                return Optional.of(LocalDate.from(JapaneseDate.of(era, year, Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** 令和8年(2026年)12月5日: the era and year as the paper writes them, the 西暦 year beside. */
    public static String format(LocalDate date) {
        if (date.isBefore(LocalDate.of(1873, 1, 1))) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return NAMES.get(jd.getEra()) + (year == 1 ? "元" : String.valueOf(year)) + "年(" + date.getYear() + "年)"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * A day in a list, short as people write it: 12月5日 in the current year, 令和7年12月5日 in another (the era kept
     * where the year would otherwise be ambiguous).
     */
    /** A month as the paper writes it: 令和8年(2026年)10月. */
    public static String formatMonth(java.time.YearMonth month) {
        String day = format(month.atDay(1));
        return day.substring(0, day.length() - "1日".length());
    }

    public static String shortDay(LocalDate date, LocalDate today) {
        if (date.getYear() == today.getYear()) {
            return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        if (date.isBefore(LocalDate.of(1873, 1, 1))) {
            return format(date);
        }
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return NAMES.get(jd.getEra()) + (year == 1 ? "元" : String.valueOf(year)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }

    /**
     * A 年度 (April to March) named as offices write it, by the era of its first day: 2026 → 令和8年度, 2019 → 平成31年度
     * (the 年度 began before 令和).
     */
    public static String fiscalYear(int startYear) {
        JapaneseDate jd = JapaneseDate.from(LocalDate.of(startYear, 4, 1));
        int year = jd.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return NAMES.get(jd.getEra()) + (year == 1 ? "元" : String.valueOf(year)) + "年度";
    }

    /** A birth date as read with the age on the day: 昭和12年(1937年)8月7日(89歳). */
    public static String birthDate(LocalDate birth, LocalDate today) {
        return format(birth) + "(" + Period.between(birth, today).getYears() + "歳)";
    }
}
