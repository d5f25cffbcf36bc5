package jp.kaigo.exchange;

import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.phone;
import static jp.kaigo.ingest.Fields.text;

import java.util.List;
import java.util.Map;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.DocumentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layouts of the two documents of a hospital stay (docs/design/care-documents.md §2), after MHLW's 参考様式 (様式例)
 * 入院時情報提供書 and 退院・退所情報記録書 of the 居宅介護支援 入院時情報連携加算・退院・退所加算: their sections and items, the
 * check-box items as codes. No record module holds these, so the exchange module owns their layouts.
 */
@Configuration(proxyBeanMethods = false)
class CareTransitionLayouts {
    static final String VERSION = "R3-2021";
    private static final Map<String, String> CARE_LEVEL = codes("12", "要支援1", "13", "要支援2", "21", "要介護1", "22",
            "要介護2", "23", "要介護3", "24", "要介護4", "25", "要介護5", "AP", "申請中", "CH", "区分変更申請中", "NA", "未申請");
    private static final Map<String, String> ADL = codes("1", "自立", "2", "見守り", "3", "一部介助", "4", "全介助");
    private static final Map<String, String> YES_NO = codes("1", "あり", "2", "なし");

    /** 入院時情報提供書 (介 → 医): what the care manager tells the hospital when the person is admitted. */
    @Bean
    DocumentLayout admissionInfo() {
        return new DocumentLayout(DocumentKind.ADMISSION_INFO, DocumentKind.ADMISSION_INFO.label(), VERSION, List.of(
                date("admittedOn", "入院日").mandatory(),
                date("providedOn", "情報提供日").mandatory(),
                text("hospitalContact", "医療機関のご担当者名", 40),
                text("careManagerName", "ケアマネジャー氏名", 40).mandatory(),
                phone("officePhone", "事業所の電話番号").mandatory(),
                // 1. 利用者(患者)基本情報
                code("housing", "住居の種類", codes("1", "戸建て", "2", "集合住宅")),
                integer("roomFloor", "居室の階", 1, 99),
                code("elevator", "エレベーター", codes("1", "有", "2", "無")),
                text("housingNote", "住環境の特記事項", 200),
                code("careLevel", "入院時の要介護度", CARE_LEVEL).mandatory(),
                code("elderlyIndependence", "障害高齢者の日常生活自立度", codes("0", "自立", "J1", "J1", "J2", "J2", "A1",
                        "A1", "A2", "A2", "B1", "B1", "B2", "B2", "C1", "C1", "C2", "C2")),
                code("dementiaIndependence", "認知症高齢者の日常生活自立度", codes("0", "自立", "1", "Ⅰ", "2a", "Ⅱa", "2b",
                        "Ⅱb", "3a", "Ⅲa", "3b", "Ⅲb", "4", "Ⅳ", "M", "M")),
                code("burdenRatio", "介護保険の自己負担割合", codes("1", "1割", "2", "2割", "3", "3割", "9", "不明")),
                // 2. 家族の構成/連絡先
                code("household", "世帯構成", codes("1", "独居", "2", "高齢者世帯", "3", "子と同居", "9", "その他")),
                code("aloneDaytime", "日中独居", YES_NO),
                text("mainCarer", "主介護者(氏名・続柄・同居/別居・電話)", 200),
                text("keyPerson", "キーパーソン(氏名・続柄・連絡先)", 200),
                // 3. 本人/家族の意向
                text("interests", "本人の趣味・興味・関心領域等", 400),
                text("lifeHistory", "本人の生活歴", 400),
                text("personWish", "入院前の本人の生活に対する意向", 400),
                text("familyWish", "入院前の家族の生活に対する意向", 400),
                // 4. 入院前の介護サービスの利用状況
                text("servicesBefore", "入院前の介護サービスの利用状況", 400),
                // 5. 今後の在宅生活の展望(ケアマネジャーとしての意見)
                text("homeRequirements", "在宅生活に必要な要件", 400),
                code("householdAfter", "退院後の世帯状況", codes("1", "独居", "2", "高齢世帯", "3", "子と同居", "9", "その他")),
                code("careCapacity", "介護力", codes("1", "介護力が見込める(十分)", "2", "介護力が見込める(一部)", "3",
                        "介護力は見込めない")),
                code("abuseSuspected", "家族や同居者等による虐待の疑い", YES_NO),
                text("outlookNote", "今後の在宅生活の展望の特記事項", 400),
                // 6. カンファレンス等について
                code("conferenceWish", "カンファレンス等への参加希望", codes("1", "院内の多職種カンファレンス", "2",
                        "退院前カンファレンス", "3", "両方", "4", "希望なし")),
                // 7. 身体・生活機能の状況/療養生活上の課題
                code("paralysis", "麻痺の状況", codes("1", "なし", "2", "軽度", "3", "中度", "4", "重度")),
                code("pressureUlcer", "褥瘡の有無", YES_NO),
                code("adlMoving", "ADL 移動", ADL),
                code("adlTransfer", "ADL 移乗", ADL),
                code("adlDressing", "ADL 更衣", ADL),
                code("adlRising", "ADL 起居動作", ADL),
                code("adlGrooming", "ADL 整容", ADL),
                code("adlBathing", "ADL 入浴", ADL),
                code("adlEating", "ADL 食事", ADL),
                code("adlUrination", "排尿", ADL),
                code("adlDefecation", "排便", ADL),
                code("mealForm", "食事形態", codes("1", "普通", "2", "きざみ", "3", "嚥下障害食", "4", "ミキサー")),
                code("intake", "摂取方法", codes("1", "経口", "2", "経管栄養")),
                code("swallowing", "嚥下機能", codes("1", "むせない", "2", "時々むせる", "3", "常にむせる")),
                code("dentures", "義歯", codes("1", "なし", "2", "部分", "3", "総")),
                text("mentalIssues", "精神面における療養上の問題", 200),
                text("medicalProcedures", "入院前に実施している医療処置", 200),
                // 8. お薬について
                code("medication", "内服薬", YES_NO),
                code("medicationManagement", "薬剤管理", codes("1", "自己管理", "2", "他者による管理")),
                text("medicationNote", "お薬に関する特記事項", 200),
                // 9. かかりつけ医について
                text("familyDoctorInstitution", "かかりつけ医機関名", 60),
                text("familyDoctorName", "かかりつけ医の医師名", 40),
                phone("familyDoctorPhone", "かかりつけ医の電話番号")),
                List.of(notBefore("providedOn", "情報提供日", "admittedOn", "入院日")));
    }

    /** 退院・退所情報記録書 (医 → 介): what the hospital tells the care manager for the discharge. */
    @Bean
    DocumentLayout dischargeRecord() {
        return new DocumentLayout(DocumentKind.DISCHARGE_RECORD, DocumentKind.DISCHARGE_RECORD.label(), VERSION, List.of(
                date("recordedOn", "記入日").mandatory(),
                // 1. 基本情報・現在の状態等
                date("admittedOn", "入院(所)日").mandatory(),
                date("dischargeOn", "退院(所)予定日").mandatory(),
                text("cause", "入院原因疾患(入所目的等)", 200).mandatory(),
                text("ward", "入院・入所先(施設名・棟・室)", 100),
                code("careLevel", "退院(所)時の要介護度", CARE_LEVEL),
                code("levelChangeNeeded", "要介護度の区分変更", codes("1", "要", "2", "不要")),
                text("followUpInstitution", "今後の医学管理の医療機関名", 60),
                code("followUpMethod", "今後の医学管理の方法", codes("1", "通院", "2", "訪問診療")),
                // ① 疾患と入院(所)中の状況
                text("diseases", "現在治療中の疾患", 200),
                code("diseaseState", "疾患の状況", codes("1", "安定", "2", "不安定")),
                code("moving", "移動手段", codes("1", "自立", "2", "杖", "3", "歩行器", "4", "車いす", "9", "その他")),
                code("excretion", "排泄方法", codes("1", "トイレ", "2", "ポータブル", "3", "おむつ", "4", "カテーテル・パウチ")),
                code("bathing", "入浴方法", codes("1", "自立", "2", "シャワー浴", "3", "一般浴", "4", "機械浴", "5", "行わず")),
                code("mealForm", "食事形態", codes("1", "普通", "2", "経管栄養", "9", "その他")),
                code("swallowing", "嚥下機能(むせ)", codes("1", "なし", "2", "時々", "3", "常に")),
                code("oralCare", "口腔ケア", codes("1", "自立", "2", "一部介助", "3", "全介助")),
                code("sleep", "睡眠", codes("1", "良好", "2", "不良")),
                text("cognition", "認知・精神", 200),
                // ② 受け止め/意向
                code("diagnosisDisclosed", "本人への病名告知", YES_NO),
                text("personView", "本人の受け止め・退院後の生活に関する意向", 400),
                text("familyView", "家族の受け止め・退院後の生活に関する意向", 400),
                // 2. 課題認識のための情報(③ 退院後に必要な事柄 ほか)
                text("medicalProcedures", "医療処置の内容", 200),
                text("nursingPoints", "看護の視点", 400),
                text("rehabPoints", "リハビリの視点", 400),
                text("contraindications", "禁忌事項", 200),
                text("prognosis", "症状・病状の予後・予測", 400),
                text("obstacles", "退院に際しての日常生活の阻害要因(心身状況・環境等)", 400),
                text("requirements", "在宅復帰のために整えなければならない要件", 400),
                text("informant", "情報提供者の職種・氏名", 60).mandatory(),
                code("conference", "退院前カンファレンスの開催", codes("1", "有", "2", "無"))),
                List.of(notBefore("dischargeOn", "退院(所)予定日", "admittedOn", "入院(所)日"),
                        notBefore("recordedOn", "記入日", "admittedOn", "入院(所)日")));
    }

}
