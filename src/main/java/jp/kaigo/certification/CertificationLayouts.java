package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Violation;

/**
 * Field layouts of the 要介護認定 files. The record's 有効開始日 is the day it was made (申請日, 調査実施日,
 * 記入日); one 履歴番号 per application, survey or opinion. Codes follow formats-and-codes.md §5.
 */
final class CertificationLayouts {
    /** The 74 基本調査 items (2009 版): label and answer pattern, in order. */
    private static final String[][] SURVEY_ITEMS = {
        {"1-1 麻痺(左上肢)", "P1"}, {"1-1 麻痺(右上肢)", "P1"}, {"1-1 麻痺(左下肢)", "P1"}, {"1-1 麻痺(右下肢)", "P1"},
        {"1-1 麻痺(その他)", "P1"}, {"1-2 拘縮(肩関節)", "P1"}, {"1-2 拘縮(股関節)", "P1"}, {"1-2 拘縮(膝関節)", "P1"},
        {"1-2 拘縮(その他)", "P1"}, {"1-3 寝返り", "P2"}, {"1-4 起き上がり", "P2"}, {"1-5 座位保持", "P3"},
        {"1-6 両足での立位保持", "P4"}, {"1-7 歩行", "P2"}, {"1-8 立ち上がり", "P2"}, {"1-9 片足での立位", "P4"},
        {"1-10 洗身", "P6"}, {"1-11 つめ切り", "P7"}, {"1-12 視力", "P8"}, {"1-13 聴力", "P9"},
        {"2-1 移乗", "P10"}, {"2-2 移動", "P10"}, {"2-3 えん下", "P11"}, {"2-4 食事摂取", "P10"},
        {"2-5 排尿", "P10"}, {"2-6 排便", "P10"}, {"2-7 口腔清潔", "P12"}, {"2-8 洗顔", "P12"},
        {"2-9 整髪", "P12"}, {"2-10 上衣の着脱", "P10"}, {"2-11 ズボン等の着脱", "P10"}, {"2-12 外出頻度", "P13"},
        {"3-1 意思の伝達", "P14"}, {"3-2 毎日の日課を理解", "P15"}, {"3-3 生年月日や年齢を言う", "P15"},
        {"3-4 短期記憶", "P15"}, {"3-5 自分の名前を言う", "P15"}, {"3-6 今の季節を理解", "P15"},
        {"3-7 場所の理解", "P15"}, {"3-8 徘徊", "P16"}, {"3-9 外出すると戻れない", "P16"},
        {"4-1 被害的", "P16"}, {"4-2 作話", "P16"}, {"4-3 感情が不安定", "P16"}, {"4-4 昼夜逆転", "P16"},
        {"4-5 同じ話をする", "P16"}, {"4-6 大声を出す", "P16"}, {"4-7 介護に抵抗", "P16"}, {"4-8 落ち着きなし", "P16"},
        {"4-9 一人で出たがる", "P16"}, {"4-10 収集癖", "P16"}, {"4-11 物や衣類を壊す", "P16"},
        {"4-12 ひどい物忘れ", "P16"}, {"4-13 独り言・独り笑い", "P16"}, {"4-14 自分勝手に行動する", "P16"},
        {"4-15 話がまとまらない", "P16"}, {"5-1 薬の内服", "P12"}, {"5-2 金銭の管理", "P12"},
        {"5-3 日常の意思決定", "P17"}, {"5-4 集団への不適応", "P16"}, {"5-5 買い物", "P10"}, {"5-6 簡単な調理", "P10"},
        {"6 点滴の管理", "P1"}, {"6 中心静脈栄養", "P1"}, {"6 透析", "P1"}, {"6 ストーマの処置", "P1"},
        {"6 酸素療法", "P1"}, {"6 レスピレーター", "P1"}, {"6 気管切開の処置", "P1"}, {"6 疼痛の看護", "P1"},
        {"6 経管栄養", "P1"}, {"6 モニター測定", "P1"}, {"6 じょくそうの処置", "P1"}, {"6 カテーテル", "P1"},
    };

    /** Answer patterns of the 基本調査: code 1, 2, … in this order. */
    private static final Map<String, String[]> PATTERNS = Map.ofEntries(
            Map.entry("P1", new String[] {"ない", "ある"}),
            Map.entry("P2", new String[] {"つかまらないでできる", "何かにつかまればできる", "できない"}),
            Map.entry("P3", new String[] {"できる", "自分の手で支えればできる", "支えてもらえればできる", "できない"}),
            Map.entry("P4", new String[] {"支えなしでできる", "何か支えがあればできる", "できない"}),
            Map.entry("P6", new String[] {"介助されていない", "一部介助", "全介助", "行っていない"}),
            Map.entry("P7", new String[] {"介助されていない", "一部介助", "全介助"}),
            Map.entry("P8", new String[] {"普通", "約1m離れた視力確認表の図が見える", "目の前に置いた視力確認表の図が見える",
                "ほとんど見えない", "見えているのか判断不能"}),
            Map.entry("P9", new String[] {"普通", "普通の声がやっと聞き取れる", "かなり大きな声なら何とか聞き取れる",
                "ほとんど聞えない", "聞えているのか判断不能"}),
            Map.entry("P10", new String[] {"介助されていない", "見守り等", "一部介助", "全介助"}),
            Map.entry("P11", new String[] {"できる", "見守り等", "できない"}),
            Map.entry("P12", new String[] {"介助されていない", "一部介助", "全介助"}),
            Map.entry("P13", new String[] {"週1回以上", "月1回以上", "月1回未満"}),
            Map.entry("P14", new String[] {"調査対象者が意思を他者に伝達できる", "ときどき伝達できる", "ほとんど伝達できない",
                "できない"}),
            Map.entry("P15", new String[] {"できる", "できない"}),
            Map.entry("P16", new String[] {"ない", "ときどきある", "ある"}),
            Map.entry("P17", new String[] {"できる(特別な場合でもできる)", "特別な場合を除いてできる", "日常的に困難",
                "できない"}));

    static final int SURVEY_ITEM_COUNT = SURVEY_ITEMS.length;

    /** 申請区分 (formats-and-codes.md §5): shared by the file layout and the online application (DocumentLayouts). */
    static final Map<String, String> APPLICATION_TYPES = Collections.unmodifiableMap(codes("1", "新規申請",
            "2", "更新申請", "3", "区分変更申請", "4", "転入申請"));
    /** 進捗 of an application up to the result: the file layout's and the progress-notice document's codes. */
    static final Map<String, String> PROGRESS = Collections.unmodifiableMap(codes("1", "申請受付", "2", "認定調査",
            "3", "主治医意見書", "4", "一次判定", "5", "介護認定審査会", "6", "認定", "7", "取下げ"));
    /** 実施場所 of the 認定調査 (概況調査): also the 調査場所 the applicant gives, so the assignment copies it. */
    static final Map<String, String> SURVEY_PLACES = Collections.unmodifiableMap(codes("1", "自宅内", "2", "自宅外",
            "3", "その他"));
    /** 依頼区分 of the 認定調査 (FC §5.1): the file's column and the survey-assignment document's field. */
    static final Map<String, String> SURVEY_REQUEST_KINDS = Collections.unmodifiableMap(codes("0", "初回",
            "1", "再依頼", "2", "再調査"));
    /** 障害高齢者の日常生活自立度 as the 調査票 codes it (FC §5.2; the 意見書 differs: 0 未記入, no 10). */
    static final Map<String, String> SURVEY_DISABILITY_INDEPENDENCE = Collections.unmodifiableMap(codes("1", "自立",
            "2", "J1", "3", "J2", "4", "A1", "5", "A2", "6", "B1", "7", "B2", "8", "C1", "9", "C2", "10", "記載無し"));
    /** 認知症高齢者の日常生活自立度 as the 調査票 codes it (FC §5.2). */
    static final Map<String, String> SURVEY_DEMENTIA_INDEPENDENCE = Collections.unmodifiableMap(codes("1", "自立",
            "2", "Ⅰ", "3", "Ⅱa", "4", "Ⅱb", "5", "Ⅲa", "6", "Ⅲb", "7", "Ⅳ", "8", "M", "9", "記載無し"));

    private CertificationLayouts() {
    }

    static RecordLayout certification() {
        Map<String, String> levels = new LinkedHashMap<>();
        CareLevel.all().forEach(l -> levels.put(l.code(), l.name()));
        List<FieldSpec> f = List.of(
                code("applicationType", "申請区分", APPLICATION_TYPES).mandatory(),
                date("appliedOn", "申請日").mandatory(),
                code("progress", "進捗", PROGRESS).mandatory(),
                date("surveyedOn", "認定調査実施日"),
                checked("opinionInstitution", "意見書作成医療機関コード", "数字10桁", MedicalInstitutionCode::new),
                date("opinionRequestedOn", "意見書作成依頼日"),
                date("opinionReceivedOn", "意見書受領日"),
                code("firstJudgement", "一次判定結果", levels),
                date("firstJudgedOn", "一次判定日"),
                minutes("standardMinutes", "要介護認定等基準時間(分)"),
                minutes("minutesMeal", "基準時間 食事"),
                minutes("minutesExcretion", "基準時間 排泄"),
                minutes("minutesMovement", "基準時間 移動"),
                minutes("minutesHygiene", "基準時間 清潔保持"),
                minutes("minutesIndirect", "基準時間 間接生活介助"),
                minutes("minutesBpsd", "基準時間 BPSD関連行為"),
                minutes("minutesTraining", "基準時間 機能訓練関連行為"),
                minutes("minutesMedical", "基準時間 医療関連行為"),
                score("score1", "中間評価項目得点 第1群(身体機能・起居動作)"),
                score("score2", "中間評価項目得点 第2群(生活機能)"),
                score("score3", "中間評価項目得点 第3群(認知機能)"),
                score("score4", "中間評価項目得点 第4群(精神・行動障害)"),
                score("score5", "中間評価項目得点 第5群(社会生活への適応)"),
                date("boardOn", "介護認定審査会開催日"),
                code("result", "二次判定結果(要介護状態区分)", levels),
                date("certifiedOn", "認定日"),
                date("certValidFrom", "認定有効期間開始日"),
                date("certValidTo", "認定有効期間終了日"),
                text("boardOpinion", "介護認定審査会の意見", 400));
        return new RecordLayout("certification", "要介護認定(申請・進捗・結果)", f, List.of(
                notBefore("surveyedOn", "認定調査実施日", "appliedOn", "申請日"),
                notBefore("certifiedOn", "認定日", "appliedOn", "申請日"),
                notBefore("certValidTo", "認定有効期間終了日", "certValidFrom", "認定有効期間開始日"),
                v -> "6".equals(v.get("progress")) && (v.get("result") == null || v.get("certifiedOn") == null)
                        ? Optional.of(new Violation("result", "二次判定結果(要介護状態区分)",
                                "進捗が「認定」のときは二次判定結果と認定日が必要です"))
                        : Optional.empty(),
                v -> v.get("opinionRequestedOn") != null && v.get("opinionInstitution") == null
                        ? Optional.of(new Violation("opinionInstitution", "意見書作成医療機関コード",
                                "意見書作成依頼日があるときは依頼先の医療機関コードが必要です"))
                        : Optional.empty()));
    }

    /** Minutes per day with one decimal, as the 認定ソフト reports them (0.0–999.9). */
    static FieldSpec minutes(String key, String label) {
        return oneDecimal(key, label, "分(小数1桁まで、0〜999.9)", "999.9");
    }

    /** A 中間評価項目得点 (0.0–100.0, one decimal). */
    static FieldSpec score(String key, String label) {
        return oneDecimal(key, label, "得点(0〜100、小数1桁まで)", "100");
    }

    /** A number from 0 to {@code max} with at most three digits before and one after the point, as text. */
    static FieldSpec oneDecimal(String key, String label, String rule, String max) {
        BigDecimal limit = new BigDecimal(max);
        return checked(key, label, rule, v -> {
            if (!v.matches("[0-9]{1,3}(\\.[0-9])?") || new BigDecimal(v).compareTo(limit) > 0) {
                throw new IllegalArgumentException("out of range");
            }
        });
    }

    /**
     * The 74 基本調査 items {@code item01}…{@code item74} as optional coded fields, in order: the file interface's
     * columns and, made mandatory, the care-survey document's items (SurveyLayouts) — one definition for both paths.
     */
    static List<FieldSpec> surveyItems() {
        List<FieldSpec> items = new ArrayList<>(SURVEY_ITEMS.length);
        for (int i = 0; i < SURVEY_ITEMS.length; i++) {
            String[] answers = PATTERNS.get(SURVEY_ITEMS[i][1]);
            Map<String, String> codes = new LinkedHashMap<>();
            for (int a = 0; a < answers.length; a++) {
                codes.put(String.valueOf(a + 1), answers[a]);
            }
            items.add(code("item%02d".formatted(i + 1), SURVEY_ITEMS[i][0], codes));
        }
        return List.copyOf(items);
    }

    static RecordLayout careSurvey() {
        List<FieldSpec> f = new ArrayList<>(List.of(
                date("surveyedOn", "実施日").mandatory(),
                code("place", "実施場所", SURVEY_PLACES),
                code("requestKind", "依頼区分", SURVEY_REQUEST_KINDS),
                code("entrustment", "委託区分", codes("1", "保険者", "2", "指定市町村事務受託法人", "3", "居宅介護支援事業者",
                        "4", "介護保険施設", "5", "介護支援専門員", "6", "他市町村", "9", "その他"))));
        f.addAll(surveyItems());
        f.add(code("disabilityIndependence", "障害高齢者の日常生活自立度", SURVEY_DISABILITY_INDEPENDENCE));
        f.add(code("dementiaIndependence", "認知症高齢者の日常生活自立度", SURVEY_DEMENTIA_INDEPENDENCE));
        f.add(text("notes", "特記事項", 4000));
        return new RecordLayout("care-survey", "認定調査票(概況調査・基本調査・特記事項)", f, List.<RowRule>of());
    }

    static RecordLayout doctorOpinion() {
        List<FieldSpec> f = List.of(
                checked("institutionCode", "医療機関コード", "数字10桁", MedicalInstitutionCode::new).mandatory(),
                text("doctorName", "医師氏名", 60).mandatory(),
                date("writtenOn", "記入日").mandatory(),
                code("count", "作成回数", codes("1", "初回", "2", "2回目以上")),
                code("setting", "在宅・施設", codes("1", "在宅", "2", "施設")),
                date("lastExaminedOn", "最終診察日"),
                text("diagnosis1", "診断名1", 100),
                text("diagnosis2", "診断名2", 100),
                text("diagnosis3", "診断名3", 100),
                code("stability", "症状としての安定性", codes("1", "安定", "2", "不安定", "3", "不明")),
                code("disabilityIndependence", "障害高齢者の日常生活自立度", codes("0", "未記入", "1", "自立", "2", "J1",
                        "3", "J2", "4", "A1", "5", "A2", "6", "B1", "7", "B2", "8", "C1", "9", "C2")),
                code("dementiaIndependence", "認知症高齢者の日常生活自立度", codes("1", "自立", "2", "Ⅰ", "3", "Ⅱa",
                        "4", "Ⅱb", "5", "Ⅲa", "6", "Ⅲb", "7", "Ⅳ", "8", "M", "9", "記載無し")),
                code("shortTermMemory", "短期記憶", codes("1", "問題なし", "2", "問題あり")),
                code("decisionMaking", "日常の意思決定を行うための認知能力", codes("1", "自立", "2", "いくらか困難",
                        "3", "見守りが必要", "4", "判断できない")),
                code("communication", "自分の意思の伝達能力", codes("1", "伝えられる", "2", "いくらか困難",
                        "3", "具体的要求に限られる", "4", "伝えられない")),
                text("notes", "特記すべき事項", 4000));
        return new RecordLayout("doctor-opinion", "主治医意見書", f, List.of(
                notBefore("writtenOn", "記入日", "lastExaminedOn", "最終診察日")));
    }
}
