package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 主治医意見書 of an open case through the API (design §5, increment 10): the clerk's 作成依頼 recorded on the
 * case, the 意見書 only from the institution asked while the request stands and only by its DOCTOR (S10–S12), the
 * checks its layout cannot make (the sender's 医療機関コード, 記入日 between the request and today) as field errors
 * with nothing stored, and the accepted 意見書 as the case's doctor-opinion record at 進捗 3.
 */
class OpinionIntegrationTests extends ExchangeApiTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_OTHER = new AtomicInteger();

    private ApiClient officer;
    private ApiClient clinicAdmin;
    private ApiClient doctor;
    private String caseId;
    private String requestPath;
    private String requestId;

    /** An open case (the office's 代行 application, accepted) and the 作成依頼 to this test's clinic. */
    @BeforeEach
    void openCaseAndAskTheClinic() {
        inCharge("43");
        ApiClient.Response applied = send(careManager, "certification-application", "municipality", insurer,
                application(), null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String application = applied.json().get("location").asString();
        officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        assertThat(officer.get(application).status()).isEqualTo(200);
        assertThat(officer.post(application + "/accept", "").json().get("status").asString()).isEqualTo("accepted");
        caseId = sql.sql("select case_id::text from certification.cases where insurer_no = :i and status = 'open'")
                .param("i", insurer).query(String.class).single();
        ApiClient.Response request = send(officer, "opinion-request", "medical-institution", clinicCode,
                Map.of("requestKind", "1", "doctorKind", "1", "doctorName", "医師 一郎"), "request-1");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        requestPath = request.json().get("location").asString();
        requestId = request.json().get("documentId").asString();
        clinicAdmin = newSignedIn(Party.medicalInstitution(clinicCode));
        doctor = staffOf(clinicAdmin, "doctor", "DOCTOR");
    }

    @Test
    void sentRequestIsRecordedOnTheCaseWithItsProgressKept() {
        assertThat(caseHistory()).as("申請受付 (naming the application's 主治医), then the request: institution and day, progress kept")
                .containsExactly("1:1:false:" + clinicCode + "::", "2:1:true:" + clinicCode + ":" + TODAY + ":");
        assertThat(send(officer, "opinion-request", "medical-institution", clinicCode,
                Map.of("requestKind", "1", "doctorKind", "1", "doctorName", "医師 一郎"), "request-1")
                .json().get("duplicate").asBoolean()).as("the same request again").isTrue();
        assertThat(caseHistory()).as("a duplicate records nothing").hasSize(2);
    }

    @Test
    void refusesOpinionFromInstitutionNotAsked() {
        String otherCode = MedicalInstitutionCode.withCheckDigit(
                "4716" + String.format("%05d", NEXT_OTHER.getAndIncrement())).value();
        ApiClient otherDoctor = staffOf(newSignedIn(Party.medicalInstitution(otherCode)), "doctor", "DOCTOR");
        int before = documents();
        assertThat(outcome(opinion(otherDoctor, requestId, with(sample(), "institutionCode", otherCode))))
                .as("S11: a reply to a request made to another institution").isEqualTo("403:NOT_REQUESTED");
        assertThat(outcome(opinion(otherDoctor, null, with(sample(), "institutionCode", otherCode))))
                .as("S11: never asked").isEqualTo("403:NOT_REQUESTED");
        assertThat(audited("exchange.send")).contains("medical-institution:" + otherCode + ":deny:NOT_REQUESTED");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void refusesOpinionAfterRequestWithdrawn() {
        assertThat(officer.post(requestPath + "/withdraw", "{\"note\":\"指定医に変更\"}").json().get("status")
                .asString()).isEqualTo("withdrawn");
        int before = documents();
        assertThat(outcome(opinion(doctor, requestId, sample()))).isEqualTo("403:NOT_REQUESTED");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void refusesOpinionAfterRequestReturned() {
        assertThat(doctor.get(requestPath).status()).isEqualTo(200);
        assertThat(doctor.post(requestPath + "/return", "{\"reason\":\"cannot-write\",\"note\":\"受診歴なし\"}")
                .json().get("status").asString()).isEqualTo("returned");
        int before = documents();
        assertThat(outcome(opinion(doctor, requestId, sample()))).isEqualTo("403:NOT_REQUESTED");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void nurseCannotSubmitOpinion() {
        ApiClient nurse = staffOf(clinicAdmin, "nurse", "NURSE");
        int before = documents();
        assertThat(outcome(opinion(nurse, requestId, sample()))).as("S12").isEqualTo("403:DOCTOR_ONLY");
        assertThat(audited("exchange.send")).contains("medical-institution:" + clinicCode + ":deny:DOCTOR_ONLY");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void opinionRowRulesGiveFieldErrors() {
        int before = documents();
        ApiClient.Response paralysis = opinion(doctor, requestId, with(sample(), "opinion037", "1", "opinion041", "1"));
        assertThat(paralysis.status()).as(paralysis.body()).isEqualTo(400);
        assertThat(fields(paralysis)).as("麻痺 有 without a limb").containsExactly("opinion036");
        ApiClient.Response noLimb = opinion(doctor, requestId, with(sample(), "opinion036", "2", "opinion037", "1",
                "opinion041", "1", "writtenOn", TODAY.plusDays(1).toString()));
        assertThat(noLimb.status()).as(noLimb.body()).isEqualTo(400);
        assertThat(fields(noLimb)).as("麻痺 有 without a limb (layout), 記入日 in the future (filing)")
                .contains("opinion036", "writtenOn");
        assertThat(noLimb.body()).contains("未来の日付は指定できません");

        ApiClient.Response early = opinion(doctor, requestId, with(sample(), "writtenOn",
                TODAY.minusDays(1).toString()));
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(fields(early)).containsExactly("writtenOn");
        assertThat(early.body()).contains("意見書作成依頼の日(" + TODAY + ")より前");
        assertThat(documents()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void institutionCodeMustBeTheSender() {
        String another = MedicalInstitutionCode.withCheckDigit("131012345").value();
        int before = documents();
        ApiClient.Response response = opinion(doctor, requestId, with(sample(), "institutionCode", another));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("institutionCode");
        assertThat(response.body()).contains("送信する医療機関の医療機関コードと一致しません");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void acceptedOpinionBecomesRecord() {
        ApiClient.Response sent = opinion(doctor, requestId, sample());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String opinion = sent.json().get("location").asString();
        assertThat(officer.get(opinion).status()).isEqualTo(200);
        assertThat(officer.post(opinion + "/accept", "").json().get("status").asString()).isEqualTo("accepted");

        assertThat(sql.sql("""
                select history_no || ':' || revision || ':' || source || ':' || case_id || ':' || valid_from || ':'
                       || request_kind || ':' || doctor_kind || ':' || institution_code || ':' || written_on || ':'
                       || consent_to_use || ':' || opinion036 || ':' || opinion037 || ':' || opinion038 || ':'
                       || disability_independence || ':' || note08 || ':' || dept04 || ':' || coalesce(note01, '-')
                  from certification.doctor_opinion_records where insurer_no = :i and insured_no = :p and current
                """).param("i", insurer).param("p", PERSON).query(String.class).list())
                .containsExactly(String.join(":", "1", "1", "online", caseId, TODAY.toString(), "1", "1", clinicCode,
                        TODAY.toString(), "1", "2", "2", "2", "5", "右上下肢", "2", "-"));
        assertThat(caseHistory()).as("申請受付, the request, then 進捗 3 主治医意見書 with its 受領日")
                .containsExactly("1:1:false:" + clinicCode + "::", "2:1:false:" + clinicCode + ":" + TODAY + ":",
                        "3:3:true:" + clinicCode + ":" + TODAY + ":" + TODAY);
        assertThat(outcome(opinion(doctor, requestId, with(sample(), "notes", "追記")))).as("S11: answered")
                .isEqualTo("403:NOT_REQUESTED");
    }

    @Test
    void anOpinionForACaseDecidedMeanwhileIsRefusedAndStaysUnaccepted() {
        ApiClient.Response sent = opinion(doctor, requestId, sample());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String opinion = sent.json().get("location").asString();
        assertThat(officer.get(opinion).status()).isEqualTo(200);
        sql.sql("update certification.cases set status = 'decided', decided_on = current_date where insurer_no = :i"
                + " and case_id = :case::uuid").param("i", insurer).param("case", caseId).update();

        ApiClient.Response refused = officer.post(opinion + "/accept", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("document");
        assertThat(refused.body()).contains("受付中の認定案件がありません");
        assertThat(officer.get(opinion).json().get("status").asString()).as("nothing changed").isNotEqualTo("accepted");
        assertThat(sql.sql("select count(*) from certification.doctor_opinion_records where insurer_no = :i")
                .param("i", insurer).query(Integer.class).single()).isZero();
    }

    @Test
    void anOpinionSignedByTheInstitutionsKeyIsKeptAsSignedAndABadSignatureStoresNothing() throws Exception {
        Map<String, String> opinion = sample();
        int before = documents();
        ApiClient.Response forged = signedOpinion(doctor, opinion, sign(doctor, with(opinion, "notes", "改ざん")));
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(fields(forged)).containsExactly("signature");
        ApiClient otherKey = client(Party.medicalInstitution(clinicCode));
        assertThat(fields(signedOpinion(doctor, opinion, sign(otherKey, opinion)))).as("the key of another connection")
                .containsExactly("signature");
        assertThat(fields(signedOpinion(doctor, opinion, sign(doctor, opinion, "0000000009"))))
                .as("signed for another person").containsExactly("signature");
        assertThat(documents()).as("nothing stored").isEqualTo(before);

        ApiClient.Response sent = signedOpinion(doctor, opinion, sign(doctor, opinion));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(officer.get(sent.json().get("location").asString()).json().get("senderSigned").asBoolean())
                .as("the municipality sees that the institution signed it").isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * What an electronic chart does (README): the content SHA-256 (the payload as JSON, keys sorted, no spaces), put in
     * the statement naming the envelope, signed with the key of its TLS client certificate.
     */
    private String sign(ApiClient client, Map<String, String> payload) throws Exception {
        return sign(client, payload, PERSON);
    }

    private String sign(ApiClient client, Map<String, String> payload, String insuredNo) throws Exception {
        byte[] content = java.security.MessageDigest.getInstance("SHA-256")
                .digest(JSON.writeValueAsString(new java.util.TreeMap<>(payload)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String statement = "kaigo-platform document signature v1\nkind=doctor-opinion\ninsurer=" + insurer + "\ninsured="
                + insuredNo + "\nto=municipality:" + insurer + "\nin-reply-to=" + requestId + "\ncontent-sha256="
                + java.util.HexFormat.of().formatHex(content) + "\n";
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(client.credential().privateKey());
        signer.update(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.Base64.getEncoder().encodeToString(signer.sign());
    }

    private ApiClient.Response signedOpinion(ApiClient from, Map<String, String> payload, String signature) {
        String body = "{\"kind\":\"doctor-opinion\",\"to\":{\"kind\":\"municipality\",\"number\":\"" + insurer
                + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"inReplyTo\":\"" + requestId
                + "\",\"signature\":\"" + signature + "\",\"payload\":" + JSON.writeValueAsString(payload) + "}";
        return from.post("/api/exchange/documents", body);
    }

    /** The sample 意見書 as this test's clinic writes it today. */
    private Map<String, String> sample() {
        try (InputStream in = getClass().getResourceAsStream("/samples/doctor-opinion-09B-2026.json")) {
            Map<String, String> payload = JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return with(payload, "institutionCode", clinicCode, "writtenOn", TODAY.toString(), "lastExaminedOn",
                    TODAY.minusDays(7).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Response opinion(ApiClient from, String inReplyTo, Map<String, String> payload) {
        String body = "{\"kind\":\"doctor-opinion\",\"to\":{\"kind\":\"municipality\",\"number\":\"" + insurer
                + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\","
                + (inReplyTo == null ? "" : "\"inReplyTo\":\"" + inReplyTo + "\",")
                + "\"payload\":" + JSON.writeValueAsString(payload) + "}";
        return from.post("/api/exchange/documents", body);
    }

    /** The case's certification history, revision by revision: revision, progress, current, institution, days. */
    private List<String> caseHistory() {
        return sql.sql("""
                select revision || ':' || progress || ':' || current || ':' || coalesce(opinion_institution, '') || ':'
                       || coalesce(opinion_requested_on::text, '') || ':' || coalesce(opinion_received_on::text, '')
                  from certification.certification_records where insurer_no = :i and insured_no = :p
                   and case_id = :case::uuid order by revision
                """).param("i", insurer).param("p", PERSON).param("case", caseId).query(String.class).list();
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static Map<String, String> with(Map<String, String> values, String... keysAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }
}
