package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import jp.kaigo.notification.WebhookReceiver.Answer;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook deliveries against the real PostgreSQL and a receiver on 127.0.0.1 started by each test (issue 17 part 6):
 * documents sent to an office (a {@code DocumentSent} published in a committed transaction, as {@code exchange} does)
 * become signed deliveries with a stable idempotency key; only a verifying ack ends them; failures are retried with
 * backoff and parked; and, the done-when, each delivery is processed exactly once by the receiver across an instance
 * that died holding a claim, a lost ack and the events published again after a restart. The tests run the worker's
 * rounds themselves (the scheduled round is an hour apart in the tests).
 */
@SpringBootTest
class WebhookDeliveryIntegrationTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_OFFICE = new AtomicInteger();
    private static final String INSURER = InsurerNumber.withCheckDigit("13101").value();
    private static final String INSURED = "0000007777";
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookWorker worker;
    @Autowired
    WebhookBook book;
    @Autowired
    JdbcClient sql;
    WebhookReceiver receiver;
    Party office;
    Webhooks.Registered hook;

    @BeforeEach
    void anOfficeWithAWebhook() {
        receiver = WebhookReceiver.start();
        office = Party.office(OfficeNumber.withCheckDigit("4779" + String.format("%05d",
                (System.nanoTime() / 1000 + NEXT_OFFICE.getAndIncrement()) % 100_000)).value());
        hook = webhooks.register(office, UUID.randomUUID(), receiver.url());
        receiver.secret(hook.secret());
    }

    @AfterEach
    void stopTheReceiver() {
        webhooks.delete(office, hook.subscriptionId());
        receiver.close();
    }

    @Test
    void theReceiverVerifiesTheSignatureWithTheSecretAndNotWithAnother() {
        UUID document = send();
        awaitPlanned(1);
        assertThat(rounds(1)).isEqualTo(1);
        WebhookReceiver.Request request = receiver.requests().get(0);
        assertThat(request.signed()).as("verified by the receiver with the secret").isTrue();
        assertThat(request.signature()).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        assertThat(WebhookReceiver.verifies("another-secret-of-32-bytes-base64url-xxxx", request.signature(), request.body()))
                .as("with another secret").isFalse();
        assertThat(WebhookReceiver.verifies(hook.secret(), request.signature(), request.body().replace(document.toString(),
                UUID.randomUUID().toString()))).as("a body changed on the way").isFalse();
        assertThat(delivery(document).status()).isEqualTo("delivered");

        receiver.secret("a-receiver-with-another-secret");
        UUID second = send();
        awaitPlanned(2);
        rounds(1);
        assertThat(receiver.requests().get(1).signed()).as("a receiver with another secret refuses it").isFalse();
        assertThat(delivery(second).status()).isEqualTo("pending");
        assertThat(delivery(second).lastError()).isEqualTo("http-401");
    }

    @Test
    void thePayloadSaysWhatArrivedAndNothingAboutThePerson() {
        UUID document = send();
        awaitPlanned(1);
        rounds(1);
        String body = receiver.requests().get(0).body();
        JsonNode payload = JSON.readTree(body);
        List<String> names = new ArrayList<>();
        payload.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("eventId", "type", "documentId", "kind", "sentAt");
        assertThat(payload.get("type").asString()).isEqualTo("document.received");
        assertThat(payload.get("documentId").asString()).isEqualTo(document.toString());
        assertThat(payload.get("kind").asString()).isEqualTo("progress-notice");
        assertThat(Instant.parse(payload.get("sentAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(body).doesNotContain(INSURED).doesNotContain(INSURER);
        assertThat(webhooks.deliveries(office, "delivered")).singleElement().satisfies(d -> {
            assertThat(d.documentId()).isEqualTo(document);
            assertThat(d.toString()).doesNotContain(INSURED).doesNotContain(INSURER);
        });
    }

    @Test
    void theIdempotencyKeyStaysTheSameWhenADeliveryIsSentAgainOrItsEventPublishedAgain() {
        receiver.answer(r -> r.seenForKey() == 1 ? Answer.DROP_AFTER_PROCESSING : Answer.ACK);
        DocumentSent event = event(UUID.randomUUID(), 1);
        publish(event);
        awaitPlanned(1);
        publish(event); // the registry delivers the event again after a restart
        awaitNoPublicationsOutstanding();
        assertThat(planned()).as("one delivery for the event delivered twice").isEqualTo(1);
        rounds(1);
        assertThat(delivery(event.documentId()).lastError()).as("the connection dropped: no ack").isEqualTo("io");
        sleep(300);
        rounds(1);
        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(2);
        UUID expected = WebhookListener.eventId(event.documentId(), 1, hook.subscriptionId());
        assertThat(requests).extracting(WebhookReceiver.Request::idempotencyKey)
                .containsExactly(expected.toString(), expected.toString());
        assertThat(requests.get(0).deliveryId()).isEqualTo(requests.get(1).deliveryId());
        assertThat(requests.get(0).body()).as("the same body, signed again").isEqualTo(requests.get(1).body());
        assertThat(JSON.readTree(requests.get(0).body()).get("eventId").asString()).isEqualTo(expected.toString());
        assertThat(receiver.processed()).containsExactly(Map.entry(expected.toString(), 1));
        assertThat(delivery(event.documentId()).status()).isEqualTo("delivered");
        publish(event(event.documentId(), 2));
        awaitPlanned(2);
        assertThat(webhooks.deliveries(office, "pending")).singleElement().satisfies(d ->
                assertThat(d.eventId()).as("a new version is a new event")
                        .isEqualTo(WebhookListener.eventId(event.documentId(), 2, hook.subscriptionId())));
    }

    @Test
    void aFailedDeliveryIsRetriedAfterItsBackoffThenDelivered() {
        receiver.answer(r -> r.seenForKey() <= 2 ? Answer.FAIL_500 : Answer.ACK);
        UUID document = send();
        awaitPlanned(1);
        rounds(1);
        Webhooks.Delivery first = delivery(document);
        assertThat(first.status()).isEqualTo("pending");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isEqualTo("http-500");
        // last_attempt_at is the claim; the backoff counts from the failure, after the post
        assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt()))
                .as("backoff 50 ms ± 20 % after the post").isBetween(Duration.ofMillis(40), Duration.ofMillis(1060));
        sleep(300);
        rounds(1);
        Webhooks.Delivery second = delivery(document);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt()))
                .as("backoff doubled: 100 ms ± 20 % after the post").isBetween(Duration.ofMillis(80), Duration.ofMillis(1120));
        sleep(300);
        rounds(1);
        Webhooks.Delivery done = delivery(document);
        assertThat(done.status()).isEqualTo("delivered");
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.deliveredAt()).isNotNull();
        assertThat(receiver.requests()).hasSize(3);
        sleep(300);
        assertThat(rounds(1)).as("nothing more after the ack").isZero();
    }

    @Test
    void notYetDueIsNotSentAgain() {
        receiver.answer(r -> Answer.FAIL_500);
        UUID document = send();
        awaitPlanned(1);
        rounds(1);
        sql.sql("update notification.webhook_deliveries set next_attempt_at = now() + interval '1 hour' where document_id = ?")
                .params(document).update();
        rounds(1);
        assertThat(delivery(document).attempts()).isEqualTo(1);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void afterTheLastAttemptADeliveryIsParkedVisibleToTheOrganisationAndCanBePutBack() {
        receiver.answer(r -> Answer.FAIL_500);
        UUID document = send();
        awaitPlanned(1);
        for (int i = 0; i < 3; i++) {
            rounds(1);
            sleep(300);
        }
        Webhooks.Delivery parked = delivery(document);
        assertThat(parked.status()).isEqualTo("parked");
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(webhooks.deliveries(office, "parked")).singleElement().satisfies(d -> {
            assertThat(d.deliveryId()).isEqualTo(parked.deliveryId());
            assertThat(d.lastError()).isEqualTo("http-500");
        });
        assertThat(webhooks.subscriptions(office)).singleElement().satisfies(s -> {
            assertThat(s.parked()).isEqualTo(1);
            assertThat(s.pending()).isZero();
        });
        assertThat(rounds(1)).as("a parked delivery is not tried again by itself").isZero();
        assertThat(webhooks.retry(Party.office(OfficeNumber.withCheckDigit("477999999").value()), parked.deliveryId()))
                .as("another organisation cannot put it back").isFalse();
        assertThat(webhooks.retry(office, parked.deliveryId())).isTrue();
        assertThat(webhooks.retry(office, parked.deliveryId())).as("no longer parked").isFalse();
        receiver.answer(r -> Answer.ACK);
        rounds(1);
        assertThat(delivery(document).status()).isEqualTo("delivered");
        assertThat(webhooks.subscriptions(office).get(0).delivered()).isEqualTo(1);
    }

    @Test
    void aForgedAckDoesNotEndTheDelivery() {
        receiver.answer(r -> r.seenForKey() == 1 ? Answer.FORGED_ACK : Answer.ACK);
        UUID document = send();
        awaitPlanned(1);
        rounds(1);
        assertThat(delivery(document).status()).as("an ack made with another key").isEqualTo("pending");
        assertThat(delivery(document).lastError()).isEqualTo("ack-invalid");
        sleep(300);
        rounds(1);
        assertThat(delivery(document).status()).isEqualTo("delivered");
        assertThat(receiver.processed().values()).containsExactly(1);
    }

    @Test
    void aMissingAckDoesNotEndTheDelivery() {
        receiver.answer(r -> Answer.NO_ACK);
        UUID document = send();
        awaitPlanned(1);
        rounds(1);
        assertThat(delivery(document).status()).isEqualTo("pending");
        assertThat(delivery(document).lastError()).isEqualTo("ack-missing");
    }

    @Test
    void anAckOfAnotherDeliveryReplayedDoesNotEndThisOne() {
        UUID a = send();
        awaitPlanned(1);
        rounds(1);
        assertThat(delivery(a).status()).isEqualTo("delivered");
        receiver.answer(r -> r.seenForKey() == 1 ? Answer.REPLAYED_ACK : Answer.ACK); // A's valid ack, sent for B
        UUID b = send();
        awaitPlanned(2);
        rounds(1);
        assertThat(delivery(b).status()).as("a replayed ack").isEqualTo("pending");
        assertThat(delivery(b).lastError()).isEqualTo("ack-invalid");
        sleep(300);
        rounds(1);
        assertThat(delivery(b).status()).isEqualTo("delivered");
    }

    /**
     * Done when: "a webhook receiver started by the test gets each delivery exactly once across a restart". Four
     * documents; instance A claims one, posts it (the receiver processes it) and dies before recording anything; the
     * surviving instance delivers the others, one of whose acks is lost (the connection drops after processing);
     * after the claim timeout the dead claim is taken again; the events are published again as after a restart; and
     * A's late word on its old claim changes nothing. The receiver processed each event once, every delivery ended
     * with exactly one verified ack, and nothing more is sent.
     */
    @Test
    void eachDeliveryIsProcessedExactlyOnceAcrossADeadInstanceALostAckAndARestart() {
        List<DocumentSent> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DocumentSent event = event(UUID.randomUUID(), 1);
            sent.add(event);
            publish(event);
        }
        awaitPlanned(4);

        UUID deadToken = UUID.randomUUID();
        List<WebhookBook.Claimed> dying = book.claim(deadToken, 1, Duration.ofMinutes(2));
        assertThat(dying).hasSize(1);
        String diedOn = dying.get(0).eventId().toString();
        try {
            assertThat(worker.post(dying.get(0))).as("instance A's post was acknowledged").isNull();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        // instance A dies here: it never records the ack, its claim stays 'sending'
        String dropped = sent.stream().map(e -> WebhookListener.eventId(e.documentId(), 1, hook.subscriptionId()).toString())
                .filter(id -> !id.equals(diedOn)).findFirst().orElseThrow();
        receiver.answer(r -> r.idempotencyKey().equals(dropped) && r.seenForKey() == 1 ? Answer.DROP_AFTER_PROCESSING
                : Answer.ACK);

        assertThat(rounds(1)).as("the survivor takes the three unclaimed, not A's fresh claim").isEqualTo(3);
        assertThat(webhooks.deliveries(office, "sending")).singleElement()
                .satisfies(d -> assertThat(d.eventId().toString()).isEqualTo(diedOn));
        sql.sql("""
                update notification.webhook_deliveries set claimed_at = claimed_at - interval '3 minutes'
                 where event_id = cast(? as uuid)
                """).params(diedOn).update(); // the claim timeout (2 minutes) passes
        for (DocumentSent event : sent) {
            publish(event); // the restarted platform republishes the events
        }
        awaitNoPublicationsOutstanding();
        for (int i = 0; i < 10 && !webhooks.deliveries(office, "delivered").stream().map(Webhooks.Delivery::deliveryId)
                .toList().containsAll(allDeliveries()); i++) {
            sleep(300);
            rounds(1);
        }
        assertThat(book.failed(dying.get(0).deliveryId(), deadToken, "io", 3, Duration.ofSeconds(1)))
                .as("A's late word on a claim taken over").isNull();

        assertThat(planned()).as("one delivery per event").isEqualTo(4);
        assertThat(webhooks.deliveries(office, "delivered")).hasSize(4);
        Set<String> keys = new HashSet<>();
        sent.forEach(e -> keys.add(WebhookListener.eventId(e.documentId(), 1, hook.subscriptionId()).toString()));
        assertThat(receiver.processed()).as("each event processed exactly once by the receiver").hasSize(4)
                .containsOnlyKeys(keys).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(receiver.acked()).as("acks given: once each, twice where A died with the first ack unrecorded")
                .hasSize(4).allSatisfy((key, times) -> assertThat(times).isEqualTo(key.equals(diedOn) ? 2 : 1));
        assertThat(receiver.requests()).as("4 posts, A's taken again, the dropped one again").hasSize(6)
                .allMatch(WebhookReceiver.Request::signed);
        assertThat(receiver.requests().stream().filter(r -> !r.firstTime()).map(WebhookReceiver.Request::idempotencyKey))
                .containsExactlyInAnyOrder(diedOn, dropped);
        sleep(300);
        assertThat(rounds(1)).as("nothing is sent after the acks").isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private UUID send() {
        DocumentSent event = event(UUID.randomUUID(), 1);
        publish(event);
        return event.documentId();
    }

    private DocumentSent event(UUID documentId, int version) {
        return new DocumentSent(documentId, version, DocumentKind.PROGRESS_NOTICE,
                new Correspondent(Correspondent.Kind.MUNICIPALITY, INSURER), Correspondent.of(office), INSURER, INSURED);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Rounds of the worker; answers how many deliveries they attempted. */
    private int rounds(int n) {
        int attempted = 0;
        for (int i = 0; i < n; i++) {
            attempted += worker.deliverDue();
        }
        return attempted;
    }

    private List<UUID> allDeliveries() {
        return sql.sql("select delivery_id from notification.webhook_deliveries where subscription_id = ?")
                .params(hook.subscriptionId()).query(UUID.class).list();
    }

    private int planned() {
        return sql.sql("select count(*) from notification.webhook_deliveries where subscription_id = ?")
                .params(hook.subscriptionId()).query(Integer.class).single();
    }

    private Webhooks.Delivery delivery(UUID documentId) {
        for (String status : List.of("pending", "sending", "delivered", "parked")) {
            for (Webhooks.Delivery d : webhooks.deliveries(office, status)) {
                if (d.documentId().equals(documentId)) {
                    return d;
                }
            }
        }
        throw new AssertionError("no delivery for the document");
    }

    private void awaitPlanned(int count) {
        await(() -> planned() >= count);
    }

    private void awaitNoPublicationsOutstanding() {
        await(() -> sql.sql("select count(*) from public.event_publication where completion_date is null"
                + " and listener_id like '%WebhookListener%'").query(Integer.class).single() == 0);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
