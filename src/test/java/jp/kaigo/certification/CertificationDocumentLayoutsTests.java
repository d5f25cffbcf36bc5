package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Validated;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * The layouts of the documents the certification module owns (docs/design/certification-online.md §3.2, §5.1, §2.3),
 * checked against a table written from the design: a full application is valid; each change of a row gives exactly
 * the violation of that row. Plain unit test: the layouts are plain values.
 */
class CertificationDocumentLayoutsTests {
    private static final DocumentLayouts LAYOUTS = new DocumentLayouts();
    private static final DocumentLayout APPLICATION = LAYOUTS.certificationApplication();
    private static final DocumentLayout OPINION_REQUEST = LAYOUTS.opinionRequest();
    private static final DocumentLayout PROGRESS_NOTICE = LAYOUTS.progressNotice();
    private static final String CLINIC = MedicalInstitutionCode.withCheckDigit("131012345").value();

    /** A 新規申請 with a 主治医, never hospitalised, surveyed at home, sent by the person. */
    private static Map<String, String> application() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "1");
        v.put("phone", "03-1234-5678");
        v.put("doctorInstitutionCode", CLINIC);
        v.put("doctorInstitutionName", "千代田クリニック");
        v.put("doctorInstitutionAddress", "東京都千代田区九段南1-2-1");
        v.put("doctorInstitutionPhone", "03-0000-0000");
        v.put("doctorName", "医師 一郎");
        v.put("doctorDepartment", "内科");
        v.put("hospitalised", "1");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 花子");
        v.put("surveyContactRelation", "長女");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("surveyNotes", "平日午前を希望");
        v.put("blanketConsent", "1");
        v.put("resultByPaper", "2");
        return v;
    }

    /**
     * changes to the full application ("key=" removes the key; ";" separates) | the violated fields, in order, each
     * with the reason (or "-" for valid) | reason | source.
     */
    private static final String APPLICATION_RULES = """
            -                                        | -                       | -                                  | the full application above
            applicationType=3                        | changeReason            | 区分変更申請のときは必須です          | §3.2 changeReason mandatory when applicationType = 3
            applicationType=3;changeReason=転倒して歩けなくなった | -          | -                                  | §3.2
            applicationType=2                        | -                       | -                                  | §3.2 更新: no reason needed
            applicationType=4                        | applicationType         | 転入申請はオンラインでは受け付けていません | §3.1 A9: 転入 comes with the 受給資格証明書 on paper (BP ※3)
            applicationType=5                        | applicationType         | コードが正しくありません(1・2・3)     | §3.2 codes 1–3
            applicationType=                         | applicationType         | 必須です                             | §3.2 ★ mandatory
            doctorInstitutionCode=1310123450         | doctorInstitutionCode   | 検証番号(10桁目)が正しくありません   | §3.2 checked by MedicalInstitutionCode (FC §1.4)
            doctorInstitutionCode=                   | doctorInstitutionCode   | 主治医なしを選ばないときは必須です    | §3.2 mandatory unless noDoctor = 1
            doctorInstitutionName=                   | doctorInstitutionName   | 主治医なしを選ばないときは必須です    | §3.2 name mandatory with the code
            doctorName=                              | doctorName              | 主治医なしを選ばないときは必須です    | §3.2 ★ doctorName; noDoctor xor doctor block
            noDoctor=1                               | doctorInstitutionCode,doctorInstitutionName,doctorInstitutionAddress,doctorInstitutionPhone,doctorName,doctorDepartment | 主治医なしを選んだときは記入しません  | §3.2 noDoctor xor doctor block
            noDoctor=1;doctorInstitutionCode=;doctorInstitutionName=;doctorInstitutionAddress=;doctorInstitutionPhone=;doctorDepartment= | doctorName | 主治医なしを選んだときは記入しません | §3.2 noDoctor xor doctor block
            noDoctor=1;doctorInstitutionCode=;doctorInstitutionName=;doctorInstitutionAddress=;doctorInstitutionPhone=;doctorName=;doctorDepartment= | - | - | §3.2 主治医なし: the municipality names a 指定医
            noDoctor=2                               | noDoctor                | コードが正しくありません(1)           | §3.2 code 1 はい
            hospitalised=2                           | hospitalName,hospitalAddress,hospitalFrom | 入院・入所が「有」のときは必須です    | §3.2 hospital block mandatory when hospitalised = 2
            hospitalised=2;hospitalName=中央病院      | hospitalAddress,hospitalFrom | 入院・入所が「有」のときは必須です    | §3.2 hospital block
            hospitalised=2;hospitalName=中央病院;hospitalAddress=東京都中央区1-1 | hospitalFrom | 入院・入所が「有」のときは必須です | §3.2 hospital block
            hospitalised=2;hospitalName=中央病院;hospitalAddress=東京都中央区1-1;hospitalFrom=2026-09-01 | - | - | (decision) 期間(終了) blank while the stay goes on
            hospitalised=2;hospitalName=中央病院;hospitalAddress=東京都中央区1-1;hospitalFrom=2026-09-01;hospitalTo=2026-08-31 | hospitalTo | 入院・入所の期間(開始)より前の日付です | §3.2 notBefore(hospitalTo, hospitalFrom)
            hospitalised=2;hospitalName=中央病院;hospitalAddress=東京都中央区1-1;hospitalFrom=2026-09-01;hospitalTo=2026-10-15 | - | - | §3.2
            surveyPlace=2                            | surveyPlaceName,surveyPlaceAddress | 調査場所が自宅内でないときは必須です  | §3.2 survey place block when surveyPlace ≠ 1
            surveyPlace=3;surveyPlaceName=長女宅      | surveyPlaceAddress      | 調査場所が自宅内でないときは必須です  | §3.2 survey place block
            surveyPlace=2;surveyPlaceName=中央病院;surveyPlaceAddress=東京都中央区1-1 | - | - | §3.2
            surveyPlace=                             | surveyPlace             | 必須です                             | §3.2 ★ surveyPlace mandatory
            surveyContactName=                       | surveyContactName       | 必須です                             | §3.2 ★ name and phone mandatory
            surveyContactPhone=                      | surveyContactPhone      | 必須です                             | §3.2 ★ name and phone mandatory
            surveyContactPhone=090(1111)2222         | surveyContactPhone      | 形式が正しくありません               | §3.2 phone: digits and - , ≤ 15
            phone=0312345678901234                   | phone                   | 形式が正しくありません               | §3.2 phone ≤ 15
            applicantName=介護 太郎                   | applicantRelation,applicantPhone | 申請者欄は氏名・本人との関係・電話番号をそろえて記入してください | §3.2 applicant block (applicantKind 2)
            applicantName=介護 太郎;applicantRelation=長男 | applicantPhone     | 申請者欄は氏名・本人との関係・電話番号をそろえて記入してください | §3.2 applicant block
            applicantName=介護 太郎;applicantRelation=長男;applicantPhone=090-3333-4444 | - | - | §3.2 applicant block
            specificDisease=16                       | -                       | -                                  | §3.2 特定疾病 01–16 (statute, unverified)
            specificDisease=17                       | specificDisease         | コードが正しくありません              | §3.2 特定疾病 01–16
            specificDisease=1                        | specificDisease         | コードが正しくありません              | §3.2 two-digit codes
            medicalInsurer=全国健康保険協会;medicalInsuredSymbol=1234-5678;specificDisease=13 | - | - | §3.2 2号 block (A8 is ApplicantRules', not the layout's)
            blanketConsent=                          | blanketConsent          | 必須です                             | §3.2 ★ blanketConsent mandatory (I16 §2, ND A4)
            blanketConsent=2                         | -                       | -                                  | §3.2 同意しない is an answer
            resultByPaper=3                          | resultByPaper           | コードが正しくありません(1・2)        | §3.2 1 はい, 2 いいえ
            changeReason=%s                          | changeReason            | 400文字以内で指定してください         | §3.2 text ≤ 400
            diagnosis1=脳梗塞                         | diagnosis1              | この様式にない項目です                | §2.4: a doctor-opinion key in an application (wrong kind)
            appliedOn=2026-12-01                     | appliedOn               | この様式にない項目です                | §3.2 set by the platform, not typed
            insuredNo=0000000001                     | insuredNo               | この様式にない項目です                | §3.2 from the card link / 担当, never typed
            name=介護 一郎                            | name                    | この様式にない項目です                | §3.2 shown from the registry, not in the payload
            applicantKind=2                          | applicantKind           | この様式にない項目です                | §3.2 set by the platform from the sender
            agentOfficeNo=1310100019                 | agentOfficeNo           | この様式にない項目です                | §3.2 set by the platform for S3
            previousLevel=21                         | previousLevel           | この様式にない項目です                | §3.2 shown from certification records
            """.formatted("あ".repeat(401));

    @Test
    void applicationFollowsTheTable() {
        List<String> failures = new ArrayList<>();
        for (String line : APPLICATION_RULES.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String changes = cells[0].strip();
            String field = cells[1].strip();
            String reason = cells[2].strip();
            Map<String, String> values = application();
            if (!changes.equals("-")) {
                for (String change : changes.split(";")) {
                    int eq = change.indexOf('=');
                    String key = change.substring(0, eq);
                    String value = change.substring(eq + 1);
                    if (value.isEmpty()) {
                        values.remove(key);
                    } else {
                        values.put(key, value);
                    }
                }
            }
            List<Violation> violations = APPLICATION.violations(values);
            boolean ok = field.equals("-") ? violations.isEmpty()
                    : violations.stream().map(Violation::field).toList().equals(List.of(field.split(",")))
                            && violations.stream().allMatch(v -> v.reason().contains(reason));
            if (!ok) {
                failures.add(line.strip() + "\n    got " + violations);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void fullApplicationIsValidWithTypedValues() {
        Validated result = APPLICATION.validate(application());
        assertThat(result).isInstanceOf(Validated.Valid.class);
        Map<String, String> hospital = application();
        hospital.put("hospitalised", "2");
        hospital.put("hospitalName", "中央病院");
        hospital.put("hospitalAddress", "東京都中央区1-1");
        hospital.put("hospitalFrom", "20260901");
        assertThat(((Validated.Valid) APPLICATION.validate(hospital)).values())
                .containsEntry("hospitalFrom", LocalDate.of(2026, 9, 1)).containsEntry("applicationType", "1");
        assertThat(APPLICATION.kind()).isEqualTo(DocumentKind.CERTIFICATION_APPLICATION);
        assertThat(APPLICATION.version()).isEqualTo("2026-1");
    }

    @Test
    void transferInIsRefusedAtTheFieldEvenWhenOtherFieldsFail() {
        Map<String, String> values = application();
        values.put("applicationType", "4");
        values.remove("surveyPlace");
        assertThat(APPLICATION.violations(values)).extracting(Violation::field)
                .containsExactly("applicationType", "surveyPlace");
        assertThat(APPLICATION.violations(values).get(0).reason()).contains("受給資格証明書");
        // the form shows only the codes it accepts
        assertThat(APPLICATION.field("applicationType").map(FieldSpec::codes).orElseThrow())
                .containsOnlyKeys("1", "2", "3");
    }

    @Test
    void specificDiseasesAreTheSixteen() {
        assertThat(APPLICATION.field("specificDisease").map(FieldSpec::codes).orElseThrow()).hasSize(16)
                .containsEntry("01", "がん(末期)")
                .containsEntry("16", "両側の膝関節又は股関節に著しい変形を伴う変形性関節症");
    }

    @Test
    void opinionRequest() {
        Map<String, String> request = new LinkedHashMap<>(Map.of("requestKind", "1", "doctorKind", "2",
                "doctorName", "医師 一郎", "dueOn", "2026-12-20", "message", "至急お願いします"));
        assertThat(OPINION_REQUEST.validate(request)).isInstanceOf(Validated.Valid.class);
        assertThat(OPINION_REQUEST.validate(Map.of("requestKind", "3", "doctorKind", "1")))
                .isInstanceOf(Validated.Valid.class);
        assertThat(OPINION_REQUEST.violations(Map.of("requestKind", "4", "dueOn", "2026-13-01", "caseId", "x")))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("caseId", "この様式にない項目です"),
                        org.assertj.core.groups.Tuple.tuple("requestKind", "コードが正しくありません(1・2・3)"),
                        org.assertj.core.groups.Tuple.tuple("doctorKind", "必須です"),
                        org.assertj.core.groups.Tuple.tuple("dueOn",
                                "日付の形式(YYYY-MM-DD または YYYYMMDD)ではないか、存在しない日付です"));
        // an application is not a request
        assertThat(OPINION_REQUEST.violations(application())).extracting(Violation::reason)
                .contains("この様式にない項目です");
    }

    @Test
    void progressNotice() {
        assertThat(PROGRESS_NOTICE.validate(Map.of("caseId", "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", "progress", "7",
                "at", "2026-12-06T10:00:00+09:00"))).isInstanceOf(Validated.Valid.class);
        assertThat(PROGRESS_NOTICE.violations(Map.of("caseId", "1-1-1-1-1", "progress", "8", "at", "2026-12-06")))
                .extracting(Violation::field).containsExactly("caseId", "progress", "at");
    }
}
