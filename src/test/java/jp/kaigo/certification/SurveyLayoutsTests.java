package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.Validated;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Fuzz;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * The 認定調査 document layouts (docs/design/certification-online.md §4.1 survey-assignment, §4.2 care-survey 09B),
 * checked against tables written from the design: a whole document is valid; each change of a row gives exactly the
 * violations of that row, under the field's key, never an exception. Plain unit test: the layouts are plain values.
 */
class SurveyLayoutsTests {
    private static final SurveyLayouts LAYOUTS = new SurveyLayouts();
    private static final DocumentLayout SURVEY = LAYOUTS.careSurvey();
    private static final DocumentLayout ASSIGNMENT = LAYOUTS.surveyAssignment();

    /** A first survey at home of a person using 訪問介護, 通所介護 and 福祉用具貸与, living at home, every item answered. */
    private static Map<String, String> survey() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("surveyedOn", "2026-12-04");
        v.put("place", "1");
        v.put("surveyorName", "調査 一子");
        v.put("textImage", "1");
        v.put("serviceKubun", "2");
        v.put("service01", "8");
        v.put("service06", "12");
        v.put("service11", "2");
        v.put("homeModification", "1");
        v.put("facility", "1");
        v.put("situationNotes", "長女と二人暮らし。二階建ての一階で生活。");
        for (int i = 1; i <= 74; i++) {
            v.put("item%02d".formatted(i), "1");
        }
        v.put("item12", "2");
        v.put("item19", "5");
        v.put("item32", "3");
        v.put("disabilityIndependence", "4");
        v.put("dementiaIndependence", "3");
        v.put("notes1", "1-7: 屋内は伝い歩き。");
        v.put("notesIndependence", "日中はほぼ居間で過ごす。");
        return v;
    }

    /** The 調査場所 and 連絡先 of an application (§3.2), as the clerk copies them into the assignment (§4.1). */
    private static Map<String, String> assignment() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("requestKind", "0");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 花子");
        v.put("surveyContactRelation", "長女");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("surveyNotes", "平日午前を希望");
        v.put("dueOn", "2026-12-20");
        return v;
    }

    /**
     * changes to the whole survey ("key=" removes the key; ";" separates) | the violated fields, in order ("-" for
     * valid) | the reason each gives | source.
     */
    private static final String SURVEY_RULES = """
            -                                    | -                 | -                                     | the whole survey above
            item12=                              | item12            | 必須です                               | §4.2.2 every item is mandatory (the 一次判定 needs each answer)
            item74=                              | item74            | 必須です                               | §4.2.2 特別な医療 answers are items too
            item12=;item40=                      | item12,item40     | 必須です                               | §4.2.2 every violation at once
            item19=6                             | item19            | コードが正しくありません(1・2・3・4・5)  | §4.2.2 item 19 視力 P8 codes 1–5
            item01=3                             | item01            | コードが正しくありません(1・2)           | §4.2.2 P1 ない/ある
            item12=5                             | item12            | コードが正しくありません(1・2・3・4)     | §4.2.2 P3
            item17=4                             | -                 | -                                     | §4.2.2 P6 4 行っていない
            item18=4                             | item18            | コードが正しくありません(1・2・3)        | §4.2.2 P7 has no 行っていない
            item12=１                            | item12            | コードが正しくありません                 | §2.4 codes are half-width
            surveyedOn=                          | surveyedOn        | 必須です                               | §4.2.1 実施日 mandatory
            surveyedOn=2026-02-30                | surveyedOn        | 存在しない日付です                      | §4.2.1 date
            place=                               | place             | 必須です                               | §4.2.1 実施場所 mandatory
            place=4                              | place             | コードが正しくありません(1・2・3)        | §4.2.1 1 自宅内, 2 自宅外, 3 その他
            place=2                              | placeName         | 実施場所が自宅内でないときは必須です     | §4.2.1 placeName when place ≠ 1
            place=3;placeName=長女宅              | -                 | -                                     | §4.2.1
            placeName=%1$s                       | placeName         | 100文字以内で指定してください           | §4.2.1 text ≤ 100
            surveyorName=%2$s                    | surveyorName      | 60文字以内で指定してください            | §4.2.1 text ≤ 60
            surveyorName=                        | -                 | -                                     | §4.2.1 prefilled, not mandatory
            textImage=2                          | -                 | -                                     | §4.2.1 イメージ (its PDF is an attachment, not a field)
            textImage=                           | textImage         | 必須です                               | (decision) the sender says text or image
            textImage=3                          | textImage         | コードが正しくありません(1・2)           | RF §4
            serviceKubun=                        | serviceKubun      | 必須です                               | §4.2.1 mandatory
            serviceKubun=9                       | service01,service06,service11 | 現在受けているサービスが「なし」のときは記入しません | §4.2.3 service counts only when serviceKubun ≠ 9
            serviceKubun=9;service01=;service06=;service11= | -      | -                                     | §4.2.1 なし
            serviceKubun=1                       | -                 | -                                     | §4.2.1 予防給付
            serviceKubun=3                       | serviceKubun      | コードが正しくありません(1・2・9)        | §4.2.1 1 予防給付, 2 介護給付, 9 なし
            service08=31                         | -                 | -                                     | §4.2.1 短期入所生活介護 日/月 0–31
            service08=32                         | service08         | 0〜31の範囲で指定してください            | §4.2.1 日/月 ≤ 31
            service01=99                         | -                 | -                                     | §4.2.1 回/月 0–99
            service01=100                        | service01         | 0〜99の範囲で指定してください            | §4.2.1 0–99
            service11=-1                         | service11         | 0〜99の範囲で指定してください            | §4.2.1 品目 0–99
            service20=2.5                        | service20         | 半角数字の整数で指定してください         | §4.2.1 integer
            service21=1                          | service21         | この様式にない項目です                  | §4.2.1 20 rows
            homeModification=2                   | -                 | -                                     | §4.2.1 住宅改修 あり
            homeModification=0                   | homeModification  | コードが正しくありません(1・2)           | §4.2.1 (decision) 1 なし, 2 あり
            serviceOther=%3$s                    | serviceOther      | 200文字以内で指定してください           | §4.2.1 text ≤ 200
            facility=                            | facility          | 必須です                               | §4.2.1 施設利用 mandatory
            facility=0                           | facility          | コードが正しくありません                 | §4.2.1 codes 1–9
            facility=3                           | facilityName,facilityPostcode,facilityAddress,facilityPhone | 施設利用が居宅でないときは必須です | §4.2.3 facility block when facility ≠ 1
            facility=3;facilityName=老健さくら;facilityPostcode=102-0074;facilityAddress=東京都千代田区九段南1-2-1;facilityPhone=03-0000-0000 | - | - | §4.2.1
            facility=9;facilityName=サ高住;facilityPostcode=1020074;facilityAddress=東京都千代田区九段南1-2-1 | facilityPhone | 施設利用が居宅でないときは必須です | §4.2.1 all four
            facility=2;facilityName=特養;facilityPostcode=102-007;facilityAddress=東京都;facilityPhone=03-0000-0000 | facilityPostcode | 形式が正しくありません | §4.2.1 郵便番号 (decision: 7 digits)
            facility=2;facilityName=特養;facilityPostcode=102-0074;facilityAddress=東京都;facilityPhone=03(0000)0000 | facilityPhone | 形式が正しくありません | §4.2.1 電話 as the application's phones
            situationNotes=%4$s                  | situationNotes    | 2000文字以内で指定してください          | §4.2.1 text ≤ 2000
            disabilityIndependence=10            | -                 | -                                     | §4.2.3 10 記載無し
            disabilityIndependence=0             | disabilityIndependence | コードが正しくありません          | §4.2.3 the 調査票 has no 0 (that is the 意見書's 未記入)
            disabilityIndependence=              | disabilityIndependence | 必須です                         | §4.2.3 mandatory
            dementiaIndependence=9               | -                 | -                                     | §4.2.3 9 記載無し
            dementiaIndependence=10              | dementiaIndependence | コードが正しくありません            | §4.2.3 codes 1–9
            dementiaIndependence=                | dementiaIndependence | 必須です                           | §4.2.3 mandatory
            notes1=;notesIndependence=           | -                 | -                                     | §4.2.3 特記事項 are free
            notes5=%5$s                          | notes5            | 4000文字以内で指定してください          | §4.2.3 text ≤ 4000 each
            notesMedical=%5$s                    | notesMedical      | 4000文字以内で指定してください          | §4.2.3
            notes2=\u0007                        | notes2            | 制御文字は使用できません                | §2.4 text
            foo=1                                | foo               | この様式にない項目です                  | §2.4 unknown key
            notes=特記                            | notes             | この様式にない項目です                  | §4.2.3 the single notes column is the file interface's
            requestKind=0                        | requestKind       | この様式にない項目です                  | §4.2.1 set from the assignment
            entrustment=3                        | entrustment       | この様式にない項目です                  | §4.2.1 set from the assignment
            surveyKind=0                         | surveyKind        | この様式にない項目です                  | §4.2.1 set: 0 for the case's first survey
            entrustedOfficeNo=1310100019         | entrustedOfficeNo | この様式にない項目です                  | §4.2.1 set (the sending office)
            caseId=0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b | caseId     | この様式にない項目です                  | the case is the assignment's, not typed
            insuredNo=0000000001                 | insuredNo         | この様式にない項目です                  | §4.2.1 the person is shown from the registry, not typed
            diagnosis1=脳梗塞                     | diagnosis1        | この様式にない項目です                  | §2.4 a doctor-opinion key (wrong kind)
            """.formatted("あ".repeat(101), "あ".repeat(61), "あ".repeat(201), "あ".repeat(2001), "𠮷".repeat(4001));

    /** As {@link #SURVEY_RULES}, for the whole assignment. */
    private static final String ASSIGNMENT_RULES = """
            -                                    | -                 | -                                     | the whole assignment above
            requestKind=                         | requestKind       | 必須です                               | §4.1 依頼区分 (0 初回, 1 再依頼, 2 再調査)
            requestKind=2                        | -                 | -                                     | §4.1
            requestKind=3                        | requestKind       | コードが正しくありません(0・1・2)        | §4.1 FC §5.1
            surveyPlace=                         | surveyPlace       | 必須です                               | §4.1 copied from the application, where it is mandatory (§3.2)
            surveyPlace=2                        | surveyPlaceName,surveyPlaceAddress | 調査場所が自宅内でないときは必須です | §3.2 survey place block
            surveyPlace=2;surveyPlaceName=中央病院;surveyPlaceAddress=東京都中央区1-1 | - | - | §3.2
            surveyContactName=                   | surveyContactName | 必須です                               | §3.2 連絡先 name mandatory
            surveyContactPhone=                  | surveyContactPhone | 必須です                              | §3.2 連絡先 phone mandatory
            surveyContactPhone=090(1111)2222     | surveyContactPhone | 形式が正しくありません                 | §3.2 phone
            surveyContactRelation=;surveyNotes=  | -                 | -                                     | §3.2 optional
            dueOn=                               | -                 | -                                     | §4.1 (decision) optional, like the opinion request's
            dueOn=2026-13-01                     | dueOn             | 存在しない日付です                      | §4.1 date
            caseId=0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b | caseId     | この様式にない項目です                  | §4.1 the case the clerk assigns is set by the platform
            entrustment=3                        | entrustment       | この様式にない項目です                  | §4.1 委託区分 from the recipient office (S6)
            insuredNo=0000000001                 | insuredNo         | この様式にない項目です                  | §4.1 the person is read through access, not copied
            item01=1                             | item01            | この様式にない項目です                  | §2.4 a care-survey key (wrong kind)
            """;

    /** The 74 基本調査 items as the design lists them (§4.2.2): key | item | codes. */
    private static final String DESIGN_ITEMS = """
            item01 | 1-1 麻痺(左上肢) | 1 ない, 2 ある
            item02 | 1-1 麻痺(右上肢) | 1 ない, 2 ある
            item03 | 1-1 麻痺(左下肢) | 1 ない, 2 ある
            item04 | 1-1 麻痺(右下肢) | 1 ない, 2 ある
            item05 | 1-1 麻痺(その他) | 1 ない, 2 ある
            item06 | 1-2 拘縮(肩関節) | 1 ない, 2 ある
            item07 | 1-2 拘縮(股関節) | 1 ない, 2 ある
            item08 | 1-2 拘縮(膝関節) | 1 ない, 2 ある
            item09 | 1-2 拘縮(その他) | 1 ない, 2 ある
            item10 | 1-3 寝返り | 1 つかまらないでできる, 2 何かにつかまればできる, 3 できない
            item11 | 1-4 起き上がり | 1 つかまらないでできる, 2 何かにつかまればできる, 3 できない
            item12 | 1-5 座位保持 | 1 できる, 2 自分の手で支えればできる, 3 支えてもらえればできる, 4 できない
            item13 | 1-6 両足での立位保持 | 1 支えなしでできる, 2 何か支えがあればできる, 3 できない
            item14 | 1-7 歩行 | 1 つかまらないでできる, 2 何かにつかまればできる, 3 できない
            item15 | 1-8 立ち上がり | 1 つかまらないでできる, 2 何かにつかまればできる, 3 できない
            item16 | 1-9 片足での立位 | 1 支えなしでできる, 2 何か支えがあればできる, 3 できない
            item17 | 1-10 洗身 | 1 介助されていない, 2 一部介助, 3 全介助, 4 行っていない
            item18 | 1-11 つめ切り | 1 介助されていない, 2 一部介助, 3 全介助
            item19 | 1-12 視力 | 1 普通, 2 約1m離れた視力確認表の図が見える, 3 目の前に置いた視力確認表の図が見える, 4 ほとんど見えない, 5 見えているのか判断不能
            item20 | 1-13 聴力 | 1 普通, 2 普通の声がやっと聞き取れる, 3 かなり大きな声なら何とか聞き取れる, 4 ほとんど聞えない, 5 聞えているのか判断不能
            item21 | 2-1 移乗 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item22 | 2-2 移動 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item23 | 2-3 えん下 | 1 できる, 2 見守り等, 3 できない
            item24 | 2-4 食事摂取 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item25 | 2-5 排尿 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item26 | 2-6 排便 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item27 | 2-7 口腔清潔 | 1 介助されていない, 2 一部介助, 3 全介助
            item28 | 2-8 洗顔 | 1 介助されていない, 2 一部介助, 3 全介助
            item29 | 2-9 整髪 | 1 介助されていない, 2 一部介助, 3 全介助
            item30 | 2-10 上衣の着脱 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item31 | 2-11 ズボン等の着脱 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item32 | 2-12 外出頻度 | 1 週1回以上, 2 月1回以上, 3 月1回未満
            item33 | 3-1 意思の伝達 | 1 調査対象者が意思を他者に伝達できる, 2 ときどき伝達できる, 3 ほとんど伝達できない, 4 できない
            item34 | 3-2 毎日の日課を理解 | 1 できる, 2 できない
            item35 | 3-3 生年月日や年齢を言う | 1 できる, 2 できない
            item36 | 3-4 短期記憶 | 1 できる, 2 できない
            item37 | 3-5 自分の名前を言う | 1 できる, 2 できない
            item38 | 3-6 今の季節を理解 | 1 できる, 2 できない
            item39 | 3-7 場所の理解 | 1 できる, 2 できない
            item40 | 3-8 徘徊 | 1 ない, 2 ときどきある, 3 ある
            item41 | 3-9 外出すると戻れない | 1 ない, 2 ときどきある, 3 ある
            item42 | 4-1 被害的 | 1 ない, 2 ときどきある, 3 ある
            item43 | 4-2 作話 | 1 ない, 2 ときどきある, 3 ある
            item44 | 4-3 感情が不安定 | 1 ない, 2 ときどきある, 3 ある
            item45 | 4-4 昼夜逆転 | 1 ない, 2 ときどきある, 3 ある
            item46 | 4-5 同じ話をする | 1 ない, 2 ときどきある, 3 ある
            item47 | 4-6 大声を出す | 1 ない, 2 ときどきある, 3 ある
            item48 | 4-7 介護に抵抗 | 1 ない, 2 ときどきある, 3 ある
            item49 | 4-8 落ち着きなし | 1 ない, 2 ときどきある, 3 ある
            item50 | 4-9 一人で出たがる | 1 ない, 2 ときどきある, 3 ある
            item51 | 4-10 収集癖 | 1 ない, 2 ときどきある, 3 ある
            item52 | 4-11 物や衣類を壊す | 1 ない, 2 ときどきある, 3 ある
            item53 | 4-12 ひどい物忘れ | 1 ない, 2 ときどきある, 3 ある
            item54 | 4-13 独り言・独り笑い | 1 ない, 2 ときどきある, 3 ある
            item55 | 4-14 自分勝手に行動する | 1 ない, 2 ときどきある, 3 ある
            item56 | 4-15 話がまとまらない | 1 ない, 2 ときどきある, 3 ある
            item57 | 5-1 薬の内服 | 1 介助されていない, 2 一部介助, 3 全介助
            item58 | 5-2 金銭の管理 | 1 介助されていない, 2 一部介助, 3 全介助
            item59 | 5-3 日常の意思決定 | 1 できる(特別な場合でもできる), 2 特別な場合を除いてできる, 3 日常的に困難, 4 できない
            item60 | 5-4 集団への不適応 | 1 ない, 2 ときどきある, 3 ある
            item61 | 5-5 買い物 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item62 | 5-6 簡単な調理 | 1 介助されていない, 2 見守り等, 3 一部介助, 4 全介助
            item63 | 6 点滴の管理 | 1 ない, 2 ある
            item64 | 6 中心静脈栄養 | 1 ない, 2 ある
            item65 | 6 透析 | 1 ない, 2 ある
            item66 | 6 ストーマの処置 | 1 ない, 2 ある
            item67 | 6 酸素療法 | 1 ない, 2 ある
            item68 | 6 レスピレーター | 1 ない, 2 ある
            item69 | 6 気管切開の処置 | 1 ない, 2 ある
            item70 | 6 疼痛の看護 | 1 ない, 2 ある
            item71 | 6 経管栄養 | 1 ない, 2 ある
            item72 | 6 モニター測定 | 1 ない, 2 ある
            item73 | 6 じょくそうの処置 | 1 ない, 2 ある
            item74 | 6 カテーテル | 1 ない, 2 ある
            """;

    /** The 20 service rows as the design lists them (§4.2.1): key | 介護給付名 | unit | max. */
    private static final String DESIGN_SERVICES = """
            service01 | 訪問介護 | 回/月 | 99
            service02 | 訪問入浴介護 | 回/月 | 99
            service03 | 訪問看護 | 回/月 | 99
            service04 | 訪問リハビリテーション | 回/月 | 99
            service05 | 居宅療養管理指導 | 回/月 | 99
            service06 | 通所介護 | 回/月 | 99
            service07 | 通所リハビリテーション | 回/月 | 99
            service08 | 短期入所生活介護 | 日/月 | 31
            service09 | 短期入所療養介護 | 日/月 | 31
            service10 | 特定施設入居者生活介護 | 日/月 | 31
            service11 | 福祉用具貸与 | 品目 | 99
            service12 | 特定福祉用具販売 | 品目/6カ月 | 99
            service13 | 夜間対応型訪問介護 | 日/月 | 31
            service14 | 認知症対応型通所介護 | 日/月 | 31
            service15 | 小規模多機能型居宅介護 | 日/月 | 31
            service16 | 認知症対応型共同生活介護 | 日/月 | 31
            service17 | 地域密着型特定施設入居者生活介護 | 日/月 | 31
            service18 | 地域密着型介護老人福祉施設入所者生活介護 | 日/月 | 31
            service19 | 定期巡回・随時対応型訪問介護看護 | 回/月 | 99
            service20 | 看護小規模多機能型居宅介護 | 日/月 | 31
            """;

    @Test
    void surveyFollowsTheTable() {
        assertThat(failures(SURVEY, SURVEY_RULES, survey())).isEmpty();
    }

    @Test
    void assignmentFollowsTheTable() {
        assertThat(failures(ASSIGNMENT, ASSIGNMENT_RULES, assignment())).isEmpty();
    }

    @Test
    void wholeSurveyIsValidWithTypedValues() {
        Validated result = SURVEY.validate(survey());
        assertThat(result).isInstanceOf(Validated.Valid.class);
        assertThat(((Validated.Valid) result).values()).containsEntry("surveyedOn", LocalDate.of(2026, 12, 4))
                .containsEntry("service06", 12).containsEntry("item19", "5").containsEntry("dementiaIndependence", "3");
        assertThat(SURVEY.kind()).isEqualTo(DocumentKind.CARE_SURVEY);
        assertThat(SURVEY.version()).isEqualTo("09B");
        assertThat(ASSIGNMENT.kind()).isEqualTo(DocumentKind.SURVEY_ASSIGNMENT);
        assertThat(ASSIGNMENT.version()).isEqualTo("2026-1");
    }

    /** The brief's three cases, spelled out: a missing answer and a code outside its pattern are field violations. */
    @Test
    void missingOrForeignAnswerIsAViolationOfThatItem() {
        Map<String, String> values = survey();
        values.remove("item12");
        assertThat(SURVEY.violations(values))
                .containsExactly(new Violation("item12", "1-5 座位保持", "必須です"));
        values = survey();
        values.put("item19", "6");
        assertThat(SURVEY.violations(values))
                .containsExactly(new Violation("item19", "1-12 視力", "コードが正しくありません(1・2・3・4・5)"));
        values = survey();
        values.put("height", "160");
        assertThat(SURVEY.violations(values))
                .containsExactly(new Violation("height", "height", "この様式にない項目です"));
    }

    @Test
    void itemsAreTheDesignsSeventyFourAllMandatory() {
        List<String> failures = new ArrayList<>();
        List<String> rows = DESIGN_ITEMS.strip().lines().toList();
        assertThat(rows).hasSize(74);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String key = cells[0].strip();
            Map<String, String> codes = new LinkedHashMap<>();
            for (String code : cells[2].strip().split(", ")) {
                int space = code.indexOf(' ');
                codes.put(code.substring(0, space), code.substring(space + 1));
            }
            FieldSpec field = SURVEY.field(key).orElse(null);
            if (field == null || !field.label().equals(cells[1].strip()) || !field.codes().equals(codes)
                    || !field.required()) {
                failures.add(row.strip() + "\n    got " + (field == null ? "no field"
                        : field.label() + " " + field.codes() + " required=" + field.required()));
            }
        }
        assertThat(failures).isEmpty();
    }

    /** §4.2.2 "identical to CertificationLayouts.SURVEY_ITEMS": the file interface's items, there optional. */
    @Test
    void itemsAreTheFileInterfacesOwn() {
        RecordLayout file = CertificationLayouts.careSurvey();
        for (int i = 1; i <= 74; i++) {
            String key = "item%02d".formatted(i);
            FieldSpec inFile = file.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
            FieldSpec inDocument = SURVEY.field(key).orElseThrow();
            assertThat(inDocument.label()).as(key).isEqualTo(inFile.label());
            assertThat(inDocument.codes()).as(key).isEqualTo(inFile.codes());
            assertThat(inDocument.rule()).as(key).isEqualTo(inFile.rule());
            assertThat(inFile.required()).as("a file row may leave %s blank", key).isFalse();
        }
        assertThat(file.fields().stream().filter(f -> f.key().startsWith("item"))).hasSize(74);
        for (String key : List.of("disabilityIndependence", "dementiaIndependence")) {
            assertThat(SURVEY.field(key).orElseThrow().codes()).as(key)
                    .isEqualTo(file.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().codes());
        }
    }

    @Test
    void serviceRowsAreTheDesignsTwenty() {
        for (String row : DESIGN_SERVICES.strip().lines().toList()) {
            String[] cells = row.split("\\|");
            String key = cells[0].strip();
            FieldSpec field = SURVEY.field(key).orElseThrow(() -> new AssertionError("no " + key));
            assertThat(field.label()).as(key).endsWith(cells[1].strip());
            assertThat(field.unit()).as(key).isEqualTo(cells[2].strip());
            Map<String, String> values = survey();
            values.put(key, cells[3].strip());
            assertThat(SURVEY.violations(values)).as(key + " at its maximum").isEmpty();
            values.put(key, String.valueOf(Integer.parseInt(cells[3].strip()) + 1));
            assertThat(SURVEY.violations(values)).as(key + " above").extracting(Violation::field).containsExactly(key);
        }
        assertThat(SURVEY.fields().stream().filter(f -> f.key().matches("service[0-9]+"))).hasSize(20);
    }

    /** §4.1 "調査場所 and 連絡先 (copied from the application)": the survey block of a valid application validates. */
    @Test
    void applicationsSurveyBlockCopiesIntoTheAssignment() {
        DocumentLayout application = new DocumentLayouts().certificationApplication();
        Map<String, String> copied = new LinkedHashMap<>();
        copied.put("requestKind", "0");
        Map<String, String> given = Map.of("surveyPlace", "2", "surveyPlaceName", "中央病院", "surveyPlaceAddress",
                "東京都中央区1-1", "surveyContactName", "介護 花子", "surveyContactRelation", "長女",
                "surveyContactPhone", "090-1111-2222", "surveyNotes", "面会は14時以降");
        copied.putAll(given);
        assertThat(ASSIGNMENT.violations(copied)).isEmpty();
        for (String key : given.keySet()) {
            FieldSpec inApplication = application.field(key).orElseThrow();
            FieldSpec inAssignment = ASSIGNMENT.field(key).orElseThrow();
            assertThat(inAssignment.label()).as(key).isEqualTo(inApplication.label());
            assertThat(inAssignment.rule()).as(key).isEqualTo(inApplication.rule());
            assertThat(inAssignment.required()).as(key).isEqualTo(inApplication.required());
        }
        // a survey is not an assignment and an assignment is not a survey (I16-atk "a document of the wrong kind")
        assertThat(ASSIGNMENT.violations(survey())).extracting(Violation::reason).contains("この様式にない項目です");
        assertThat(SURVEY.violations(assignment())).extracting(Violation::reason).contains("この様式にない項目です");
    }

    /**
     * Property: any map of strings (keys of these layouts, of other kinds, random text; values random text, tokens that
     * break parsers, nulls) gives Valid or Invalid, never an exception; an Invalid names only layout keys or the keys
     * given, and never a value. Seeded, so a failure names the seed and round that reproduce it.
     */
    @Test
    void garbageNeverThrows() {
        Fuzz fuzz = Fuzz.seeded(4216);
        Random random = fuzz.random();
        List<String> keyList = new ArrayList<>();
        SURVEY.fields().forEach(f -> keyList.add(f.key()));
        ASSIGNMENT.fields().forEach(f -> keyList.add(f.key()));
        keyList.addAll(List.of("notes", "caseId", "requestKind", "", " item12", "ITEM12", "item75", "item00", "実施日"));
        String[] tokens = {"0", "1", "2", "3", "4", "5", "6", "9", "10", "31", "32", "99", "100", "-1", "2026-12-04",
            "20261204", "2026-02-30", "102-0074", "03-0000-0000", "99999999999999999999", "１", "\u0000", "\uD800", "𠮷",
            "ｱｲｳ", "\u3000", "null", "${jndi:x}", "", " 1 "};
        Set<String> surveyKeys = Set.copyOf(SURVEY.fields().stream().map(FieldSpec::key).toList());
        Set<String> assignmentKeys = Set.copyOf(ASSIGNMENT.fields().stream().map(FieldSpec::key).toList());
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        int rounds = Fuzz.rounds(2_000);
        for (int round = 0; round < rounds; round++) {
            boolean survey = random.nextBoolean();
            DocumentLayout layout = survey ? SURVEY : ASSIGNMENT;
            Map<String, String> values = random.nextBoolean() ? new HashMap<>(survey ? survey() : assignment())
                    : new HashMap<>();
            int size = random.nextInt(values.isEmpty() ? 40 : 3);
            for (int i = 0; i < size; i++) {
                String key = random.nextInt(6) == 0 ? randomText(random) : keyList.get(random.nextInt(keyList.size()));
                String value = switch (random.nextInt(6)) {
                    case 0 -> null;
                    case 1, 2 -> tokens[random.nextInt(tokens.length)];
                    case 3 -> SECRET + randomText(random);
                    default -> tokens[random.nextInt(tokens.length)] + randomText(random);
                };
                values.put(random.nextInt(300) == 0 ? null : key, value);
            }
            Validated result;
            try {
                result = layout.validate(values);
            } catch (RuntimeException e) {
                fail("seed " + fuzz.seed() + ", round " + round + ": " + values, e);
                return;
            }
            // plain checks in the loop (an assertion per violation made the test slow), one assertion at the end
            Set<String> layoutKeys = layout == SURVEY ? surveyKeys : assignmentKeys;
            if (result instanceof Validated.Valid ok) {
                valid++;
                if (!layoutKeys.containsAll(ok.values().keySet())) {
                    wrong.add("round " + round + ": valid with foreign keys " + ok.values().keySet());
                }
            } else {
                List<Violation> problems = ((Validated.Invalid) result).violations();
                if (problems.isEmpty()) {
                    wrong.add("round " + round + ": invalid without a violation");
                }
                for (Violation v : problems) {
                    boolean echoes = v.field().contains(SECRET) || v.label().contains(SECRET)
                            || v.reason().contains(SECRET);
                    boolean named = layoutKeys.contains(v.field()) || v.reason().equals("この様式にない項目です");
                    if (echoes || !named || v.reason().isBlank()) {
                        wrong.add("round " + round + ": " + v);
                    }
                }
            }
        }
        assertThat(wrong).as("seed %d", fuzz.seed()).isEmpty();
        // the loop must reach the row rules too, not only the field checks
        assertThat(valid).as("rounds that gave Valid").isBetween(rounds / 50, rounds / 2);
    }

    private static final String SECRET = "秘密の値";

    /** Applies each row's changes to the whole document and compares the violations with the row's. */
    private static List<String> failures(DocumentLayout layout, String table, Map<String, String> whole) {
        List<String> failures = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String changes = cells[0].strip();
            String field = cells[1].strip();
            String reason = cells[2].strip();
            Map<String, String> values = new LinkedHashMap<>(whole);
            if (!changes.equals("-")) {
                for (String change : changes.split(";")) {
                    int eq = change.indexOf('=');
                    String value = change.substring(eq + 1);
                    if (value.isEmpty()) {
                        values.remove(change.substring(0, eq));
                    } else {
                        values.put(change.substring(0, eq), value);
                    }
                }
            }
            List<Violation> violations;
            try {
                violations = layout.violations(values);
            } catch (RuntimeException e) {
                failures.add(line.strip() + "\n    threw " + e);
                continue;
            }
            boolean ok = field.equals("-") ? violations.isEmpty()
                    : violations.stream().map(Violation::field).toList().equals(List.of(field.split(",")))
                            && violations.stream().allMatch(v -> v.reason().contains(reason));
            if (!ok) {
                failures.add(line.strip() + "\n    got " + violations);
            }
        }
        return failures;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) switch (random.nextInt(4)) {
                case 0 -> '0' + random.nextInt(10);
                case 1 -> 'a' + random.nextInt(26);
                case 2 -> 0x3040 + random.nextInt(0x60);
                default -> random.nextInt(0x10000);
            });
        }
        return text.toString();
    }
}
