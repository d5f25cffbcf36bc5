package jp.kaigo.certification;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the free texts of one case before they enter the 審査会資料 (design §6.3): NFKC-normalises the text, then
 * replaces with {@value #MASK} every occurrence of the case's {@link MaskingFacts} and of what identifies anyone:
 * <ul>
 * <li>the person's family and given name, alone and together (a space, a full-width space or none between), in
 * kanji and in kana; kana match in katakana and hiragana alike, half-width kana through NFKC; a few common variant
 * kanji of names match each other (髙/高, 﨑/崎, 邊/邉/辺 …: {@link #VARIANTS}, a decision);</li>
 * <li>the other names of the case (contact, applicant, doctor, surveyor), whole and each space-separated part;</li>
 * <li>the address: the whole, the part after the 市区町村, the 町名, the building, and the 番地 numbers in any of
 * the usual forms (1-2-3, 1丁目2番3号, 一丁目二番三号, 1の2) — see {@link #addressRules};</li>
 * <li>the given phone numbers with any separators, any occurrence of the insured number (also inside a longer
 * run of digits: a leak all the same), phone-like numbers {@code 0\d{1,4}-?\d{1,4}-?\d{3,4}} and postcodes
 * {@code \d{3}-?\d{4}} (a dash may be any dash a Japanese IME produces, the 〒 stays);</li>
 * <li>the date of birth written in 西暦 (1938-04-05, 1938/4/5, 1938.4.5, 19380405, 1938年4月5日) or 和暦 (昭和13年4月5日,
 * 昭13.4.5, S13.4.5, S130405, 元年, kanji numerals); other dates stay, they are the case's clinical history.</li>
 * </ul>
 * Overlapping and touching matches become one {@value #MASK}. Matching runs again on its own result until nothing
 * more is found, so masking a masked text changes nothing. Masking can never be complete (design §9.4 row 1): the
 * clerk reviews every case with the spans highlighted before publishing.
 *
 * <p>Normalisation is NFKC except for the mask character itself ({@code ＊}, which NFKC would turn into {@code *}):
 * it is kept, so that a masked text is its own normal form.
 */
final class PacketMasker {
    static final String MASK = "＊＊＊";
    private static final char MASK_CHAR = '＊';

    /** What a masked span hid, as the review screen labels it. */
    enum Hidden {
        NAME("氏名"), ADDRESS("住所"), PHONE("電話番号"), INSURED_NUMBER("被保険者番号"), POSTCODE("郵便番号"),
        BIRTH_DATE("生年月日");

        final String label;

        Hidden(String label) {
            this.label = label;
        }
    }

    /**
     * One replacement. {@code start}/{@code end}: the characters hidden, in {@link Masked#normalised()} (the text
     * the clerk sees as the original); {@code maskedStart}/{@code maskedEnd}: the {@value #MASK} that replaced them,
     * in {@link Masked#text()}. End indexes are exclusive.
     */
    record Span(int start, int end, int maskedStart, int maskedEnd, Hidden hidden) {
    }

    /** The masked text, the normalised input it was made from, and its replacements in order. */
    record Masked(String text, String normalised, List<Span> spans) {
    }

    /** A pattern over the folded text, what it hides, and which of its matches count. */
    private record Rule(Pattern pattern, Hidden hidden, Predicate<MatchResult> accepts, boolean folded) {
        Rule(Pattern pattern, Hidden hidden) {
            this(pattern, hidden, m -> true, true);
        }
    }

    /** Dashes as typed between digits: ASCII, the Unicode dashes, minus, and the katakana prolonged sound mark. */
    private static final String DASH = "[-‐‑‒–—―−ー]";
    private static final String KANJI_DIGITS = "〇一二三四五六七八九十";
    private static final String NUMBER = "(?:[0-9]{1,2}|[" + KANJI_DIGITS + "]{1,3})";
    private static final Pattern PHONE_LIKE =
            Pattern.compile("(?<![0-9])\\(?0[0-9]{1,4}(?:" + DASH + "|\\))?[0-9]{1,4}" + DASH + "?[0-9]{3,4}(?![0-9])");
    private static final Pattern POSTCODE = Pattern.compile("(?<![0-9])[0-9]{3}" + DASH + "?[0-9]{4}(?![0-9])");
    private static final String DATE_SEPARATOR = "\\s*(?:年|月|[./]|" + DASH + ")\\s*";
    private static final Pattern SEIREKI = Pattern.compile("(?<![0-9])([0-9]{4})" + DATE_SEPARATOR + "(" + NUMBER + ")"
            + DATE_SEPARATOR + "(" + NUMBER + ")(?![0-9" + KANJI_DIGITS + "])(?:\\s*日)?");
    private static final Pattern SEIREKI_COMPACT = Pattern.compile("(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})(?![0-9])");
    private static final Pattern WAREKI = Pattern.compile("(?<![A-Za-z])(明治|大正|昭和|平成|令和|[明大昭平令MTSHRmtshr])\\.?\\s*"
            + "(元|" + NUMBER + ")" + DATE_SEPARATOR + "(" + NUMBER + ")" + DATE_SEPARATOR + "(" + NUMBER + ")(?![0-9"
            + KANJI_DIGITS + "])(?:\\s*日)?");
    private static final Pattern WAREKI_COMPACT =
            Pattern.compile("(?<![A-Za-z])([MTSHRmtshr])([0-9]{2})([0-9]{2})([0-9]{2})(?![0-9])");
    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(Map.entry("明治", JapaneseEra.MEIJI),
            Map.entry("明", JapaneseEra.MEIJI), Map.entry("M", JapaneseEra.MEIJI), Map.entry("大正", JapaneseEra.TAISHO),
            Map.entry("大", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO), Map.entry("昭和", JapaneseEra.SHOWA),
            Map.entry("昭", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA), Map.entry("平成", JapaneseEra.HEISEI),
            Map.entry("平", JapaneseEra.HEISEI), Map.entry("H", JapaneseEra.HEISEI), Map.entry("令和", JapaneseEra.REIWA),
            Map.entry("令", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA));

    /**
     * Variant kanji of names that people write for one another (decision: a short list of the common ones, not a
     * statute; each pair maps one BMP character to one, so positions stay the same).
     */
    private static final Map<Character, Character> VARIANTS = variants("髙高﨑崎嵜崎邊辺邉辺齋斎齊斉濱浜濵浜澤沢嶋島嶌島廣広國国櫻桜德徳惠恵眞真瀨瀬");

    private static Map<Character, Character> variants(String pairs) {
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length(); i += 2) {
            map.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
        return Map.copyOf(map);
    }

    private final List<Rule> rules;

    private PacketMasker(List<Rule> rules) {
        this.rules = rules;
    }

    /** A masker for the texts of one case. */
    static PacketMasker of(MaskingFacts facts) {
        List<Rule> rules = new ArrayList<>();
        nameRules(facts.person(), rules);
        for (String name : facts.otherNames()) {
            String n = fold(normalise(name)).strip();
            add(rules, n, Hidden.NAME);
            for (String part : n.split("\\s+")) {
                add(rules, part, Hidden.NAME);
            }
        }
        addressRules(fold(normalise(facts.address())), rules);
        for (String phone : facts.phones()) {
            String digits = normalise(phone).replaceAll("[^0-9]", "");
            if (digits.length() >= 6) {
                rules.add(new Rule(Pattern.compile(String.join("(?:" + DASH + "|[\\s()]){0,2}", digits.split(""))),
                        Hidden.PHONE));
            }
        }
        String insured = normalise(facts.insuredNumber()).strip();
        if (!insured.isEmpty()) {
            rules.add(new Rule(Pattern.compile(Pattern.quote(insured), Pattern.CASE_INSENSITIVE), Hidden.INSURED_NUMBER));
        }
        rules.add(new Rule(PHONE_LIKE, Hidden.PHONE));
        rules.add(new Rule(POSTCODE, Hidden.POSTCODE));
        LocalDate birth = facts.birthDate();
        if (birth != null) {
            rules.add(new Rule(SEIREKI, Hidden.BIRTH_DATE, m -> birth.equals(day(null, m.group(1), m.group(2), m.group(3))), true));
            rules.add(new Rule(SEIREKI_COMPACT, Hidden.BIRTH_DATE, m -> birth.equals(day(null, m.group(1), m.group(2), m.group(3))), true));
            rules.add(new Rule(WAREKI, Hidden.BIRTH_DATE, m -> birth.equals(day(m.group(1), m.group(2), m.group(3), m.group(4))), true));
            rules.add(new Rule(WAREKI_COMPACT, Hidden.BIRTH_DATE, m -> birth.equals(day(m.group(1), m.group(2), m.group(3), m.group(4))), true));
        }
        return new PacketMasker(List.copyOf(rules));
    }

    private static void nameRules(MaskingFacts.Person p, List<Rule> rules) {
        String family = fold(normalise(p.family())).strip();
        String given = fold(normalise(p.given())).strip();
        String familyKana = fold(normalise(p.familyKana())).strip();
        String givenKana = fold(normalise(p.givenKana())).strip();
        // the whole name first: one mask over "山田 太郎", space included
        add(rules, family + given, Hidden.NAME);
        add(rules, familyKana + givenKana, Hidden.NAME);
        for (String part : List.of(family, given, familyKana, givenKana)) {
            add(rules, part, Hidden.NAME);
        }
    }

    /**
     * A fact as written, with any white space allowed between its characters. Matched on the folded text (hiragana
     * as katakana, variant kanji as the common one), except a one-character kana name: as hiragana it would hide
     * every い or か of the text, so it is matched as written, in katakana only (decision).
     */
    private static void add(List<Rule> rules, String fact, Hidden hidden) {
        String f = fact.replaceAll("\\s+", "");
        if (f.isEmpty() || f.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        String regex = String.join("\\s*", f.codePoints().mapToObj(c -> Pattern.quote(Character.toString(c))).toList());
        boolean kanaAlone = f.length() == 1 && isKatakana(f.charAt(0));
        rules.add(new Rule(Pattern.compile(regex), hidden, m -> true, !kanaAlone));
    }

    /**
     * The address and its parts (decision, documented in design §6.3's spirit "the address and each of its 町名/番地
     * parts"): the 都道府県 and the 市区町村 are not masked alone (every case of the board shares them), but the whole
     * address is; the rest after the 市区町村 is split into the 町名 (with and without 大字/字), the 番地 numbers and the
     * building. The 市区町村 is the shortest prefix ending in 郡…町/村, 市…区 (a ward of a designated city) or 市/区/町/村.
     * The 番地 is matched as its numbers in order, each in arabic or kanji numerals, joined by 丁目, 番地, 番, 号, の or a
     * dash; a single number only with 番地/番 after it (a bare "5" is no address); a fourth number (a room) may be
     * left out.
     */
    private static void addressRules(String address, List<Rule> rules) {
        String a = address.replaceAll("\\s+", "");
        if (a.isEmpty()) {
            return;
        }
        add(rules, a, Hidden.ADDRESS);
        int i = 0;
        Matcher prefecture = Pattern.compile("東京都|北海道|京都府|大阪府|.{2,3}?県").matcher(a);
        if (prefecture.lookingAt()) {
            i = prefecture.end();
        }
        Matcher municipality = Pattern.compile(".+?郡.+?[町村]|.+?市.+?区|.+?[市区町村]").matcher(a).region(i, a.length());
        if (municipality.lookingAt()) {
            i = municipality.end();
            if (i < a.length() - 1 && a.charAt(i) == '市' && a.charAt(i - 1) == '市') {
                i++; // 四日市市, 廿日市市
            }
        }
        String rest = a.substring(i);
        if (rest.length() >= 2) {
            add(rules, rest, Hidden.ADDRESS);
        }
        Matcher town = Pattern.compile("(.*?)(?=[0-9]|[" + KANJI_DIGITS + "]+(?:丁目|番地|番|号|" + DASH + "))").matcher(rest);
        String townName = town.lookingAt() ? town.group(1) : rest;
        int j = town.lookingAt() ? town.end() : rest.length();
        for (String name : new LinkedHashSet<>(List.of(townName, townName.replaceFirst("^大?字", "")))) {
            if (name.length() >= 2) {
                add(rules, name, Hidden.ADDRESS);
            }
        }
        Matcher number = Pattern.compile("(" + "[0-9]+|[" + KANJI_DIGITS + "]+" + ")(丁目|番地|番|号|の|" + DASH + ")?").matcher(rest);
        List<Integer> numbers = new ArrayList<>();
        String lastSuffix = null;
        while (j < rest.length() && number.region(j, rest.length()).lookingAt()) {
            Integer n = number(number.group(1));
            if (n == null) {
                break;
            }
            numbers.add(n);
            lastSuffix = number.group(2);
            j = number.end();
            if (lastSuffix == null) {
                break;
            }
        }
        if (numbers.size() >= 2 || (numbers.size() == 1 && lastSuffix != null && lastSuffix.startsWith("番"))) {
            rules.add(new Rule(numbersPattern(numbers, numbers.size() == 1), Hidden.ADDRESS));
        }
        if (numbers.size() >= 4) {
            rules.add(new Rule(numbersPattern(numbers.subList(0, 3), false), Hidden.ADDRESS));
        }
        Matcher building = Pattern.compile("[^0-9]{2,}").matcher(rest).region(j, rest.length());
        if (building.lookingAt()) {
            add(rules, building.group().replaceFirst("(号室|号|室)$", ""), Hidden.ADDRESS);
        }
    }

    private static Pattern numbersPattern(List<Integer> numbers, boolean needsBanchi) {
        String joined = String.join("\\s*(?:丁目|番地|番|号|の|" + DASH + ")\\s*",
                numbers.stream().map(PacketMasker::numberRegex).toList());
        String guard = "[0-9" + KANJI_DIGITS + "]";
        return Pattern.compile("(?<!" + guard + ")" + joined + "(?!" + guard + ")"
                + (needsBanchi ? "\\s*(?:番地|番)" : "(?:\\s*(?:丁目|番地|番|号))?"));
    }

    private static String numberRegex(int n) {
        return n < 100 ? "(?:" + n + "|" + kanji(n) + ")" : Integer.toString(n);
    }

    /** 1–99 in kanji numerals as addresses write them: 三, 十, 十二, 二十, 二十三. */
    private static String kanji(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    /** An arabic or kanji number up to 99 (kanji: 十二, 二十三, or digit by digit 一〇一), or null. */
    private static Integer number(String text) {
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return text.length() > 9 ? null : Integer.valueOf(text);
        }
        String digits = "〇一二三四五六七八九";
        int ten = text.indexOf('十');
        if (ten < 0) {
            int n = 0;
            for (char c : text.toCharArray()) {
                n = n * 10 + digits.indexOf(c);
            }
            return n;
        }
        if (text.indexOf('十', ten + 1) >= 0 || ten > 1 || text.length() - ten > 2) {
            return null;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(text.charAt(0));
        int ones = ten == text.length() - 1 ? 0 : digits.indexOf(text.charAt(ten + 1));
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }

    /** The day a date names, the 和暦 year counted leniently from its era's first year; null if no such day. */
    private static LocalDate day(String era, String year, String month, String dayOfMonth) {
        try {
            Integer y = year.equals("元") ? Integer.valueOf(1) : number(year);
            Integer m = number(month);
            Integer d = number(dayOfMonth);
            if (y == null || m == null || d == null) {
                return null;
            }
            if (era != null) {
                JapaneseEra e = ERAS.get(era.toUpperCase());
                // the era's first year in the Gregorian calendar (明治元年 = 1868, 昭和元年 = 1926, …)
                int first = LocalDate.from(JapaneseDate.of(e, 2, 1, 1)).getYear() - 1;
                y = first + y - 1;
            }
            return LocalDate.of(y, m, d);
        } catch (DateTimeException | NullPointerException e) {
            return null;
        }
    }

    /** Masks one text. */
    Masked mask(String text) {
        String normalised = normalise(text);
        Hidden[] marks = new Hidden[normalised.length()];
        // again on its own result until a pass finds nothing new: a mask can open a match (a digit guard gone)
        for (int pass = 0; pass <= normalised.length(); pass++) {
            View view = view(normalised, marks);
            if (!markMatches(view, marks)) {
                return new Masked(view.text, normalised, view.spans);
            }
        }
        throw new IllegalStateException("masking did not settle");
    }

    /**
     * The masked text of the current marks: each run of marked characters is one {@value #MASK}. {@code from[k]}
     * and {@code to[k]} are the normalised range behind the k-th character of the masked text.
     */
    private record View(String text, int[] from, int[] to, List<Span> spans) {
    }

    private static View view(String normalised, Hidden[] marks) {
        StringBuilder text = new StringBuilder();
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < normalised.length()) {
            if (marks[i] == null) {
                text.append(normalised.charAt(i));
                from.add(i);
                to.add(i + 1);
                i++;
                continue;
            }
            int start = i;
            while (i < normalised.length() && marks[i] != null) {
                i++;
            }
            spans.add(new Span(start, i, text.length(), text.length() + MASK.length(), marks[start]));
            for (int k = 0; k < MASK.length(); k++) {
                from.add(start);
                to.add(i);
            }
            text.append(MASK);
        }
        return new View(text.toString(), from.stream().mapToInt(Integer::intValue).toArray(),
                to.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(spans));
    }

    /** Marks what the rules find in the view; whether anything not yet masked was marked. */
    private boolean markMatches(View view, Hidden[] marks) {
        String folded = fold(view.text);
        boolean changed = false;
        for (Rule rule : rules) {
            Matcher m = rule.pattern.matcher(rule.folded ? folded : view.text);
            while (m.find()) {
                if (m.end() == m.start() || !rule.accepts.test(m)) {
                    continue;
                }
                int start = view.from[m.start()];
                int end = view.to[m.end() - 1];
                for (int k = start; k < end; k++) {
                    if (marks[k] == null) {
                        marks[k] = rule.hidden;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** NFKC, except the mask character, which stays as it is (NFKC would make it {@code *}). */
    static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int star = text.indexOf(MASK_CHAR, i);
            int end = star < 0 ? text.length() : star;
            b.append(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC));
            if (star < 0) {
                break;
            }
            b.append(MASK_CHAR);
            i = star + 1;
        }
        return b.toString();
    }

    /** Hiragana as katakana and variant kanji as the common one, character for character (positions unchanged). */
    static String fold(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if ((c[i] >= 'ぁ' && c[i] <= 'ゖ') || c[i] == 'ゝ' || c[i] == 'ゞ') {
                c[i] += 0x60;
            } else {
                c[i] = VARIANTS.getOrDefault(c[i], c[i]);
            }
        }
        return new String(c);
    }

    private static boolean isKatakana(char c) {
        return c >= 'ァ' && c <= 'ヺ';
    }
}
