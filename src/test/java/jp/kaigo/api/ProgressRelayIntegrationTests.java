package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The care manager in charge hears of the person's 認定 as it moves (I16 §7, S14, R4): each change of the case's 進捗
 * reaches the offices in charge of the person's care management as a progress-notice from the municipality, once;
 * an office in charge only of another service (訪問介護) hears nothing.
 */
class ProgressRelayIntegrationTests extends ExchangeApiTests {

    @Test
    void progressReachesOfficeInChargeOnly() {
        ApiClient helper = newSignedInOffice();
        registerInCharge(helper, PERSON, BORN, "11", TODAY.minusDays(20).toString());
        ApiClient officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        UUID caseId = acceptedCase(officer);

        List<JsonNode> received = await().atMost(Duration.ofSeconds(20)).until(() -> progressNotices(careManager),
                notices -> notices.size() == 1);
        JsonNode notice = received.get(0);
        assertThat(notice.get("counterpart").get("number").asString()).as("from the municipality").isEqualTo(insurer);
        ApiClient.Response opened = careManager.get("/api/exchange/documents/" + insurer + "/" + PERSON + "/"
                + notice.get("documentId").asString());
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().at("/payload/caseId").asString()).isEqualTo(caseId.toString());
        assertThat(opened.json().at("/payload/progress").asString()).as("申請受付").isEqualTo("1");

        surveyAssigned(officer, caseId);
        await().atMost(Duration.ofSeconds(20)).until(() -> progressNotices(careManager).size() == 2);
        assertThat(progressNotices(helper)).as("訪問介護 in charge: no care management, no notice").isEmpty();
        assertThat(sql.sql("select count(*) from exchange.documents where kind = 'progress-notice' and insurer_no = :i")
                .param("i", insurer).query(Integer.class).single()).as("one document per step and office").isEqualTo(2);
    }

    /** The survey assigned to the municipality's own surveyor: 進捗 1 → 2. */
    private void surveyAssigned(ApiClient officer, UUID caseId) {
        staffOf(clerk(), "surveyor", "MUNICIPAL_OFFICER");
        ApiClient.Response assigned = officer.post("/api/certification/cases/" + insurer + "/" + PERSON + "/" + caseId + "/survey-assignment",
                "{\"staffLoginId\":\"surveyor\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
    }

    private static List<JsonNode> progressNotices(ApiClient office) {
        List<JsonNode> notices = new java.util.ArrayList<>();
        office.get("/api/exchange/inbox").json().forEach(e -> {
            if ("progress-notice".equals(e.get("kind").asString())) {
                notices.add(e);
            }
        });
        return notices;
    }
}
