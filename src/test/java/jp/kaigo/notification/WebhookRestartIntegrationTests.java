package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import jp.kaigo.KaigoPlatform;
import jp.kaigo.notification.WebhookReceiver.Answer;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The done-when of issue 17 part 6 across a real restart: "a webhook receiver started by the test gets each delivery
 * exactly once across a restart". The platform runs as an application of its own (not a test context: its scheduled
 * worker delivers, every 100 ms), is stopped while a post is in flight, and started again on the same database (the
 * embedded PostgreSQL of this JVM outlives its application contexts, as a persistent data directory outlives a
 * process). Before the stop the receiver acknowledged two events, was unavailable for a third (503, nothing
 * processed), processed a fourth and dropped the connection (the ack lost), and holds the fifth after processing it
 * (the platform stops waiting for the answer); the registry's record that the listener planned the five is undone, as
 * when an instance dies between the two. After the start a sixth is sent. The receiver, deduplicating by
 * Idempotency-Key as a real one does, processed each of the six exactly once, each ended with a verifying ack, none
 * was planned twice, and nothing more is due.
 */
class WebhookRestartIntegrationTests {
    private static final String INSURER = InsurerNumber.withCheckDigit("13101").value();
    /** As command-line arguments, which the test application.properties does not override. */
    private static final String[] ARGUMENTS = {
            "--server.port=0",
            "--kaigo.webhooks.poll-interval=PT0.1S",
            "--kaigo.webhooks.timeout=PT5S",
            "--kaigo.webhooks.claim-timeout=PT3S",
            "--kaigo.webhooks.max-attempts=100",
            // a stop that does not wait for the post in flight (as when an instance is killed or its grace ends):
            // the worker is interrupted and records nothing
            "--spring.lifecycle.timeout-per-shutdown-phase=200ms"};

    @Test
    void eachDeliveryIsProcessedExactlyOnceAcrossAStopWithAPostInFlightAndAStartOnTheSameDatabase() throws Exception {
        Party office = Party.office(OfficeNumber.withCheckDigit("4778" + String.format("%05d",
                System.nanoTime() / 1000 % 100_000)).value());
        List<UUID> documents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            documents.add(UUID.randomUUID());
        }
        AtomicBoolean restarted = new AtomicBoolean();
        ConfigurableApplicationContext second = null;
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ConfigurableApplicationContext first = start();
            Webhooks.Registered hook = first.getBean(Webhooks.class).register(office, UUID.randomUUID(), receiver.url());
            receiver.secret(hook.secret());
            List<String> keys = documents.stream()
                    .map(d -> WebhookListener.eventId(d, 1, hook.subscriptionId()).toString()).toList();
            receiver.answer(r -> restarted.get() ? Answer.ACK
                    : r.idempotencyKey().equals(keys.get(2)) ? Answer.UNAVAILABLE_503
                    : r.idempotencyKey().equals(keys.get(3)) ? Answer.DROP_AFTER_PROCESSING
                    : r.idempotencyKey().equals(keys.get(4)) ? Answer.HOLD_AFTER_PROCESSING
                    : Answer.ACK);

            for (int i = 0; i < 4; i++) {
                send(first, documents.get(i), office);
            }
            await("the first four posted before the stop", () -> receiver.acked().keySet().containsAll(keys.subList(0, 2))
                    && requested(receiver, keys.get(2)) && requested(receiver, keys.get(3)));
            send(first, documents.get(4), office);
            assertThat(receiver.awaitHeld(Duration.ofSeconds(30))).as("the fifth is posted and held").isTrue();
            // the instance dies after planning, before the registry recorded it: the events are published again
            first.getBean(JdbcClient.class).sql("""
                    update public.event_publication set completion_date = null
                     where listener_id like '%WebhookListener%' and serialized_event similar to ?
                    """).params("%(" + String.join("|", documents.subList(0, 5).stream().map(UUID::toString).toList())
                    + ")%").update();
            String url = first.getEnvironment().getProperty("spring.datasource.url");
            first.close(); // with the fifth's post in flight
            receiver.releaseHeld();
            restarted.set(true);
            JdbcClient database = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                    "postgres", ""));
            assertThat(database.sql("select status from notification.webhook_deliveries where event_id = ?")
                    .params(UUID.fromString(keys.get(4))).query(String.class).single())
                    .as("the stopped instance's claim of the fifth is left unfinished").isEqualTo("sending");
            assertThat(receiver.processed()).as("before the restart").containsOnlyKeys(keys.get(0), keys.get(1),
                    keys.get(3), keys.get(4));

            second = start();
            Webhooks webhooks = second.getBean(Webhooks.class);
            send(second, documents.get(5), office);
            await("all six delivered after the start", () -> webhooks.deliveries(office, "delivered").size() == 6);

            assertThat(receiver.processed()).as("each event processed exactly once by the receiver")
                    .containsOnlyKeys(keys).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
            assertThat(webhooks.deliveries(office, "delivered")).extracting(d -> d.eventId().toString())
                    .containsExactlyInAnyOrderElementsOf(keys);
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select count(*) from notification.webhook_deliveries where subscription_id = ?")
                    .params(hook.subscriptionId()).query(Integer.class).single())
                    .as("one delivery per event, though the events were published again").isEqualTo(6);
            List<WebhookReceiver.Request> fifth = receiver.requests().stream()
                    .filter(r -> keys.get(4).equals(r.idempotencyKey())).toList();
            assertThat(fifth).as("the post in flight at the stop, and again after the start").hasSize(2)
                    .extracting(WebhookReceiver.Request::deliveryId).containsOnly(fifth.get(0).deliveryId());
            assertThat(receiver.requests()).allMatch(WebhookReceiver.Request::signed);
            Map<String, Integer> acked = receiver.acked();
            assertThat(acked).as("every event ended with a verifying ack").containsOnlyKeys(keys);
            assertThat(webhooks.deliverDue()).as("nothing is due after the acks").isZero();
            webhooks.delete(office, hook.subscriptionId());
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KaigoPlatform.class).run(ARGUMENTS);
    }

    private static void send(ConfigurableApplicationContext context, UUID document, Party office) {
        DocumentSent event = new DocumentSent(document, 1, DocumentKind.PROGRESS_NOTICE,
                new Correspondent(Correspondent.Kind.MUNICIPALITY, INSURER), Correspondent.of(office), INSURER,
                "0000007777");
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.publishEvent(event));
    }

    private static boolean requested(WebhookReceiver receiver, String key) {
        return receiver.requests().stream().anyMatch(r -> key.equals(r.idempotencyKey()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
