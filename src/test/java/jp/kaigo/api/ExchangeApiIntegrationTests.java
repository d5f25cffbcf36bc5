package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents between organisations through the API (design §8.1, increment 7): what the care manager, the clerk and
 * the clinic see and may do, what is refused (and audited as refused), and that a refused or invalid document
 * leaves nothing behind.
 */
class ExchangeApiIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_CLINIC = new AtomicInteger();
    private final String clinicCode = MedicalInstitutionCode.withCheckDigit(
            "4714" + String.format("%05d", NEXT_CLINIC.getAndIncrement())).value();
    @Autowired
    JdbcClient sql;
    ApiClient careManager;

    @BeforeEach
    void setUpPersonInCharge() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
    }

    @Test
    void anApplicationTravelsToTheClerkAndTheOpinionRequestToTheClinicEachStepWithItsReceipt() {
        registerInCharge(careManager, PERSON, "1940-05-06", "43", TODAY.minusDays(20).toString());
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer, application(),
                "app-1");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String application = sent.json().get("location").asString();
        assertThat(send(careManager, "certification-application", "municipality", insurer, application(), "app-1")
                .json().get("duplicate").asBoolean()).as("the same key and content: the same document").isTrue();
        assertThat(careManager.get("/api/exchange/outbox").json()).hasSize(1);

        ApiClient clerk = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        JsonNode inbox = clerk.get("/api/exchange/inbox").json();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("status").asString()).as("listing delivers").isEqualTo("delivered");
        assertThat(inbox.get(0).get("counterpart").get("number").asString()).isEqualTo(officeNo);
        assertThat(names(inbox.get(0))).as("an envelope: kind, numbers, parties and times, never the content")
                .containsExactlyInAnyOrder("documentId", "insurerNo", "insuredNo", "kind", "kindLabel", "counterpart",
                        "status", "statusLabel", "sentAt", "statusAt");
        JsonNode opened = clerk.get(application).json();
        assertThat(opened.get("status").asString()).isEqualTo("read");
        assertThat(opened.get("payload").get("doctorInstitutionCode").asString()).isEqualTo(clinicCode);
        assertThat(clerk.post(application + "/accept", "").json().get("status").asString()).isEqualTo("accepted");

        ApiClient.Response request = send(clerk, "opinion-request", "medical-institution", clinicCode,
                Map.of("requestKind", "1", "doctorKind", "1", "doctorName", "医師 一郎"), null);
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        ApiClient doctor = staffOf(newSignedIn(Party.medicalInstitution(clinicCode)), "doctor", "DOCTOR");
        JsonNode clinicInbox = doctor.get("/api/exchange/inbox").json();
        assertThat(clinicInbox).hasSize(1);
        assertThat(clinicInbox.get(0).get("kind").asString()).isEqualTo("opinion-request");
        String requestPath = request.json().get("location").asString();
        assertThat(doctor.get(requestPath).json().get("payload").get("doctorName").asString()).isEqualTo("医師 一郎");
        ApiClient.Response returned = doctor.post(requestPath + "/return", "{\"reason\":\"cannot-write\",\"note\":\"受診歴なし\"}");
        assertThat(returned.json().get("status").asString()).as(returned.body()).isEqualTo("returned");

        JsonNode receipts = clerk.get(requestPath + "/receipts").json();
        assertThat(receipts).as("sent, delivered, read, returned").hasSize(4);
        assertThat(doctor.get(requestPath + "/receipts").json()).hasSize(4);
        assertThat(outcome(careManager.get(requestPath + "/receipts"))).as("not a party of the request")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(audited("exchange.read")).as("the clinic's reading is in the person's trail")
                .anyMatch(e -> e.startsWith("medical-institution:" + clinicCode + ":permit"));
    }

    @Test
    void aDocumentOfTheWrongDirectionIsRefusedAndAuditedAsRefused() {
        registerInCharge(careManager, PERSON, "1940-05-06", "43", TODAY.minusDays(20).toString());
        ApiClient.Response refused = send(careManager, "opinion-request", "medical-institution", clinicCode,
                Map.of("requestKind", "1", "doctorKind", "1"), null);
        assertThat(outcome(refused)).isEqualTo("403:WRONG_DIRECTION");
        assertThat(audited("exchange.send")).containsExactly("office:" + officeNo + ":deny:WRONG_DIRECTION");
        assertThat(documents()).isZero();
    }

    @Test
    void fieldsOfAnotherKindGetFieldErrorsAndNothingIsStored() {
        registerInCharge(careManager, PERSON, "1940-05-06", "43", TODAY.minusDays(20).toString());
        ApiClient.Response invalid = send(careManager, "certification-application", "municipality", insurer,
                Map.of("requestKind", "1", "doctorKind", "1"), null);
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("requestKind", "doctorKind", "applicationType");
        assertThat(invalid.body()).contains("この様式にない項目です");
        assertThat(documents()).isZero();
        assertThat(careManager.get("/api/exchange/outbox").json()).isEmpty();
    }

    @Test
    void anOfficeNotInChargeNeitherAppliesNorReadsAnotherOfficesApplication() {
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer, application(), null)))
                .isEqualTo("403:NOT_IN_CHARGE");
        registerInCharge(careManager, PERSON, "1940-05-06", "43", TODAY.minusDays(20).toString());
        String application = send(careManager, "certification-application", "municipality", insurer, application(),
                null).json().get("location").asString();
        ApiClient stranger = staffOf(newSignedInOffice(), "stranger.cm", "CARE_MANAGER");
        assertThat(outcome(stranger.get(application))).isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(stranger.post(application + "/withdraw", "{}"))).isEqualTo("403:NOT_INVOLVED");
        assertThat(audited("exchange.read")).anyMatch(e -> e.endsWith(":deny:NOT_INVOLVED"));
        assertThat(outcome(careManager.post(application + "/accept", ""))).as("only the recipient accepts")
                .startsWith("403:");
        assertThat(careManager.post(application + "/withdraw", "{\"note\":\"誤って送信\"}").json().get("status")
                .asString()).isEqualTo("withdrawn");
        assertThat(outcome(careManager.post(application + "/withdraw", "{}"))).as("a withdrawn document stays so")
                .isEqualTo("409:terminal-status");
    }

    @Test
    void anUnknownDocumentIsNotFoundAndBadNumbersAreFieldErrors() {
        String unknown = "/api/exchange/documents/" + insurer + "/" + PERSON + "/0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b";
        ApiClient.Response missing = clerk().get(unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("refusal").asString()).isEqualTo("not-found");
        ApiClient.Response bad = clerk().get("/api/exchange/documents/12345/" + PERSON + "/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("documentId");
        ApiClient.Response noAddressee = careManager.post("/api/exchange/documents",
                "{\"kind\":\"certification-application\",\"to\":{\"kind\":\"board\",\"number\":\"x\"},\"insurerNo\":\""
                        + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"payload\":{}}");
        assertThat(noAddressee.status()).isEqualTo(400);
        assertThat(noAddressee.body()).contains("to.kind");
    }

    // ---------------------------------------------------------------- helpers

    /** A 更新申請 naming this test's clinic as 主治医, surveyed at home. */
    private Map<String, String> application() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "2");
        v.put("phone", "098-123-4567");
        v.put("doctorInstitutionCode", clinicCode);
        v.put("doctorInstitutionName", "テスト内科クリニック");
        v.put("doctorInstitutionAddress", "沖縄県テスト村2番地");
        v.put("doctorInstitutionPhone", "098-000-0000");
        v.put("doctorName", "医師 一郎");
        v.put("doctorDepartment", "内科");
        v.put("hospitalised", "1");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 太郎");
        v.put("surveyContactRelation", "長男");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("blanketConsent", "1");
        v.put("resultByPaper", "2");
        return v;
    }

    private ApiClient.Response send(ApiClient from, String kind, String toKind, String toNumber,
            Map<String, String> payload, String idempotencyKey) {
        String body = "{\"kind\":\"" + kind + "\",\"to\":{\"kind\":\"" + toKind + "\",\"number\":\"" + toNumber
                + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"payload\":"
                + JSON.writeValueAsString(payload) + "}";
        return idempotencyKey == null ? from.post("/api/exchange/documents", body)
                : from.request("POST", "/api/exchange/documents", "application/json", body,
                        Map.of("Idempotency-Key", idempotencyKey));
    }

    private ApiClient newSignedIn(Party party) {
        ApiClient terminal = client(party);
        return signedIn(terminal, "admin", enrolFirstAdmin(terminal, "admin"));
    }

    /** The status and, for a denial, the access reason or the exchange's refusal. */
    private static String outcome(ApiClient.Response response) {
        return response.status() < 300 ? String.valueOf(response.status()) : response.status() + ":"
                + response.json().path("reason").asString() + response.json().path("refusal").asString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** The person's audit entries of an action: actor kind, actor number and outcome. */
    private List<String> audited(String action) {
        return sql.sql("""
                select actor_kind || ':' || actor_number || ':' || outcome from audit.entries
                 where person_insurer = :insurer and person_insured = :insured and purpose = :action order by seq
                """).param("insurer", insurer).param("insured", PERSON).param("action", action).query(String.class).list();
    }

    private int documents() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :insurer").param("insurer", insurer)
                .query(Integer.class).single();
    }
}
