package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.kaigo.certification.PacketMasker.Hidden;
import jp.kaigo.certification.PacketMasker.Masked;
import jp.kaigo.certification.PacketMasker.Span;
import org.junit.jupiter.api.Test;

/**
 * Masking of a packet's free texts (docs/design/certification-online.md §6.3), by examples written from the design:
 * one case's facts, then each text as a clerk or a doctor could write it and what the board may read of it.
 * The properties (nothing of the facts survives, idempotence, texts without facts unchanged) are in
 * {@link PacketMaskerPropertyTests}.
 */
class PacketMaskerTests {
    /** 山田太郎, born 昭和13年4月5日, his daughter 山田花子 the contact, 佐藤一郎 the doctor, 鈴木次郎 the surveyor. */
    static final MaskingFacts CASE = new MaskingFacts(MaskingFacts.Person.ofRegistry("山田　太郎", "ヤマダ　タロウ"),
            "東京都千代田区九段南1丁目2番3号 グランド九段101号室", LocalDate.of(1938, 4, 5), "0001234567",
            List.of("03-1234-5678", "090-1111-2222"), List.of("山田 花子", "佐藤 一郎", "鈴木　次郎"));

    /** text written | what the board reads | source (design §6.3 unless said). */
    private static final String EXAMPLES = """
            本人は山田太郎さん。                       | 本人は＊＊＊さん。                  | name in kanji
            山田　太郎様(全角スペース)                   | ＊＊＊様(全角スペース)               | the name with a full-width space is one mask
            山田 太郎                                | ＊＊＊                             | … with a space
            太郎さんは山田家の長男                      | ＊＊＊さんは＊＊＊家の長男             | given and family name alone
            ﾔﾏﾀﾞ ﾀﾛｳ 様                             | ＊＊＊ 様                          | half-width kana (NFKC)
            やまだたろう                              | ＊＊＊                             | the kana name in hiragana
            ヤマダさん、タロウさん                       | ＊＊＊さん、＊＊＊さん                | the kana name in katakana, each part
            長女の花子さんが同居                        | 長女の＊＊＊さんが同居                | the contact's given name
            佐藤医師より、鈴木調査員へ                   | ＊＊＊医師より、＊＊＊調査員へ          | the doctor's and the surveyor's names
            住所 東京都千代田区九段南1丁目2番3号          | 住所 東京都千代田区＊＊＊              | 町名 and 番地 of the address (decision: the 市区町村 stays)
            九段南一丁目二番三号に独居                   | ＊＊＊に独居                        | the 番地 in kanji numerals
            自宅(九段南1-2-3)                         | 自宅(＊＊＊)                       | the 番地 with dashes
            東京都千代田区九段南1丁目2番3号グランド九段101号室 | ＊＊＊                         | the whole address
            グランド九段の2階                          | ＊＊＊の2階                         | the building
            週1-2回、散歩に出る                         | 週1-2回、散歩に出る                  | two numbers that are not the 番地 stay
            連絡先 03-1234-5678                       | 連絡先 ＊＊＊                        | a phone of the case
            電話０３（１２３４）５６７８                  | 電話＊＊＊                          | … in full width with brackets
            携帯090ー1111ー2222まで                    | 携帯＊＊＊まで                       | … with the prolonged sound mark as dashes
            病院 06-6123-4567 に通院                   | 病院 ＊＊＊ に通院                   | a phone-like number not of the case
            〒102-0074                               | 〒＊＊＊                            | a postcode
            〒1020074                                | 〒＊＊＊                            | … without a dash
            被保険者番号0001234567                     | 被保険者番号＊＊＊                    | the insured number
            番号は９０００１２３４５６７８９            | 番号は9＊＊＊89                      | … in full-width digits, inside a longer number
            生年月日 昭和13年4月5日                     | 生年月日 ＊＊＊                       | the birth date in 和暦
            昭和１３年４月５日生まれ                     | ＊＊＊生まれ                         | … with full-width digits
            ㍼13年4月5日                              | ＊＊＊                             | … with the era as one character (NFKC)
            昭和十三年四月五日                          | ＊＊＊                             | … in kanji numerals
            S13.4.5生                                | ＊＊＊生                            | … abbreviated
            昭13.04.05                               | ＊＊＊                             | … zero-padded
            s130405                                  | ＊＊＊                             | … compact
            1938年4月5日                              | ＊＊＊                             | the birth date in 西暦
            1938/4/5                                 | ＊＊＊                             | …
            1938-04-05                               | ＊＊＊                             | …
            19380405                                 | ＊＊＊                             | …
            S13.4.6に転居                             | S13.4.6に転居                      | another day stays
            2026年1月2日に転倒、骨折                    | 2026年1月2日に転倒、骨折               | dates of the history stay
            血圧130/80、体重45kg                       | 血圧130/80、体重45kg                | numbers that identify nobody stay
            ＡＤＬはﾍﾙﾊﾟｰが支援                         | ADLはヘルパーが支援                  | no fact: NFKC only
            """;

    @Test
    void masksAsTheDesignSays() {
        PacketMasker masker = PacketMasker.of(CASE);
        List<String> wrong = new ArrayList<>();
        for (String line : EXAMPLES.strip().lines().toList()) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            String actual = masker.mask(cells[0]).text();
            if (!actual.equals(cells[1])) {
                wrong.add(cells[0] + " → " + actual + " (expected " + cells[1] + "; " + cells[2] + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void spansTellWhatWasHiddenInBothTexts() {
        Masked m = PacketMasker.of(CASE).mask("ﾔﾏﾀﾞさんの電話は03-1234-5678、〒102-0074");
        assertThat(m.normalised()).isEqualTo("ヤマダさんの電話は03-1234-5678、〒102-0074");
        assertThat(m.text()).isEqualTo("＊＊＊さんの電話は＊＊＊、〒＊＊＊");
        assertThat(m.spans()).extracting(Span::hidden).containsExactly(Hidden.NAME, Hidden.PHONE, Hidden.POSTCODE);
        assertThat(m.spans()).extracting(s -> m.normalised().substring(s.start(), s.end()))
                .containsExactly("ヤマダ", "03-1234-5678", "102-0074");
        assertThat(m.spans()).extracting(s -> m.text().substring(s.maskedStart(), s.maskedEnd())).containsOnly("＊＊＊");
    }

    @Test
    void reiwaAndHeiseiBirthDates() {
        PacketMasker masker = PacketMasker.of(new MaskingFacts(null, null, LocalDate.of(2019, 5, 1), null, null, null));
        for (String text : List.of("令和元年5月1日", "令和1年5月1日", "R1.5.1", "r01.05.01", "R010501", "㋿元年5月1日",
                "令元.5.1", "2019年5月1日")) {
            assertThat(masker.mask(text).text()).as(text).isEqualTo("＊＊＊");
        }
        assertThat(masker.mask("令和元年5月2日").text()).isEqualTo("令和元年5月2日");
        PacketMasker heisei = PacketMasker.of(new MaskingFacts(null, null, LocalDate.of(1989, 1, 8), null, null, null));
        assertThat(heisei.mask("平成元年1月8日、H1.1.8").text()).isEqualTo("＊＊＊、＊＊＊");
    }

    @Test
    void kanaFactsGivenInHalfWidthOrHiraganaMatchEveryForm() {
        PacketMasker masker = PacketMasker.of(new MaskingFacts(new MaskingFacts.Person("髙橋", "幸子", "ﾀｶﾊｼ", "さちこ"),
                null, null, null, null, null));
        assertThat(masker.mask("高橋さん、たかはし、タカハシ、ｻﾁｺ、サチコ、髙橋 幸子").text())
                .isEqualTo("＊＊＊さん、＊＊＊、＊＊＊、＊＊＊、＊＊＊、＊＊＊");
    }

    @Test
    void aOneCharacterKanaNameIsMaskedInKatakanaOnly() {
        // as hiragana it would hide every い of the text (decision, see PacketMasker#add)
        PacketMasker masker = PacketMasker.of(new MaskingFacts(new MaskingFacts.Person("李", "", "イ", ""), null, null,
                null, null, null));
        assertThat(masker.mask("イさんはいつも李さんと呼ばれたい").text()).isEqualTo("＊＊＊さんはいつも＊＊＊さんと呼ばれたい");
    }

    @Test
    void nothingKnownMasksOnlyWhatIdentifiesAnyone() {
        PacketMasker masker = PacketMasker.of(new MaskingFacts(null, null, null, null, null, null));
        assertThat(masker.mask("太郎さん 03-1234-5678 〒102-0074 1938年4月5日").text())
                .isEqualTo("太郎さん ＊＊＊ 〒＊＊＊ 1938年4月5日");
        assertThat(masker.mask(null).text()).isEmpty();
    }

    @Test
    void aMaskedTextIsItsOwnNormalForm() {
        PacketMasker masker = PacketMasker.of(CASE);
        Masked once = masker.mask("山田太郎、0001234567");
        assertThat(once.text()).isEqualTo("＊＊＊、＊＊＊");
        Masked twice = masker.mask(once.text());
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.spans()).isEmpty();
        assertThat(PacketMasker.normalise("＊＊＊ＡＢ")).isEqualTo("＊＊＊AB")
                .isNotEqualTo(Normalizer.normalize("＊＊＊ＡＢ", Normalizer.Form.NFKC));
    }
}
