package jp.kaigo.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.shared.Violation;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jp.kaigo.shared.InvalidValue;

/** Factory of the field kinds used by record layouts. */
public final class Fields {
    private static final Pattern KANA = Pattern.compile("[\\u30A1-\\u30FA\\u30FC\\u30FB\\u3000 \\uFF66-\\uFF9F]+");

    private Fields() {
    }

    public static FieldSpec text(String key, String label, int maxLength) {
        return new FieldSpec(key, label, false, maxLength + "文字以内", Map.of(), s -> {
            if (s.codePointCount(0, s.length()) > maxLength) {
                throw new InvalidValue(key, label, maxLength + "文字以内で指定してください");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20) {
                    throw new InvalidValue(key, label, "制御文字は使用できません");
                }
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(++i)))) {
                    throw new InvalidValue(key, label, "文字として正しくない符号(対になっていないサロゲート)が含まれています");
                }
            }
            return s;
        });
    }

    public static FieldSpec kana(String key, String label, int maxLength) {
        return new FieldSpec(key, label, false, "カタカナ" + maxLength + "文字以内", Map.of(), s -> {
            if (s.length() > maxLength) {
                throw new InvalidValue(key, label, maxLength + "文字以内で指定してください");
            }
            if (!KANA.matcher(s).matches()) {
                throw new InvalidValue(key, label, "カタカナで指定してください");
            }
            return s;
        });
    }

    public static FieldSpec date(String key, String label) {
        return new FieldSpec(key, label, false, "日付 YYYY-MM-DD または YYYYMMDD", Map.of(), s -> {
            LocalDate date = parseDate(s);
            if (date == null) {
                throw new InvalidValue(key, label, "日付の形式(YYYY-MM-DD または YYYYMMDD)ではないか、存在しない日付です");
            }
            return date;
        });
    }

    /** A month (YYYY-MM or YYYYMM), kept as its first day. */
    public static FieldSpec month(String key, String label) {
        return new FieldSpec(key, label, false, "年月 YYYY-MM または YYYYMM(月の初日として保存)", Map.of(), s -> {
            String text = s.length() == 7 && s.charAt(4) == '-' ? s.substring(0, 4) + s.substring(5) : s;
            LocalDate day = text.length() == 6 ? parseDate(text + "01") : null;
            if (day == null) {
                throw new InvalidValue(key, label, "年月の形式(YYYY-MM または YYYYMM)ではありません");
            }
            return day;
        });
    }

    /**
     * YYYY-MM-DD or YYYYMMDD, or null when the text is neither or names no real day. Hand-parsed:
     * this runs for every date of every row of a million-row file.
     */
    public static LocalDate parseDate(String s) {
        boolean iso = s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
        if (!iso && s.length() != 8) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, iso ? 5 : 4, 2);
        int day = digits(s, iso ? 8 : 6, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static FieldSpec integer(String key, String label, int min, int max) {
        return new FieldSpec(key, label, false, "整数 " + min + "〜" + max, Map.of(), s -> {
            int value;
            try {
                value = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new InvalidValue(key, label, "半角数字の整数で指定してください");
            }
            if (value < min || value > max) {
                throw new InvalidValue(key, label, min + "〜" + max + "の範囲で指定してください");
            }
            return value;
        });
    }

    /** A coded value; {@code codes} maps each allowed code to its meaning. */
    public static FieldSpec code(String key, String label, Map<String, String> codes) {
        String allowed = String.join("・", codes.keySet().stream().sorted().toList());
        return new FieldSpec(key, label, false, "コード " + allowed, Map.copyOf(codes), s -> {
            if (!codes.containsKey(s)) {
                throw new InvalidValue(key, label, "コードが正しくありません(" + allowed + ")");
            }
            return s;
        });
    }

    /** A string validated by a domain primitive's constructor (e.g. {@code InsurerNumber::new}). */
    public static FieldSpec checked(String key, String label, String rule, Consumer<String> validator) {
        return new FieldSpec(key, label, false, rule, Map.of(), s -> {
            validator.accept(s);
            return s;
        });
    }

    /** A telephone number as forms write it: digits and hyphens, at most 15 characters. */
    public static FieldSpec phone(String key, String label) {
        return checked(key, label, "半角数字と-の15文字以内", s -> {
            if (!PHONE.matcher(s).matches()) {
                throw new IllegalArgumentException("not a phone number");
            }
        });
    }

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9-]{1,15}");

    /** Codes and their meanings, in the order given: {@code codes("1", "男", "2", "女")}. */
    public static Map<String, String> codes(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A row rule: the {@code later} date is not before the {@code earlier} one (when both are given). */
    public static RowRule notBefore(String later, String laterLabel, String earlier, String earlierLabel) {
        return v -> v.get(later) instanceof LocalDate l && v.get(earlier) instanceof LocalDate e && l.isBefore(e)
                ? Optional.of(new Violation(later, laterLabel, earlierLabel + "より前の日付です"))
                : Optional.empty();
    }
}
