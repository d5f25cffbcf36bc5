package jp.kaigo.notification;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks facade (issue 17 part 6, "systems subscribe"): an organisation's system registers a URL for its exchange
 * documents and is told of each document that arrives and of each change of status the other party makes to its
 * documents, by a signed POST that names the event and the document and no person (the system then reads the document through the API, where {@code access} decides). Deliveries carry an
 * idempotency key, are retried with backoff until the receiver answers with a verifying ack, and are parked after
 * {@code kaigo.webhooks.max-attempts} failures, visible to the organisation, which may put them back. Callers have
 * decided who may ask (the organisation's administrator registers and deletes). The secret is stored sealed
 * ({@code WebhookSecrets}).
 */
@Service
public class Webhooks {
    /** Subscriptions an organisation may have at once. */
    public static final int MAX_PER_ORGANISATION = 5;
    /** Deliveries listed at most (newest first). */
    public static final int LIST_LIMIT = 100;
    private static final Set<String> STATES = Set.of("pending", "sending", "delivered", "parked");
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final WebhookBook book;
    private final WebhookWorker worker;
    private final boolean allowLoopbackHttp;

    Webhooks(WebhookBook book, WebhookWorker worker,
            @Value("${kaigo.webhooks.allow-loopback-http:false}") boolean allowLoopbackHttp) {
        this.book = book;
        this.worker = worker;
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** A new subscription and its secret, which is answered here once and never again. */
    public record Registered(UUID subscriptionId, String url, String secret, Instant createdAt) {
        @Override
        public String toString() { // the secret is never logged
            return "Registered[subscriptionId=" + subscriptionId + "]";
        }
    }

    /** A subscription as its organisation lists it (without the secret), with its deliveries counted by state. */
    public record Subscription(UUID subscriptionId, String url, Instant createdAt, int pending, int delivered,
            int parked) {
    }

    /** A delivery as its organisation sees it: what it is about and how it went, never the payload. */
    public record Delivery(UUID deliveryId, UUID subscriptionId, UUID eventId, String type, UUID documentId,
            String status, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
            Instant deliveredAt) {
    }

    /** Registers a webhook for the organisation's documents, by its administrator {@code staffId}; at most five. */
    @Transactional
    public Registered register(Party organisation, UUID staffId, String url) {
        if (organisation.kind() == PartyKind.OPERATOR) {
            throw new InvalidValue("organisation", "組織", "運営者は書類を受け取らないため登録できません");
        }
        String checked = WebhookAddress.check(url, allowLoopbackHttp).toString();
        if (book.lockAndCount(organisation) >= MAX_PER_ORGANISATION) {
            throw new InvalidValue("url", "通知先URL", "登録できるのは1組織" + MAX_PER_ORGANISATION
                    + "件までです(使わないものを削除してください)");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        book.subscribe(id, organisation, checked, secret, staffId);
        log.info("webhook {} registered for {} by staff {}", id, organisation, staffId);
        return new Registered(id, checked, secret, book.createdAt(id));
    }

    /** The organisation's webhooks, oldest first. */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions(Party organisation) {
        return book.subscriptions(organisation);
    }

    /** Deletes one of the organisation's webhooks and its deliveries; false when it has no such webhook. */
    @Transactional
    public boolean delete(Party organisation, UUID subscriptionId) {
        boolean deleted = book.unsubscribe(organisation, subscriptionId);
        if (deleted) {
            log.info("webhook {} of {} deleted", subscriptionId, organisation);
        }
        return deleted;
    }

    /** The organisation's deliveries in a state (pending, sending, delivered, parked), newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Party organisation, String status) {
        if (status == null || !STATES.contains(status)) {
            throw new InvalidValue("status", "状態", "parked, pending, sending, delivered のいずれかを指定してください");
        }
        return book.deliveries(organisation, status, LIST_LIMIT);
    }

    /** Puts one of the organisation's parked deliveries back to be sent again; false when there is no such one. */
    @Transactional
    public boolean retry(Party organisation, UUID deliveryId) {
        boolean retried = book.retry(organisation, deliveryId);
        if (retried) {
            log.info("webhook delivery {} of {} put back", deliveryId, organisation);
        }
        return retried;
    }

    /**
     * At the start: secrets of subscriptions registered before they were sealed are sealed now (their plain column is
     * emptied), so no secret stays readable in the database once the platform ran.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sealPlainSecrets() {
        int sealed = book.sealPlainSecrets();
        if (sealed > 0) {
            log.info("sealed the secrets of {} webhook subscriptions stored before secrets were sealed", sealed);
        }
    }

    /** One round of the delivery worker now (the scheduler runs it every {@code kaigo.webhooks.poll-interval}). */
    public int deliverDue() {
        return worker.deliverDue();
    }
}
