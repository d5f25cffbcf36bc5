package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kaigo.certification.PacketMasker.Masked;
import jp.kaigo.certification.PacketMasker.Span;
import org.junit.jupiter.api.Test;

/**
 * The properties of design §6.3's masking, over thousands of generated texts: care notes in Japanese with a case's
 * facts inserted in any of the forms people write them. Plain JUnit over a seeded {@link Random} (a failure names
 * its seed and text, and reruns the same) instead of jqwik: jqwik 1.10.1 does run on Boot 4's JUnit Platform 6.0.3,
 * but its own console output asks AI agents not to use it, so it was left out (decision on branch mask16; the
 * generators here move to jqwik arbitraries unchanged if the project decides otherwise).
 */
class PacketMaskerPropertyTests {
    private static final int TEXTS = 3000;
    private static final String[][] FAMILY = {{"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"髙橋", "タカハシ"},
        {"渡邉", "ワタナベ"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"伊藤", "イトウ"}, {"斎藤", "サイトウ"},
        {"吉田", "ヨシダ"}, {"松本", "マツモト"}, {"長谷川", "ハセガワ"}, {"清水", "シミズ"}};
    private static final String[][] GIVEN = {{"太郎", "タロウ"}, {"花子", "ハナコ"}, {"誠", "マコト"},
        {"美智子", "ミチコ"}, {"健一", "ケンイチ"}, {"幸子", "サチコ"}, {"清", "キヨシ"}, {"和夫", "カズオ"},
        {"ヨシ", "ヨシ"}, {"千代", "チヨ"}};
    /** Care notes as 特記事項 and 意見書 texts read, with the widths and numbers people type. */
    private static final String[] FILLER = {"歩行時にふらつきがある。", "食事は見守りで自立。", "夜間に3回トイレへ行く。",
        "入浴は週2回デイサービスで。", "服薬管理は家族が行う。", "転倒歴あり(2025年3月)。", "ﾍﾙﾊﾟｰが週1回訪問。",
        "ＡＤＬは概ね自立。", "物忘れが目立つ。", "体重45kg、血圧130/80。", "杖を使用。", "右膝の痛みを訴える。",
        "日中は独居。", "認知症高齢者の日常生活自立度はⅡb。", "要介護2相当。", "排泄は一部介助。", "会話は成立する。",
        "通院は月1回。", "介護者の負担が大きい。", "眠剤を服用中。", "ｼｮｰﾄｽﾃｲを利用。", "１０ｍ歩行は困難。", "\n", " ", "　"};
    private static final String FULL_KATAKANA = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
    private static final String HALF_KATAKANA = "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";

    /** One generated case: its facts and the forms of them a text may contain. */
    private record Case(String family, String given, String familyKana, String givenKana, String insured,
            String phone, MaskingFacts facts) {
        static Case random(Random r) {
            String[] f = FAMILY[r.nextInt(FAMILY.length)];
            String[] g = GIVEN[r.nextInt(GIVEN.length)];
            String insured = String.format("%010d", r.nextLong(10_000_000_000L));
            String phone = "0" + digits(r, 1 + r.nextInt(4)) + "-" + digits(r, 1 + r.nextInt(4)) + "-" + digits(r, 4);
            // the registry's kana may come in any width or script
            String familyKana = switch (r.nextInt(3)) {
                case 0 -> f[1];
                case 1 -> hiragana(f[1]);
                default -> halfWidth(f[1]);
            };
            MaskingFacts facts = new MaskingFacts(new MaskingFacts.Person(f[0], g[0], familyKana, g[1]), null,
                    LocalDate.of(1930 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)), insured, List.of(phone),
                    List.of());
            return new Case(f[0], g[0], f[1], g[1], insured, phone, facts);
        }

        /** The name, the insured number or the phone, as someone may write it. */
        String form(Random r) {
            return switch (r.nextInt(16)) {
                case 0 -> family;
                case 1 -> given;
                case 2 -> family + given;
                case 3 -> family + " " + given;
                case 4 -> family + "　" + given;
                case 5 -> familyKana + givenKana;
                case 6 -> hiragana(familyKana) + "　" + hiragana(givenKana);
                case 7 -> halfWidth(familyKana + " " + givenKana);
                case 8 -> halfWidth(givenKana);
                case 9 -> hiragana(familyKana);
                case 10 -> insured;
                case 11 -> fullWidth(insured);
                case 12 -> phone;
                case 13 -> fullWidth(phone);
                case 14 -> phone.replace('-', 'ー');
                default -> phone.replace("-", "");
            };
        }

        /** What must never be read in a masked text (compared on the folded text: hiragana as katakana). */
        List<String> secrets() {
            return List.of(PacketMasker.fold(family), PacketMasker.fold(given), familyKana, givenKana, insured,
                    phone.replace("-", ""), phone);
        }
    }

    private static String text(Random r, Case c, int inserts) {
        StringBuilder b = new StringBuilder();
        int parts = 2 + r.nextInt(8);
        int left = inserts;
        for (int i = 0; i < parts; i++) {
            b.append(FILLER[r.nextInt(FILLER.length)]);
            if (left > 0 && r.nextBoolean()) {
                b.append(c.form(r));
                left--;
            }
        }
        for (; left > 0; left--) {
            b.insert(r.nextInt(b.length() + 1), c.form(r));
        }
        return b.toString();
    }

    @Test
    void nameInsuredNumberAndPhoneNeverSurvive() {
        for (int i = 0; i < TEXTS; i++) {
            long seed = 20261206L + i;
            Random r = new Random(seed);
            Case c = Case.random(r);
            String text = text(r, c, 1 + r.nextInt(4));
            Masked m = PacketMasker.of(c.facts()).mask(text);
            String folded = PacketMasker.fold(m.text());
            String withoutSeparators = m.text().replaceAll("[-ー()\\s]", "");
            for (String secret : c.secrets()) {
                assertThat(folded).as("seed %d: %s", seed, text).doesNotContain(secret);
            }
            assertThat(withoutSeparators).as("seed %d: %s", seed, text)
                    .doesNotContain(c.insured()).doesNotContain(c.phone().replace("-", ""));
            assertSpansRebuildTheText(m, "seed " + seed);
        }
    }

    @Test
    void maskingIsIdempotent() {
        for (int i = 0; i < TEXTS; i++) {
            long seed = 7_000_000L + i;
            Random r = new Random(seed);
            Case c = Case.random(r);
            String text = i % 2 == 0 ? text(r, c, r.nextInt(4)) : noise(r);
            PacketMasker masker = PacketMasker.of(c.facts());
            Masked once = masker.mask(text);
            Masked twice = masker.mask(once.text());
            assertThat(twice.text()).as("seed %d: %s", seed, text).isEqualTo(once.text());
            assertThat(twice.spans()).as("seed %d: %s", seed, text).isEmpty();
            assertSpansRebuildTheText(once, "seed " + seed);
        }
    }

    @Test
    void textWithoutAnyFactChangesOnlyByNfkc() {
        int checked = 0;
        for (int i = 0; i < TEXTS; i++) {
            long seed = 9_000_000L + i;
            Random r = new Random(seed);
            Case c = Case.random(r);
            String text = text(r, c, 0);
            String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
            if (c.secrets().stream().anyMatch(PacketMasker.fold(normalised)::contains)) {
                continue; // the filler happens to contain a name (清 of 清水 in a note): not a text without facts
            }
            checked++;
            Masked m = PacketMasker.of(c.facts()).mask(text);
            assertThat(m.text()).as("seed %d", seed).isEqualTo(normalised);
            assertThat(m.spans()).as("seed %d", seed).isEmpty();
        }
        assertThat(checked).isGreaterThan(TEXTS / 2);
    }

    /** Random characters of every kind a text may hold, the mask character and digits with dashes included. */
    private static String noise(Random r) {
        String pool = "＊*0123456789０１２３-ー−ｰ年月日/.昭和令平成SHRあいうアイウｱｲｳ山田太郎〒() 　\n丁目番地号の";
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(5) == 0 ? (char) (0x20 + r.nextInt(0x3000)) : pool.charAt(r.nextInt(pool.length())));
        }
        return b.toString();
    }

    private static void assertSpansRebuildTheText(Masked m, String what) {
        StringBuilder rebuilt = new StringBuilder();
        int at = 0;
        for (Span s : m.spans()) {
            assertThat(s.end()).as(what).isGreaterThan(s.start());
            rebuilt.append(m.normalised(), at, s.start());
            assertThat(rebuilt.length()).as(what).isEqualTo(s.maskedStart());
            rebuilt.append(PacketMasker.MASK);
            assertThat(rebuilt.length()).as(what).isEqualTo(s.maskedEnd());
            at = s.end();
        }
        rebuilt.append(m.normalised().substring(at));
        assertThat(rebuilt.toString()).as(what).isEqualTo(m.text());
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String hiragana(String katakana) {
        StringBuilder b = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            b.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
        }
        return b.toString();
    }

    private static String halfWidth(String katakana) {
        StringBuilder b = new StringBuilder();
        for (char c : Normalizer.normalize(katakana, Normalizer.Form.NFD).toCharArray()) {
            int i = FULL_KATAKANA.indexOf(c);
            b.append(i >= 0 ? HALF_KATAKANA.charAt(i) : c == '\u3099' ? 'ﾞ' : c == '\u309A' ? 'ﾟ' : c);
        }
        return b.toString();
    }

    private static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }
}
