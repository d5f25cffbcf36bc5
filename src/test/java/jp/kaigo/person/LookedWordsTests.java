package jp.kaigo.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.kaigo.audit.AccessGroup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * "Who looked" in plain Japanese, written from what the person should read (issue 14 point 5), not from the code:
 * every kind of entry and result the audit trail keeps, in words, and never a code or an enum's name.
 */
class LookedWordsTests {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest(name = "{0}/{1} emergency={2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disclosure   | seen            | false | 見ました
            disclosure   | denied          | false | 見ようとしましたが、見られませんでした
            disclosure   | seen            | true  | 緊急時の閲覧として見ました
            disclosure   | break-glass:NOT_INVOLVED | true | 緊急時の閲覧を始めました
            disclosure   | REVIEWED        | false | 緊急時の閲覧を確認しました
            eligibility  | INSURED         | false | 資格を確認しました
            eligibility  | UNKNOWN         | false | 資格を確認しようとしましたが、番号や生年月日が合いませんでした
            eligibility  | LOST            | false | 資格を確認しました(資格がなくなっていました)
            eligibility  | NOT_YET_INSURED | false | 資格を確認しました(その日はまだ資格がありませんでした)
            eligibility  | STOPPED         | false | 資格を確認しようとしましたが、誤りが続いたため止められました
            relationship | REGISTERED      | false | 担当事業所として登録しました
            relationship | ENDED           | false | 担当を終えました
            consent      | GIVEN           | false | 同意を記録しました
            consent      | REFUSED         | false | 同意しないことを記録しました
            card-link    | LINKED          | false | マイナンバーカードを登録しました
            investigation| SOMETHING_NEW   | false | 記録を調べました
            disclosure   | SOMETHING_NEW   | false | 記録を扱いました
            new-event    | WHATEVER        | false | 手続きをしました
            """)
    void saysWhatWasDoneInWords(String event, String result, boolean emergency, String words) {
        assertThat(LookedWords.done(event.strip(), result.strip(), emergency)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            被保険者証                                          | 被保険者証
            要介護認定(申請・進捗・結果)                        | 要介護認定(申請・進捗・結果)
            資格確認(マイナンバーカード)(被保険者証・負担割合証) | 被保険者証・負担割合証
            資格確認(被保険者証・負担割合証・負担限度額認定証)   | 被保険者証・負担割合証・負担限度額認定証
            担当事業所の登録(サービス種類 43)                   | 居宅介護支援
            担当事業所の終了(サービス種類 11)                   | 訪問介護
            担当事業所の登録(サービス種類 ZZ)                   | NONE
            care-plan                                            | NONE
            UNKNOWN                                              | NONE
            """)
    void saysWhatItWasAboutInWords(String subject, String words) {
        assertThat(LookedWords.what(subject.strip())).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            介護サービスの提供 | 介護サービスの提供
            CARE_MANAGEMENT   | ケアマネジメント
            care              | 介護サービスの提供
            xyz               | NONE
            UNKNOWN           | NONE
            """)
    void saysWhyInWordsOrNotAtAll(String purpose, String words) {
        assertThat(LookedWords.why(purpose.strip())).isEqualTo(words);
    }

    @Test
    void oneLinePerOrganisationAndDay() {
        var group = new AccessGroup("office", "1371234567", TODAY, "disclosure", "seen", false, 3,
                List.of("被保険者証", "要介護認定(申請・進捗・結果)"), List.of("介護サービスの提供"), Instant.now());
        assertThat(LookedWords.line(group, "ひまわり訪問介護事業所(訪問介護)", TODAY)).isEqualTo(
                "ひまわり訪問介護事業所(訪問介護)が 12月5日 に 3回 見ました: 被保険者証、要介護認定(申請・進捗・結果)(目的: 介護サービスの提供)");
        var lastYear = new AccessGroup("office", "1371234567", LocalDate.of(2025, 12, 5), "eligibility", "UNKNOWN", false, 1,
                List.of("資格確認(被保険者証・負担割合証)"), List.of("資格確認"), Instant.now());
        assertThat(LookedWords.line(lastYear, "ひまわり", TODAY))
                .isEqualTo("ひまわりが 令和7年12月5日 に 1回 資格を確認しようとしましたが、番号や生年月日が合いませんでした: 被保険者証・負担割合証")
                .doesNotContain("UNKNOWN");
        var registered = new AccessGroup("office", "1371234567", TODAY, "relationship", "REGISTERED", false, 1,
                List.of("担当事業所の登録(サービス種類 43)"), List.of(), Instant.now());
        assertThat(LookedWords.line(registered, "ひまわり", TODAY)).isEqualTo("ひまわりが 12月5日 に 担当事業所として登録しました: 居宅介護支援");
    }
}
