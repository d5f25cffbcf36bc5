package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.phone;
import static jp.kaigo.ingest.Fields.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Violation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layouts of the documents this module owns (docs/design/certification-online.md §2.3), as
 * {@link DocumentLayout} beans the {@code exchange} module collects to validate what a sender sends.
 *
 * <p>Only what a sender types is in a layout. What the platform sets or shows from its own records is not a field:
 * a payload that carries it is refused ("この様式にない項目です"), so the one source of truth stays the registry, the
 * certification records and the sender the platform authenticated. For the application (§3.2) these are
 * {@code appliedOn} (the day sent, JST), {@code insurerNo}/{@code insuredNo} (card link or 担当), the person's
 * {@code name}, {@code nameKana}, {@code birthDate}, {@code sex}, {@code address} (registry), {@code previousLevel},
 * {@code previousValidFrom}, {@code previousValidTo} (certification records), {@code applicantKind} and
 * {@code agentOfficeNo}/{@code agentKind} (from the sender); for the opinion request (§5.1) {@code caseId},
 * {@code applicationType}, {@code appliedOn} and {@code countHint} (from the case).
 *
 * <p>Rules that need facts outside the payload are not layout rules: the 2号 rule (A8: 特定疾病 and the medical
 * insurance card for a person aged 40–64) needs the age and is {@code access.ApplicantRules}'; "提出期限 ≥ today" of
 * an opinion request needs the clock and is checked when the request is made (a stored document is re-validated
 * with its layout and must stay valid after its due day).
 */
@Configuration(proxyBeanMethods = false)
class DocumentLayouts {
    static final String VERSION = "2026-1";

    /** 申請区分 accepted online: the file interface's codes without 4 転入 (A9: 転入 comes with the 受給資格証明書 on paper). */
    static final String TRANSFER_IN = "4";
    static final String TRANSFER_IN_REFUSED =
            "転入申請はオンラインでは受け付けていません(受給資格証明書を添えて窓口で申請してください)";

    /**
     * The 16 特定疾病 of the 2号被保険者 (design §3.2). (statute 介護保険法施行令 第2条, unverified here — check
     * against e-Gov before relying on the wording; the codes 01–16 are ours, in the order of the 政令.)
     */
    static final Map<String, String> SPECIFIC_DISEASES = codes(
            "01", "がん(末期)",
            "02", "関節リウマチ",
            "03", "筋萎縮性側索硬化症",
            "04", "後縦靱帯骨化症",
            "05", "骨折を伴う骨粗鬆症",
            "06", "初老期における認知症",
            "07", "進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病",
            "08", "脊髄小脳変性症",
            "09", "脊柱管狭窄症",
            "10", "早老症",
            "11", "多系統萎縮症",
            "12", "糖尿病性神経障害、糖尿病性腎症及び糖尿病性網膜症",
            "13", "脳血管疾患",
            "14", "閉塞性動脈硬化症",
            "15", "慢性閉塞性肺疾患",
            "16", "両側の膝関節又は股関節に著しい変形を伴う変形性関節症");

    /** A case id as text (8-4-4-4-12 hexadecimal digits): UUID.fromString alone takes shorter groups. */
    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final String APPLICATION_TYPE = "申請区分";
    private static final String NO_DOCTOR = "noDoctor";
    private static final String HOSPITALISED = "hospitalised";
    private static final String SURVEY_PLACE = "surveyPlace";

    /** 要介護・要支援認定申請書 (新規・更新・区分変更), design §3.2: the fields the applicant types. */
    @Bean
    DocumentLayout certificationApplication() {
        List<FieldSpec> fields = List.of(
                applicationType(),
                phone("phone", "本人の電話番号"),
                text("changeReason", "区分変更申請の理由", 400),
                checked("doctorInstitutionCode", "主治医の医療機関コード", "数字10桁(検証番号付き)",
                        MedicalInstitutionCode::new),
                text("doctorInstitutionName", "主治医の医療機関名", 100),
                text("doctorInstitutionAddress", "主治医の医療機関の所在地", 200),
                phone("doctorInstitutionPhone", "主治医の医療機関の電話番号"),
                text("doctorName", "主治医氏名", 60),
                text("doctorDepartment", "診療科", 30),
                code(NO_DOCTOR, "主治医なし(指定医の受診を希望)", codes("1", "はい")),
                code(HOSPITALISED, "過去6か月の入院・入所の有無", codes("1", "無", "2", "有")),
                text("hospitalName", "入院・入所先の名称", 100),
                text("hospitalAddress", "入院・入所先の所在地", 200),
                date("hospitalFrom", "入院・入所の期間(開始)"),
                date("hospitalTo", "入院・入所の期間(終了)"),
                code(SURVEY_PLACE, "調査場所", CertificationLayouts.SURVEY_PLACES).mandatory(),
                text("surveyPlaceName", "調査場所の名称", 100),
                text("surveyPlaceAddress", "調査場所の所在地", 200),
                text("surveyContactName", "調査の連絡先 氏名", 60).mandatory(),
                text("surveyContactRelation", "調査の連絡先 続柄", 20),
                phone("surveyContactPhone", "調査の連絡先 電話番号").mandatory(),
                text("surveyNotes", "調査日時の希望・配慮事項", 400),
                text("medicalInsurer", "医療保険者名", 60),
                text("medicalInsuredSymbol", "医療保険被保険者証の記号・番号", 40),
                code("specificDisease", "特定疾病名", SPECIFIC_DISEASES),
                text("applicantName", "申請者氏名", 60),
                text("applicantRelation", "申請者の本人との関係", 20),
                phone("applicantPhone", "申請者の電話番号"),
                code("blanketConsent", "包括同意(認定調査票・主治医意見書等を担当の居宅介護支援事業所等・医療機関に提供することへの同意)",
                        codes("1", "同意する", "2", "同意しない")).mandatory(),
                code("resultByPaper", "結果通知を紙でも受け取る", codes("1", "はい", "2", "いいえ")));
        Map<String, String> labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.key(), f.label()));

        List<RowRule> rules = new ArrayList<>();
        // 区分変更 says why (design §3.2)
        rules.add(requiredWhen("changeReason", labels, v -> "3".equals(v.get("applicationType")),
                "区分変更申請のときは必須です"));
        // a 主治医, or "主治医なし" (the municipality then names a 指定医, RF §3.2 医師区分 2): one or the other
        Predicate<Map<String, Object>> noDoctor = v -> "1".equals(v.get(NO_DOCTOR));
        for (String key : List.of("doctorInstitutionCode", "doctorInstitutionName", "doctorName")) {
            rules.add(requiredWhen(key, labels, noDoctor.negate(), "主治医なしを選ばないときは必須です"));
        }
        for (String key : List.of("doctorInstitutionCode", "doctorInstitutionName", "doctorInstitutionAddress",
                "doctorInstitutionPhone", "doctorName", "doctorDepartment")) {
            rules.add(absentWhen(key, labels, noDoctor, "主治医なしを選んだときは記入しません"));
        }
        // the hospital of the last 6 months; 期間(終了) may stay blank while the stay goes on (decision)
        Predicate<Map<String, Object>> hospitalised = v -> "2".equals(v.get(HOSPITALISED));
        for (String key : List.of("hospitalName", "hospitalAddress", "hospitalFrom")) {
            rules.add(requiredWhen(key, labels, hospitalised, "入院・入所が「有」のときは必須です"));
        }
        rules.add(notBefore("hospitalTo", labels.get("hospitalTo"), "hospitalFrom", labels.get("hospitalFrom")));
        // surveyed elsewhere than at home: where
        Predicate<Map<String, Object>> away = v -> !"1".equals(v.get(SURVEY_PLACE));
        for (String key : List.of("surveyPlaceName", "surveyPlaceAddress")) {
            rules.add(requiredWhen(key, labels, away, "調査場所が自宅内でないときは必須です"));
        }
        // the applicant block describes a family member or representative applying (applicantKind 2); the platform
        // knows the kind from the sender, so the layout asks only that the block is whole when it is given
        List<String> applicant = List.of("applicantName", "applicantRelation", "applicantPhone");
        Predicate<Map<String, Object>> applicantGiven = v -> applicant.stream().anyMatch(v::containsKey);
        for (String key : applicant) {
            rules.add(requiredWhen(key, labels, applicantGiven, "申請者欄は氏名・本人との関係・電話番号をそろえて記入してください"));
        }
        return new DocumentLayout(DocumentKind.CERTIFICATION_APPLICATION, DocumentKind.CERTIFICATION_APPLICATION.label(),
                VERSION, fields, rules);
    }

    /** 主治医意見書作成依頼 (保 → 医), design §5.1: what the clerk types. */
    @Bean
    DocumentLayout opinionRequest() {
        return new DocumentLayout(DocumentKind.OPINION_REQUEST, DocumentKind.OPINION_REQUEST.label(), VERSION, List.of(
                code("requestKind", "依頼区分", codes("1", "初回依頼", "2", "再依頼", "3", "再意見書")).mandatory(),
                code("doctorKind", "医師区分", codes("1", "主治医", "2", "指定医")).mandatory(),
                text("doctorName", "依頼先医師氏名", 60),
                date("dueOn", "提出期限"),
                text("message", "連絡事項", 400)), List.of());
    }

    /** 認定審査会の進捗状況区分 (保 → 介), design §2.3: {caseId, progress, at}, progress as the file's 進捗 (§3.3). */
    @Bean
    DocumentLayout progressNotice() {
        return new DocumentLayout(DocumentKind.PROGRESS_NOTICE, DocumentKind.PROGRESS_NOTICE.label(), VERSION, List.of(
                checked("caseId", "認定案件", "UUID(8-4-4-4-12 の16進数)", s -> {
                    if (!UUID_TEXT.matcher(s).matches()) {
                        throw new IllegalArgumentException("not a UUID");
                    }
                }).mandatory(),
                code("progress", "進捗", CertificationLayouts.PROGRESS).mandatory(),
                checked("at", "日時", "ISO-8601 の日時(時差付き、例 2026-12-06T10:00:00+09:00)", OffsetDateTime::parse)
                        .mandatory()), List.of());
    }

    /** 申請区分 1–3; 4 転入 is a code of the file interface but not of the online application, and says why. */
    private static FieldSpec applicationType() {
        Map<String, String> online = new LinkedHashMap<>(CertificationLayouts.APPLICATION_TYPES);
        online.remove(TRANSFER_IN);
        FieldSpec codeField = code("applicationType", APPLICATION_TYPE, online);
        return new FieldSpec(codeField.key(), codeField.label(), true, codeField.rule(), codeField.codes(), s -> {
            if (TRANSFER_IN.equals(s)) {
                throw new InvalidValue("applicationType", APPLICATION_TYPE, TRANSFER_IN_REFUSED);
            }
            return codeField.parser().parse(s);
        });
    }


    /** The field must be given when the condition holds. */
    private static RowRule requiredWhen(String key, Map<String, String> labels, Predicate<Map<String, Object>> when,
            String reason) {
        String label = label(key, labels);
        return v -> when.test(v) && !v.containsKey(key) ? Optional.of(new Violation(key, label, reason))
                : Optional.empty();
    }

    /** The field must be left blank when the condition holds. */
    private static RowRule absentWhen(String key, Map<String, String> labels, Predicate<Map<String, Object>> when,
            String reason) {
        String label = label(key, labels);
        return v -> when.test(v) && v.containsKey(key) ? Optional.of(new Violation(key, label, reason))
                : Optional.empty();
    }

    private static String label(String key, Map<String, String> labels) {
        String label = labels.get(key);
        if (label == null) {
            throw new IllegalArgumentException("no field " + key + " in the layout");
        }
        return label;
    }
}
