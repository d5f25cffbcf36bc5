package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A municipality with one insured person (born 1940, no 認定), an office whose 介護支援専門員 is signed in, and a
 * clinic of the test's own; helpers to send documents through {@code /api/exchange} and read the outcome.
 */
abstract class ExchangeApiTests extends MunicipalityApiTests {
    static final String PERSON = "0000000001";
    static final String BORN = "1940-05-06";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_CLINIC = new AtomicInteger();
    final String clinicCode = MedicalInstitutionCode.withCheckDigit(
            "4714" + String.format("%05d", NEXT_CLINIC.getAndIncrement())).value();
    @Autowired
    JdbcClient sql;
    ApiClient careManager;

    @BeforeEach
    void setUpPersonAndCareManager() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, BORN, null) + "\n");
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
    }

    /**
     * The office in charge (43) applies (新規), the municipality's 市町村職員 opens and accepts the application:
     * the case it opened. {@code officer} is that 市町村職員.
     */
    UUID acceptedCase(ApiClient officer) {
        inCharge("43");
        String application = send(careManager, "certification-application", "municipality", insurer, application(),
                null).json().get("location").asString();
        officer.get(application);
        ApiClient.Response accepted = officer.post(application + "/accept", "");
        if (accepted.status() != 200) {
            throw new IllegalStateException(accepted.body());
        }
        return sql.sql("select case_id from certification.cases where insurer_no = :i and insured_no = :p")
                .param("i", insurer).param("p", PERSON).query(UUID.class).single();
    }

    /**
     * Moves the case to 一次判定 (要介護2, 基準時間 52.3) directly in SQL, for the tests of the steps after it (the
     * survey, the 意見書 and the import itself have their own tests).
     */
    void atFirstJudgement(UUID caseId) {
        sql.sql("""
                update certification.certification_records set progress = '4', first_judgement = '22',
                       first_judged_on = current_date, standard_minutes = '52.3'
                 where insurer_no = :i and case_id = :c and current
                """).param("i", insurer).param("c", caseId).update();
    }

    /** The office of {@link #careManager} becomes the person's 担当 for the service type. */
    void inCharge(String serviceType) {
        registerInCharge(careManager, PERSON, BORN, serviceType, TODAY.minusDays(20).toString());
    }

    /** A 新規申請 (the person has no 認定) naming this test's clinic as 主治医, surveyed at home. */
    Map<String, String> application() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "1");
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

    ApiClient.Response send(ApiClient from, String kind, String toKind, String toNumber,
            Map<String, String> payload, String idempotencyKey) {
        return send(from, kind, toKind, toNumber, PERSON, payload, idempotencyKey);
    }

    ApiClient.Response send(ApiClient from, String kind, String toKind, String toNumber, String insuredNo,
            Map<String, String> payload, String idempotencyKey) {
        String body = "{\"kind\":\"" + kind + "\",\"to\":{\"kind\":\"" + toKind + "\",\"number\":\"" + toNumber
                + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + insuredNo + "\",\"payload\":"
                + JSON.writeValueAsString(payload) + "}";
        return idempotencyKey == null ? from.post("/api/exchange/documents", body)
                : from.request("POST", "/api/exchange/documents", "application/json", body,
                        Map.of("Idempotency-Key", idempotencyKey));
    }

    ApiClient newSignedIn(Party party) {
        ApiClient terminal = client(party);
        return signedIn(terminal, "admin", enrolFirstAdmin(terminal, "admin"));
    }

    /** The status and, for a denial, the access reason or the exchange's refusal. */
    static String outcome(ApiClient.Response response) {
        return response.status() < 300 ? String.valueOf(response.status()) : response.status() + ":"
                + response.json().path("reason").asString() + response.json().path("refusal").asString();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** The person's audit entries of an action: actor kind, actor number and outcome. */
    List<String> audited(String action) {
        return sql.sql("""
                select actor_kind || ':' || actor_number || ':' || outcome from audit.entries
                 where person_insurer = :insurer and person_insured = :insured and purpose = :action order by seq
                """).param("insurer", insurer).param("insured", PERSON).param("action", action).query(String.class).list();
    }

    /** The documents the parties sent (the platform's progress notices arrive after a commit, on their own time). */
    int documents() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :insurer"
                + " and kind <> 'progress-notice'").param("insurer", insurer)
                .query(Integer.class).single();
    }
}
