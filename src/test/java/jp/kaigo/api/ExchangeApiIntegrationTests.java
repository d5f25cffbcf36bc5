package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Documents between organisations through the API (design §8.1, increment 7): what the care manager, the clerk and
 * the clinic see and may do, what is refused (and audited as refused), and that a refused or invalid document
 * leaves nothing behind.
 */
class ExchangeApiIntegrationTests extends ExchangeApiTests {

    @Test
    void anApplicationTravelsToTheClerkAndTheOpinionRequestToTheClinicEachStepWithItsReceipt() {
        inCharge("43");
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
        ApiClient.Response certificate = doctor.get("/api/exchange/receipt-certificates/"
                + receipts.get(0).get("signerSerial").asString());
        assertThat(certificate.body()).as("the receipt's certificate, to verify offline")
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(outcome(careManager.get(requestPath + "/receipts"))).as("not a party of the request")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(audited("exchange.read")).as("the clinic's reading is in the person's trail")
                .anyMatch(e -> e.startsWith("medical-institution:" + clinicCode + ":permit"));
    }

    @Test
    void aDocumentOfTheWrongDirectionIsRefusedAndAuditedAsRefused() {
        inCharge("43");
        ApiClient.Response refused = send(careManager, "opinion-request", "medical-institution", clinicCode,
                Map.of("requestKind", "1", "doctorKind", "1"), null);
        assertThat(outcome(refused)).isEqualTo("403:WRONG_DIRECTION");
        assertThat(audited("exchange.send")).containsExactly("office:" + officeNo + ":deny:WRONG_DIRECTION");
        assertThat(documents()).isZero();
    }

    @Test
    void fieldsOfAnotherKindGetFieldErrorsAndNothingIsStored() {
        inCharge("43");
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
        inCharge("43");
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
        var layout = careManager.get("/api/exchange/layouts/doctor-opinion").json();
        assertThat(layout.get("version").asString()).isEqualTo("09B-2026");
        assertThat(layout.get("fields").size()).isGreaterThan(130);
        assertThat(careManager.get("/api/exchange/layouts/no-such-kind").status()).isEqualTo(404);
        ApiClient.Response bad = clerk().get("/api/exchange/documents/12345/" + PERSON + "/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("documentId");
        ApiClient.Response noAddressee = careManager.post("/api/exchange/documents",
                "{\"kind\":\"certification-application\",\"to\":{\"kind\":\"board\",\"number\":\"x\"},\"insurerNo\":\""
                        + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"payload\":{}}");
        assertThat(noAddressee.status()).isEqualTo(400);
        assertThat(noAddressee.body()).contains("to.kind");
    }

}
