package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.kaigo.notification.WebhookReceiver;
import jp.kaigo.notification.WebhookReceiver.Answer;
import jp.kaigo.notification.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks through the API (issue 17 part 6): the municipality's administrator registers its system's URL (the secret
 * is answered once), an application sent by an office arrives at the system as a signed delivery that names the
 * document and no person, and the system reads the document through the API; a non-administrator cannot register,
 * a plain-http or malformed URL is refused naming the field, five is the most; a parked delivery is listed without
 * its payload and put back. The worker's rounds are run by the test ({@link Webhooks#deliverDue()}).
 */
class WebhookApiIntegrationTests extends ExchangeApiTests {
    @Autowired
    Webhooks webhooks;
    WebhookReceiver receiver;

    @BeforeEach
    void startTheReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        for (JsonNode hook : clerk().get("/api/webhooks").json()) {
            clerk().request("DELETE", "/api/webhooks/" + hook.get("id").asString(), null, null, Map.of());
        }
        receiver.close();
    }

    @Test
    void theAdministratorRegistersTheSystemWhichIsToldOfEachArrivalAndReadsItThroughTheApi() {
        ApiClient.Response registered = clerk().post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().get("id").asString();
        String secret = registered.json().get("secret").asString();
        assertThat(secret).as("32 random bytes, base64url").matches("[A-Za-z0-9_-]{43}");
        receiver.secret(secret);
        ApiClient.Response listed = clerk().get("/api/webhooks");
        assertThat(listed.body()).as("the secret is shown once").doesNotContain(secret).doesNotContain("secret");
        assertThat(listed.json()).singleElement().satisfies(h -> {
            assertThat(h.get("id").asString()).isEqualTo(id);
            assertThat(h.get("url").asString()).isEqualTo(receiver.url());
        });

        inCharge("43");
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer, application(), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String documentId = sent.json().get("documentId").asString();
        await(() -> {
            webhooks.deliverDue();
            return !receiver.requests().isEmpty();
        });
        WebhookReceiver.Request delivery = receiver.requests().get(0);
        assertThat(delivery.signed()).isTrue();
        JsonNode payload = ApiClient.JSON.readTree(delivery.body());
        assertThat(payload.get("documentId").asString()).isEqualTo(documentId);
        assertThat(payload.get("kind").asString()).isEqualTo("certification-application");
        assertThat(delivery.body()).as("no person in the payload").doesNotContain(PERSON).doesNotContain(insurer)
                .doesNotContain("介護 太郎").doesNotContain("098-123-4567").doesNotContain(BORN);
        await(() -> clerk().get("/api/webhooks").json().get(0).get("delivered").asInt() == 1);

        JsonNode inbox = clerk().get("/api/exchange/inbox").json();
        assertThat(inbox).as("the system reads what arrived through the API").anySatisfy(d ->
                assertThat(d.get("documentId").asString()).isEqualTo(documentId));

        assertThat(clerk().request("DELETE", "/api/webhooks/" + id, null, null, Map.of()).status()).isEqualTo(204);
        assertThat(clerk().get("/api/webhooks").json()).isEmpty();
        assertThat(clerk().request("DELETE", "/api/webhooks/" + id, null, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAdministratorRegistersDeletesOrPutsBack() {
        ApiClient officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        ApiClient.Response refused = officer.post("/api/webhooks", "{\"url\":\"https://hooks.example.invalid/kaigo\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/webhooks", "{\"url\":\"https://hooks.example.invalid/kaigo\"}").status())
                .as("the certificate alone").isEqualTo(401);
        String id = clerk().post("/api/webhooks", "{\"url\":\"https://hooks.example.invalid/kaigo\"}").json().get("id").asString();
        assertThat(officer.get("/api/webhooks").json()).as("staff may list").hasSize(1);
        assertThat(officer.request("DELETE", "/api/webhooks/" + id, null, null, Map.of()).status()).isEqualTo(403);
        assertThat(officer.post("/api/webhooks/deliveries/" + id + "/retry", "").status()).isEqualTo(403);
        assertThat(officeAdminSees()).as("another organisation sees none of them").isEmpty();
    }

    @Test
    void aUrlThatIsNotHttpsOrNotAUrlIsRefusedNamingTheFieldAndAtMostFiveAreKept() {
        for (String url : List.of("http://hooks.example.invalid/kaigo", "ftp://hooks.example.invalid/kaigo", "not a url",
                "https://user:pw@hooks.example.invalid/", "/relative", "")) {
            ApiClient.Response refused = clerk().post("/api/webhooks", "{\"url\":\"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("url");
            if (url.startsWith("http:") || url.startsWith("ftp:")) {
                assertThat(error.get("reason").asString()).contains("https");
            }
            if (!url.isEmpty()) {
                assertThat(refused.body()).as("the URL is not repeated").doesNotContain(url);
            }
        }
        for (int i = 1; i <= Webhooks.MAX_PER_ORGANISATION; i++) {
            assertThat(clerk().post("/api/webhooks", "{\"url\":\"https://hooks.example.invalid/" + i + "\"}").status())
                    .isEqualTo(201);
        }
        ApiClient.Response sixth = clerk().post("/api/webhooks", "{\"url\":\"https://hooks.example.invalid/6\"}");
        assertThat(sixth.status()).isEqualTo(400);
        assertThat(sixth.json().get("errors").get(0).get("reason").asString()).contains("5件");
        assertThat(clerk().get("/api/webhooks").json()).hasSize(5);
    }

    @Test
    void aParkedDeliveryIsListedWithoutItsPayloadAndPutBack() {
        String secret = clerk().post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\"}").json().get("secret").asString();
        receiver.secret(secret);
        receiver.answer(r -> Answer.FAIL_500);
        inCharge("43");
        String documentId = send(careManager, "certification-application", "municipality", insurer, application(), null)
                .json().get("documentId").asString();
        await(() -> {
            webhooks.deliverDue();
            return clerk().get("/api/webhooks/deliveries?status=parked").json().size() == 1;
        });
        ApiClient.Response parked = clerk().get("/api/webhooks/deliveries?status=parked");
        JsonNode delivery = parked.json().get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastError").asString()).isEqualTo("http-500");
        assertThat(delivery.get("documentId").asString()).isEqualTo(documentId);
        assertThat(delivery.get("type").asString()).isEqualTo("document.received");
        assertThat(names(delivery)).doesNotContain("payload");
        assertThat(parked.body()).doesNotContain(PERSON);
        assertThat(clerk().get("/api/webhooks").json().get(0).get("parked").asInt()).isEqualTo(1);
        assertThat(clerk().get("/api/webhooks/deliveries?status=lost").status()).isEqualTo(400);

        receiver.answer(r -> Answer.ACK);
        ApiClient.Response retried = clerk().post("/api/webhooks/deliveries/" + delivery.get("id").asString() + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(clerk().post("/api/webhooks/deliveries/" + delivery.get("id").asString() + "/retry", "").status())
                .as("no longer parked").isEqualTo(404);
        await(() -> {
            webhooks.deliverDue();
            return clerk().get("/api/webhooks").json().get(0).get("delivered").asInt() == 1;
        });
        assertThat(receiver.processed()).hasSize(1);
    }

    private List<String> officeAdminSees() {
        List<String> ids = new ArrayList<>();
        office.get("/api/webhooks").json().forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
