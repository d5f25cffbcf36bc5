package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 資格確認 by typed numbers, one by one and in batches, and the errors an office sees. */
class EligibilityIntegrationTests extends MunicipalityApiTests {
    @Autowired
    AuditLog audit;


    @Test
    void needsASignedInStaffMemberOfTheOfficeAndRecordsTheirJobType() {
        String query = "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}";
        ApiClient.Response anonymous = officeTerminal.post("/api/eligibility", query);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).contains("ログイン");
        assertThat(officeTerminal.post("/api/eligibility/batch", "{\"queries\":[" + query + "]}").status()).isEqualTo(401);
        assertThat(officeTerminal.withToken("not-a-token").post("/api/eligibility", query).status()).isEqualTo(401);
        assertThat(office.post("/api/eligibility", query).status()).isEqualTo(200);
        assertThat(audit.accessesTo(insurer, "0000000001")).singleElement()
                .satisfies(a -> assertThat(a.staffJob()).isEqualTo("CLERK"));
    }

    @Test
    void aWrongBirthDateAnswersExactlyLikeAnUnknownNumber() {
        load(1);
        ApiClient.Response wrongBirth = office.post("/api/eligibility", query("0000000000", "1940-05-07", "2026-05-01"));
        ApiClient.Response unknown = office.post("/api/eligibility", query("0000009999", "1940-05-06", "2026-05-01"));
        ApiClient.Response right = office.post("/api/eligibility", query("0000000000", "1940-05-06", "2026-05-01"));
        assertThat(right.json().get("status").asString()).isEqualTo("INSURED");
        assertThat(wrongBirth.status()).isEqualTo(unknown.status()).isEqualTo(200);
        assertThat(wrongBirth.body()).isEqualTo(unknown.body());
        assertThat(wrongBirth.json().get("status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void answersAThousandPersonsInOneBatchEachOnItsOwn() {
        load(1000);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String birth = i % 100 == 7 ? "1940-01-01" : "1940-05-06";
            String number = i == 500 ? "BAD" : String.format("%010d", i);
            queries.add(query(number, birth, "2026-05-01"));
        }
        ApiClient.Response response = office.post("/api/eligibility/batch", "{\"queries\":[" + String.join(",", queries) + "]}");
        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            JsonNode answer = results.get(i);
            assertThat(answer.get("index").asInt()).isEqualTo(i);
            String expected = i == 500 ? "INVALID" : i % 100 == 7 ? "UNKNOWN" : "INSURED";
            assertThat(answer.get("status").asString()).as("query " + i).isEqualTo(expected);
            if (expected.equals("INSURED")) {
                assertThat(answer.get("insuredNo").asString()).isEqualTo(String.format("%010d", i));
            }
        }
        assertThat(results.get(500).get("errors").get(0).get("field").asString()).isEqualTo("insuredNo");
    }

    @Test
    void refusesABatchOverAThousand() {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            queries.add(query(String.format("%010d", i), "1940-05-06", null));
        }
        ApiClient.Response response = office.post("/api/eligibility/batch", "{\"queries\":[" + String.join(",", queries) + "]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("1000件");
    }

    @Test
    void badInputIsA400ProblemNamingEveryFieldAndNeverEchoingValues() {
        ApiClient.Response response = office.post("/api/eligibility",
                "{\"insurerNo\":\"435074\",\"insuredNo\":\"12AB\",\"birthDate\":\"1940-02-30\",\"asOf\":\"tomorrow\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("insurerNo", "insuredNo", "birthDate", "asOf");
        assertThat(response.body()).doesNotContain("435074").doesNotContain("12AB").doesNotContain("1940-02-30")
                .doesNotContain("Exception");

        assertThat(office.post("/api/eligibility", "{not json").status()).isEqualTo(400);
        assertThat(office.post("/api/eligibility", "").status()).isEqualTo(400);
        assertThat(office.post("/api/eligibility", "{}").json().get("errors")).hasSize(3);
        assertThat(office.get("/api/eligibility").status()).isEqualTo(405);
        assertThat(api.get("/api/imports/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.uploadPartialCsv(insurer, "no-such-type", "full", "a\n").status()).isEqualTo(400);
        assertThat(api.uploadCsv(insurer, "insured", "sometimes", "a\n").status()).isEqualTo(400);
    }

    @Test
    void defaultsToTodayInJapan() {
        load(1);
        JsonNode answer = office.post("/api/eligibility", query("0000000000", "1940-05-06", null)).json();
        assertThat(answer.get("asOf").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString());
    }

    @Test
    void everyAnswerSaysWhenTheInsurersDataItRestsOnWasReceived() {
        java.time.Instant before = java.time.Instant.now();
        load(1);
        java.time.Instant loaded = java.time.Instant.now();
        JsonNode insured = office.post("/api/eligibility", query("0000000000", "1940-05-06", "2026-05-01")).json();
        JsonNode unknown = office.post("/api/eligibility", query("0000009999", "1940-05-06", "2026-05-01")).json();
        java.time.Instant received = java.time.Instant.parse(insured.get("dataReceived").get("insured").asString());
        assertThat(received).isBetween(before, loaded);
        assertThat(insured.get("dataReceived").has("careCertificate")).as("no 認定 file received yet").isFalse();
        assertThat(unknown.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("dataReceived")).as("an unknown person: the data it was looked up in").isEqualTo(insured.get("dataReceived"));

        // a later 差分 that changes nothing still tells the office that the data is that fresh
        ApiClient.Response again = api.uploadCsv(insurer, "insured", "differential", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000000", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        assertThat(again.status()).isEqualTo(200);
        JsonNode later = office.post("/api/eligibility", query("0000000000", "1940-05-06", "2026-05-01")).json();
        assertThat(java.time.Instant.parse(later.get("dataReceived").get("insured").asString())).isAfter(received);
    }

    private void load(int persons) {
        StringBuilder file = new StringBuilder(INSURED_HEADER).append('\n');
        for (int i = 0; i < persons; i++) {
            file.append(insuredRow(insurer, String.format("%010d", i), 1, "2020-04-01", null, "1940-05-06", null)).append('\n');
        }
        ApiClient.Response response = api.uploadCsv(insurer, "insured", "full", file.toString());
        assertThat(response.json().get("inserted").asLong()).isEqualTo(persons);
    }

    private String query(String insuredNo, String birth, String asOf) {
        return "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + insuredNo + "\",\"birthDate\":\"" + birth + "\""
                + (asOf == null ? "" : ",\"asOf\":\"" + asOf + "\"") + "}";
    }
}
