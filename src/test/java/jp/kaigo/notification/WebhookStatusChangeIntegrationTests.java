package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.SendDocument;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatusChanged;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks of status changes through the real exchange: an office sends a 要介護認定申請 to a municipality, both with
 * a webhook on a receiver of their own. The office is told that the municipality's inbox took it (delivered), that its
 * staff read it and that they returned it; the municipality is told of the documents it received and that the office
 * withdrew one, and of none of its own changes. The payload names the change and the document, never the person nor
 * the return's reason or note; an event published again plans no second delivery.
 */
@SpringBootTest
@RecordApplicationEvents
class WebhookStatusChangeIntegrationTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    /** A municipality of this test's own, whose webhook sees no other test's documents. */
    private static final InsurerNumber INSURER = InsurerNumber.withCheckDigit("46" + String.format("%03d",
            System.nanoTime() / 1000 % 1000));
    private static final String NOTE = "山田太郎様の主治医欄が空欄です";
    @Autowired
    DocumentExchange exchange;
    @Autowired
    Webhooks webhooks;
    @Autowired
    JdbcClient sql;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    WebhookReceiver officeSystem;
    WebhookReceiver municipalitySystem;
    Party office;
    Party municipality = Party.municipality(INSURER.value());
    final List<Runnable> cleanUp = new ArrayList<>();

    @BeforeEach
    void anOfficeAndAMunicipalityWithWebhooks() {
        office = Party.office(OfficeNumber.withCheckDigit("4775" + String.format("%05d", NEXT.incrementAndGet() % 100_000))
                .value());
        officeSystem = WebhookReceiver.start();
        municipalitySystem = WebhookReceiver.start();
        Webhooks.Registered officeHook = webhooks.register(office, UUID.randomUUID(), officeSystem.url());
        officeSystem.secret(officeHook.secret());
        cleanUp.add(() -> webhooks.delete(office, officeHook.subscriptionId()));
        Webhooks.Registered municipalityHook = webhooks.register(municipality, UUID.randomUUID(), municipalitySystem.url());
        municipalitySystem.secret(municipalityHook.secret());
        cleanUp.add(() -> webhooks.delete(municipality, municipalityHook.subscriptionId()));
    }

    @AfterEach
    void stopTheReceivers() {
        cleanUp.forEach(Runnable::run);
        officeSystem.close();
        municipalitySystem.close();
    }

    @Test
    void thePartyThatDidNotMakeTheChangeIsToldWithoutAnythingAboutThePerson() {
        InsuredNumber person = new InsuredNumber(String.format("%010d", NEXT.incrementAndGet()));
        Correspondent by = Correspondent.of(office);
        Correspondent to = Correspondent.of(municipality);
        SendResult sent = exchange.send(new SendDocument(DocumentKind.CERTIFICATION_APPLICATION, INSURER, person, by, to,
                applicationPayload("1"), "key-" + UUID.randomUUID(), null, null, UUID.randomUUID(), null));
        DocumentRef ref = ((SendResult.Sent) sent).document();
        assertThat(exchange.open(ref, to, UUID.randomUUID())).isInstanceOf(OpenResult.Opened.class); // delivered, read
        assertThat(exchange.returnDocument(ref, to, UUID.randomUUID(), ReturnReason.INCOMPLETE, NOTE))
                .isInstanceOf(ChangeResult.Changed.class);
        assertThat(exchange.newVersion(ref, by, UUID.randomUUID(), applicationPayload("2"), null))
                .isInstanceOf(ChangeResult.Changed.class);
        assertThat(exchange.withdraw(ref, by, UUID.randomUUID(), "申請者の意向")).isInstanceOf(ChangeResult.Changed.class);
        await(() -> planned(ref.documentId()) == 6);
        deliverAll(ref.documentId());

        assertThat(payloads(officeSystem)).extracting(p -> p.get("type").asString() + " " + p.path("from").asString("")
                + ">" + p.path("to").asString("")).containsExactlyInAnyOrder(
                "document.status-changed sent>delivered", "document.status-changed delivered>read",
                "document.status-changed read>returned");
        assertThat(payloads(municipalitySystem)).extracting(p -> p.get("type").asString() + " " + p.path("from").asString("")
                + ">" + p.path("to").asString("")).containsExactlyInAnyOrder(
                "document.received >", "document.received >", "document.status-changed sent>withdrawn");
        JsonNode returned = payloads(officeSystem).stream().filter(p -> p.get("to").asString().equals("returned"))
                .findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        returned.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("eventId", "type", "documentId", "kind", "from", "to", "changedAt");
        assertThat(returned.get("documentId").asString()).isEqualTo(ref.documentId().toString());
        assertThat(returned.get("kind").asString()).isEqualTo(DocumentKind.CERTIFICATION_APPLICATION.key());
        assertThat(Instant.parse(returned.get("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        for (WebhookReceiver system : List.of(officeSystem, municipalitySystem)) {
            assertThat(system.requests()).allSatisfy(r -> {
                assertThat(r.signed()).isTrue();
                assertThat(r.body()).doesNotContain(person.value()).doesNotContain(INSURER.value())
                        .doesNotContain("山田").doesNotContain("incomplete").doesNotContain("申請者");
            });
        }
        assertThat(officeSystem.processed()).hasSize(3).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));

        // the registry delivers the changes again (a restart): one delivery each still
        List<DocumentStatusChanged> changes = events.stream(DocumentStatusChanged.class)
                .filter(e -> e.documentId().equals(ref.documentId())).toList();
        assertThat(changes).hasSize(6); // sent, delivered, read, returned, sent (version 2), withdrawn
        changes.forEach(e -> transactions.executeWithoutResult(s -> publisher.publishEvent(e)));
        await(() -> sql.sql("select count(*) from public.event_publication where completion_date is null"
                + " and listener_id like '%WebhookListener%'").query(Integer.class).single() == 0);
        assertThat(planned(ref.documentId())).isEqualTo(6);
    }

    private int planned(UUID documentId) {
        return sql.sql("select count(*) from notification.webhook_deliveries where document_id = ?").params(documentId)
                .query(Integer.class).single();
    }

    private void deliverAll(UUID documentId) {
        await(() -> {
            webhooks.deliverDue();
            return sql.sql("select count(*) from notification.webhook_deliveries where document_id = ? and status = 'delivered'")
                    .params(documentId).query(Integer.class).single() == 6;
        });
    }

    private static List<JsonNode> payloads(WebhookReceiver system) {
        return system.requests().stream().map(r -> JSON.readTree(r.body())).toList();
    }

    private static Map<String, String> applicationPayload(String type) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("applicationType", type);
        payload.put("doctorInstitutionCode", MedicalInstitutionCode.withCheckDigit("131012345").value());
        payload.put("doctorInstitutionName", "千代田クリニック");
        payload.put("doctorName", "医師 一郎");
        payload.put("surveyPlace", "1");
        payload.put("surveyContactName", "介護 花子");
        payload.put("surveyContactPhone", "090-1111-2222");
        payload.put("blanketConsent", "1");
        return payload;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
