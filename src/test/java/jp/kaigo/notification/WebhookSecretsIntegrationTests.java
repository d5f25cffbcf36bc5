package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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

/**
 * Webhook secrets at rest in the real PostgreSQL: the stored subscription holds the secret sealed (AES-256-GCM under
 * kaigo.webhooks.secret-key), never in plain text, and deliveries still verify with it at the receiver; a secret
 * stored in plain text before sealing existed is sealed at the start and keeps working; a sealed secret copied onto
 * another subscription does not open, so nothing is signed with it.
 */
@SpringBootTest
class WebhookSecretsIntegrationTests {
    private static final AtomicInteger NEXT_OFFICE = new AtomicInteger();
    private static final String INSURER = InsurerNumber.withCheckDigit("13101").value();
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    JdbcClient sql;
    WebhookReceiver receiver;
    Party office;
    final List<UUID> subscriptions = new ArrayList<>();

    @BeforeEach
    void anOffice() {
        receiver = WebhookReceiver.start();
        office = Party.office(OfficeNumber.withCheckDigit("4776" + String.format("%05d",
                (System.nanoTime() / 1000 + NEXT_OFFICE.getAndIncrement()) % 100_000)).value());
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(s -> webhooks.delete(office, s));
        receiver.close();
    }

    @Test
    void theStoredSubscriptionDoesNotHoldTheSecretAndDeliveriesStillVerify() {
        Webhooks.Registered hook = webhooks.register(office, UUID.randomUUID(), receiver.url());
        subscriptions.add(hook.subscriptionId());
        receiver.secret(hook.secret());
        String row = sql.sql("select row_to_json(s)::text from notification.webhook_subscriptions s where subscription_id = ?")
                .params(hook.subscriptionId()).query(String.class).single();
        assertThat(row).as("the stored row").doesNotContain(hook.secret()).contains("\"secret\":null");
        byte[] sealed = sql.sql("select secret_sealed from notification.webhook_subscriptions where subscription_id = ?")
                .params(hook.subscriptionId()).query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(hook.secret());
        assertThat(sql.sql("select secret_key_id from notification.webhook_subscriptions where subscription_id = ?")
                .params(hook.subscriptionId()).query(String.class).single()).isEqualTo(secrets.keyId());

        UUID document = send();
        awaitPlanned(hook.subscriptionId());
        webhooks.deliverDue();
        assertThat(receiver.requests()).singleElement().satisfies(r ->
                assertThat(r.signed()).as("verified by the receiver with the secret answered at registration").isTrue());
        assertThat(status(document)).isEqualTo("delivered");
    }

    @Test
    void aSecretStoredInPlainTextBeforeSealingIsSealedAtTheStartAndStillVerifies() {
        UUID subscription = UUID.randomUUID();
        String secret = "a-secret-stored-before-secrets-were-sealed";
        sql.sql("""
                insert into notification.webhook_subscriptions (subscription_id, org_kind, org_number, url, secret, created_by)
                values (?, ?, ?, ?, ?, ?)
                """).params(subscription, office.kind().code(), office.number(), receiver.url(), secret, UUID.randomUUID())
                .update();
        subscriptions.add(subscription);
        receiver.secret(secret);

        webhooks.sealPlainSecrets(); // as at every start (ApplicationReadyEvent)

        assertThat(sql.sql("select row_to_json(s)::text from notification.webhook_subscriptions s where subscription_id = ?")
                .params(subscription).query(String.class).single()).doesNotContain(secret);
        UUID document = send();
        awaitPlanned(subscription);
        webhooks.deliverDue();
        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.signed()).isTrue());
        assertThat(status(document)).isEqualTo("delivered");
    }

    @Test
    void aSealedSecretCopiedOntoAnotherSubscriptionSignsNothing() {
        Webhooks.Registered first = webhooks.register(office, UUID.randomUUID(), receiver.url());
        subscriptions.add(first.subscriptionId());
        WebhookReceiver other = WebhookReceiver.start();
        try {
            Webhooks.Registered second = webhooks.register(office, UUID.randomUUID(), other.url());
            subscriptions.add(second.subscriptionId());
            receiver.secret(first.secret());
            other.secret(first.secret());
            sql.sql("""
                    update notification.webhook_subscriptions t
                       set secret_nonce = f.secret_nonce, secret_sealed = f.secret_sealed
                      from notification.webhook_subscriptions f
                     where f.subscription_id = ? and t.subscription_id = ?
                    """).params(first.subscriptionId(), second.subscriptionId()).update();
            UUID document = send();
            awaitPlanned(second.subscriptionId());
            awaitPlanned(first.subscriptionId());
            webhooks.deliverDue();
            assertThat(other.requests()).as("nothing posted with a secret that does not open").isEmpty();
            assertThat(webhooks.deliveries(office, "pending")).singleElement().satisfies(d -> {
                assertThat(d.subscriptionId()).isEqualTo(second.subscriptionId());
                assertThat(d.lastError()).isEqualTo("secret-unreadable");
            });
            assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.signed()).isTrue());
            assertThat(webhooks.deliveries(office, "delivered")).singleElement()
                    .satisfies(d -> assertThat(d.documentId()).isEqualTo(document));
        } finally {
            other.close();
        }
    }

    private UUID send() {
        DocumentSent event = new DocumentSent(UUID.randomUUID(), 1, DocumentKind.PROGRESS_NOTICE,
                new Correspondent(Correspondent.Kind.MUNICIPALITY, INSURER), Correspondent.of(office), INSURER,
                "0000007777");
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        return event.documentId();
    }

    private String status(UUID documentId) {
        return sql.sql("select status from notification.webhook_deliveries where document_id = ?").params(documentId)
                .query(String.class).single();
    }

    private void awaitPlanned(UUID subscription) {
        await(() -> sql.sql("select count(*) from notification.webhook_deliveries where subscription_id = ?")
                .params(subscription).query(Integer.class).single() > 0);
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
