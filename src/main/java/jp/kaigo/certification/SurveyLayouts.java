package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Violation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layouts of the 認定調査 documents (docs/design/certification-online.md §4): the 認定調査依頼 the municipality
 * sends to the office it entrusts (§4.1) and the 認定調査票 the surveyor sends back (§4.2), as {@link DocumentLayout}
 * beans the {@code exchange} module collects.
 *
 * <p>As in {@link DocumentLayouts}, only what a sender types is a field; what the platform sets is refused when a
 * payload carries it ("この様式にない項目です"). For the assignment that is {@code caseId} (the case the clerk
 * assigns), the person (read through {@code access} under ASSIGNED_SURVEYOR, never copied) and the 委託区分 (from
 * the recipient office's designation, S6). For the survey it is the case and the person, the surveyor's account and
 * office (the authenticated sender), {@code requestKind} and {@code entrustment} (from the assignment),
 * {@code surveyKind} (0 for the case's first survey, else 1) and {@code entrustedOfficeNo} (the sending office).
 * The surveyor's name is a field: the portal prefills it from the account, the surveyor may correct it (§4.2.1).
 *
 * <p>Rules that need facts outside the payload are checked where those facts are: "実施日 within [申請日, today]"
 * needs the case and the clock; "イメージ ⇒ one PDF attachment" needs the attachments, which are not fields.
 */
@Configuration(proxyBeanMethods = false)
class SurveyLayouts {
    /** The 調査票 version: the 2009 基本調査 items as the 厚労省 interface tags them (FC §5.2 "09B"). */
    static final String VERSION = "09B";

    /** 現在のサービス利用, 20 rows (design §4.2.1, R ServiceJokyo09B): 介護給付 name and the unit it is counted in. */
    private static final String[][] SERVICES = {
        {"訪問介護", "回/月"}, {"訪問入浴介護", "回/月"}, {"訪問看護", "回/月"}, {"訪問リハビリテーション", "回/月"},
        {"居宅療養管理指導", "回/月"}, {"通所介護", "回/月"}, {"通所リハビリテーション", "回/月"},
        {"短期入所生活介護", "日/月"}, {"短期入所療養介護", "日/月"}, {"特定施設入居者生活介護", "日/月"},
        {"福祉用具貸与", "品目"}, {"特定福祉用具販売", "品目/6カ月"}, {"夜間対応型訪問介護", "日/月"},
        {"認知症対応型通所介護", "日/月"}, {"小規模多機能型居宅介護", "日/月"}, {"認知症対応型共同生活介護", "日/月"},
        {"地域密着型特定施設入居者生活介護", "日/月"}, {"地域密着型介護老人福祉施設入所者生活介護", "日/月"},
        {"定期巡回・随時対応型訪問介護看護", "回/月"}, {"看護小規模多機能型居宅介護", "日/月"},
    };
    static final int SERVICE_ROWS = SERVICES.length;
    private static final String PER_DAY_OF_MONTH = "日/月";

    /** 施設利用 (FC §5.1). */
    static final Map<String, String> FACILITIES = codes("1", "居宅", "2", "介護老人福祉施設", "3", "介護老人保健施設",
            "4", "介護療養型医療施設", "5", "認知症対応型共同生活介護", "6", "特定施設入居者生活介護",
            "7", "医療機関(療養病床)", "8", "医療機関(療養病床以外)", "9", "その他");

    private static final Pattern POSTCODE = Pattern.compile("[0-9]{3}-?[0-9]{4}");
    private static final String AT_HOME = "1";
    private static final String NO_SERVICE = "9";

    /** 認定調査依頼 (保 → 介), design §4.1: 依頼区分, the 調査場所 and 連絡先 copied from the application, 期限. */
    @Bean
    DocumentLayout surveyAssignment() {
        // the application's own fields (§3.2), so that what the clerk copies from it always validates here
        DocumentLayout application = new DocumentLayouts().certificationApplication();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(code("requestKind", "依頼区分", CertificationLayouts.SURVEY_REQUEST_KINDS).mandatory());
        for (String key : List.of("surveyPlace", "surveyPlaceName", "surveyPlaceAddress", "surveyContactName",
                "surveyContactRelation", "surveyContactPhone", "surveyNotes")) {
            fields.add(application.field(key).orElseThrow());
        }
        // optional like the opinion request's 提出期限; "not in the past" needs the clock and is checked when assigned
        fields.add(date("dueOn", "調査票の提出期限"));

        Rules rules = new Rules(fields);
        Predicate<Map<String, Object>> away = v -> !AT_HOME.equals(v.get("surveyPlace"));
        rules.requiredWhen(List.of("surveyPlaceName", "surveyPlaceAddress"), away, "調査場所が自宅内でないときは必須です");
        return new DocumentLayout(DocumentKind.SURVEY_ASSIGNMENT, DocumentKind.SURVEY_ASSIGNMENT.label(),
                DocumentLayouts.VERSION, fields, rules.list);
    }

    /** 認定調査票 (概況調査・基本調査・特記事項), design §4.2: what the surveyor types. */
    @Bean
    DocumentLayout careSurvey() {
        FieldSpec phone = new DocumentLayouts().certificationApplication().field("phone").orElseThrow();
        List<FieldSpec> fields = new ArrayList<>();
        // 概況調査 §4.2.1
        fields.add(date("surveyedOn", "実施日").mandatory());
        fields.add(code("place", "実施場所", CertificationLayouts.SURVEY_PLACES).mandatory());
        fields.add(text("placeName", "実施場所名称", 100));
        fields.add(text("surveyorName", "調査員氏名", 60));
        // (decision) mandatory: an image 特記 brings an attachment, so the sender says which it is (portal: always 1)
        fields.add(code("textImage", "テキスト/イメージ区分", codes("1", "テキスト", "2", "イメージ")).mandatory());
        fields.add(code("serviceKubun", "現在受けているサービスの区分", codes("1", "予防給付", "2", "介護給付",
                NO_SERVICE, "なし")).mandatory());
        List<String> services = new ArrayList<>(SERVICES.length);
        for (int i = 0; i < SERVICES.length; i++) {
            String key = "service%02d".formatted(i + 1);
            String unit = SERVICES[i][1];
            // a day count per month cannot pass 31; counts of visits and items are two digits on the form
            int max = PER_DAY_OF_MONTH.equals(unit) ? 31 : 99;
            fields.add(integer(key, "現在のサービス利用 " + SERVICES[i][0], 0, max).in(unit));
            services.add(key);
        }
        // (decision) codes: R's code list for 住宅改修 was not read
        fields.add(code("homeModification", "住宅改修", codes("1", "なし", "2", "あり")));
        fields.add(text("serviceOther", "市町村特別給付・その他", 200));
        fields.add(code("facility", "施設利用", FACILITIES).mandatory());
        fields.add(text("facilityName", "施設名", 100));
        fields.add(checked("facilityPostcode", "施設の郵便番号", "半角数字7桁(3桁-4桁も可)", s -> {
            if (!POSTCODE.matcher(s).matches()) {
                throw new IllegalArgumentException("not a postcode");
            }
        }));
        fields.add(text("facilityAddress", "施設の住所", 200));
        fields.add(new FieldSpec("facilityPhone", "施設の電話番号", false, phone.rule(), phone.codes(), phone.parser()));
        fields.add(text("situationNotes", "概況特記(家族状況・居住環境・虐待の有無 等)", 2000));
        // 基本調査 §4.2.2: the file interface's 74 items, each mandatory (the 一次判定 needs every answer)
        CertificationLayouts.surveyItems().forEach(item -> fields.add(item.mandatory()));
        // 自立度 and 特記事項 §4.2.3
        fields.add(code("disabilityIndependence", "障害高齢者の日常生活自立度(寝たきり度)",
                CertificationLayouts.SURVEY_DISABILITY_INDEPENDENCE).mandatory());
        fields.add(code("dementiaIndependence", "認知症高齢者の日常生活自立度",
                CertificationLayouts.SURVEY_DEMENTIA_INDEPENDENCE).mandatory());
        String[][] notes = {{"notes1", "第1群 身体機能・起居動作"}, {"notes2", "第2群 生活機能"}, {"notes3", "第3群 認知機能"},
            {"notes4", "第4群 精神・行動障害"}, {"notes5", "第5群 社会生活への適応"}, {"notesMedical", "特別な医療"},
            {"notesIndependence", "日常生活自立度"}};
        for (String[] note : notes) {
            fields.add(text(note[0], "特記事項 " + note[1], 4000));
        }

        Rules rules = new Rules(fields);
        rules.requiredWhen(List.of("placeName"), v -> !AT_HOME.equals(v.get("place")),
                "実施場所が自宅内でないときは必須です");
        rules.requiredWhen(List.of("facilityName", "facilityPostcode", "facilityAddress", "facilityPhone"),
                v -> !"1".equals(v.get("facility")), "施設利用が居宅でないときは必須です");
        rules.absentWhen(services, v -> NO_SERVICE.equals(v.get("serviceKubun")),
                "現在受けているサービスが「なし」のときは記入しません");
        return new DocumentLayout(DocumentKind.CARE_SURVEY, DocumentKind.CARE_SURVEY.label(), VERSION, fields,
                rules.list);
    }

    /** Row rules over named fields of one layout; each violation carries the field's own key and label. */
    private static final class Rules {
        private final List<FieldSpec> fields;
        private final List<RowRule> list = new ArrayList<>();

        Rules(List<FieldSpec> fields) {
            this.fields = fields;
        }

        /** Each field must be given when the condition holds. */
        void requiredWhen(List<String> keys, Predicate<Map<String, Object>> when, String reason) {
            for (String key : keys) {
                Violation violation = new Violation(key, label(key), reason);
                list.add(v -> when.test(v) && !v.containsKey(key) ? Optional.of(violation) : Optional.empty());
            }
        }

        /** Each field must be left blank when the condition holds. */
        void absentWhen(List<String> keys, Predicate<Map<String, Object>> when, String reason) {
            for (String key : keys) {
                Violation violation = new Violation(key, label(key), reason);
                list.add(v -> when.test(v) && v.containsKey(key) ? Optional.of(violation) : Optional.empty());
            }
        }

        private String label(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).findFirst().map(FieldSpec::label)
                    .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in the layout"));
        }
    }
}
