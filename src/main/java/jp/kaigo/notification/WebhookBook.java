package jp.kaigo.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of the webhook tables: subscriptions, and deliveries with their claims and retries. */
@Repository
class WebhookBook {
    private final JdbcClient sql;
    private final WebhookSecrets secrets;

    WebhookBook(JdbcClient sql, WebhookSecrets secrets) {
        this.sql = sql;
        this.secrets = secrets;
    }

    /**
     * The organisation's subscriptions counted under a transaction-scoped lock of the organisation, so two
     * registrations at once cannot pass the limit together.
     */
    int lockAndCount(Party organisation) {
        sql.sql("select pg_advisory_xact_lock(hashtext('notification.webhooks:' || ? || ':' || ?))")
                .params(organisation.kind().code(), organisation.number()).query((rs, n) -> 1).list();
        return sql.sql("select count(*) from notification.webhook_subscriptions where org_kind = ? and org_number = ?")
                .params(organisation.kind().code(), organisation.number()).query(Integer.class).single();
    }

    /** Stores the subscription with its secret sealed (never in plain text). */
    void subscribe(UUID subscriptionId, Party organisation, String url, String secret, UUID staffId) {
        WebhookSecrets.Sealed sealed = secrets.seal(subscriptionId, secret);
        sql.sql("""
                insert into notification.webhook_subscriptions
                       (subscription_id, org_kind, org_number, url, secret_nonce, secret_sealed, secret_key_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(subscriptionId, organisation.kind().code(), organisation.number(), url, sealed.nonce(),
                sealed.ciphertext(), sealed.keyId(), staffId).update();
    }

    /**
     * Seals the secrets still stored in plain text (rows written before the secrets were sealed) and empties their
     * plain column; answers how many. A row another instance sealed meanwhile is left as that one sealed it.
     */
    int sealPlainSecrets() {
        record Plain(UUID subscriptionId, String secret) {
            @Override
            public String toString() {
                return "Plain[" + subscriptionId + "]";
            }
        }
        List<Plain> plain = sql.sql("select subscription_id, secret from notification.webhook_subscriptions"
                + " where secret is not null").query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2))).list();
        int sealedNow = 0;
        for (Plain row : plain) {
            WebhookSecrets.Sealed sealed = secrets.seal(row.subscriptionId(), row.secret());
            sealedNow += sql.sql("""
                    update notification.webhook_subscriptions
                       set secret = null, secret_nonce = ?, secret_sealed = ?, secret_key_id = ?
                     where subscription_id = ? and secret is not null
                    """).params(sealed.nonce(), sealed.ciphertext(), sealed.keyId(), row.subscriptionId()).update();
        }
        return sealedNow;
    }

    Instant createdAt(UUID subscriptionId) {
        return sql.sql("select created_at from notification.webhook_subscriptions where subscription_id = ?")
                .params(subscriptionId).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    /** The organisation's subscriptions with their deliveries counted by state (sending counts as pending). */
    List<Webhooks.Subscription> subscriptions(Party organisation) {
        return sql.sql("""
                select s.subscription_id, s.url, s.created_at,
                       count(d.delivery_id) filter (where d.status in ('pending', 'sending')),
                       count(d.delivery_id) filter (where d.status = 'delivered'),
                       count(d.delivery_id) filter (where d.status = 'parked')
                  from notification.webhook_subscriptions s
                  left join notification.webhook_deliveries d on d.subscription_id = s.subscription_id
                 where s.org_kind = ? and s.org_number = ?
                 group by s.subscription_id, s.url, s.created_at
                 order by s.created_at, s.subscription_id
                """).params(organisation.kind().code(), organisation.number())
                .query((rs, n) -> new Webhooks.Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getInt(6))).list();
    }

    /** Removes the organisation's subscription and its deliveries; false when it has no such subscription. */
    boolean unsubscribe(Party organisation, UUID subscriptionId) {
        return sql.sql("""
                delete from notification.webhook_subscriptions where subscription_id = ? and org_kind = ? and org_number = ?
                """).params(subscriptionId, organisation.kind().code(), organisation.number()).update() == 1;
    }

    /** The organisation's deliveries in a state, newest first, at most {@code limit}. */
    List<Webhooks.Delivery> deliveries(Party organisation, String status, int limit) {
        return sql.sql("""
                select d.delivery_id, d.subscription_id, d.event_id, d.event_type, d.document_id, d.status, d.attempts,
                       d.last_error, d.last_attempt_at, d.next_attempt_at, d.delivered_at
                  from notification.webhook_deliveries d
                  join notification.webhook_subscriptions s on s.subscription_id = d.subscription_id
                 where s.org_kind = ? and s.org_number = ? and d.status = ?
                 order by d.created_at desc, d.delivery_id limit ?
                """).params(organisation.kind().code(), organisation.number(), status, limit)
                .query((rs, n) -> delivery(rs)).list();
    }

    private static Webhooks.Delivery delivery(ResultSet rs) throws SQLException {
        return new Webhooks.Delivery(rs.getObject("delivery_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getObject("document_id", UUID.class),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("delivered_at")));
    }

    /** Puts a parked delivery of the organisation back, with a fresh count of attempts; false if there is none. */
    boolean retry(Party organisation, UUID deliveryId) {
        return sql.sql("""
                update notification.webhook_deliveries d
                   set status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = null
                  from notification.webhook_subscriptions s
                 where d.delivery_id = ? and d.status = 'parked' and s.subscription_id = d.subscription_id
                   and s.org_kind = ? and s.org_number = ?
                """).params(deliveryId, organisation.kind().code(), organisation.number()).update() == 1;
    }

    /** The subscriptions of the organisation an event is for. */
    List<UUID> subscriptionsOf(Party organisation) {
        return sql.sql("""
                select subscription_id from notification.webhook_subscriptions where org_kind = ? and org_number = ?
                """).params(organisation.kind().code(), organisation.number()).query(UUID.class).list();
    }

    /** Plans a delivery unless one with this event id exists (the event delivered again); true when planned now. */
    boolean plan(UUID subscriptionId, UUID eventId, String type, UUID documentId, String payload) {
        return sql.sql("""
                insert into notification.webhook_deliveries
                       (delivery_id, subscription_id, event_id, event_type, document_id, payload, status)
                values (?, ?, ?, ?, ?, ?, 'pending')
                on conflict (event_id) do nothing
                """).params(UUID.randomUUID(), subscriptionId, eventId, type, documentId, payload).update() == 1;
    }

    /**
     * A delivery claimed for posting: where to, what, with which key (null when its sealed secret does not open under
     * the configured key), and the how-manieth attempt this is.
     */
    record Claimed(UUID deliveryId, UUID eventId, int attempt, String payload, String url, String secret) {
        @Override
        public String toString() { // never the secret
            return "Claimed[delivery=" + deliveryId + ", event=" + eventId + ", attempt=" + attempt + "]";
        }
    }

    /**
     * Claims up to {@code batch} due deliveries in one statement: pending ones whose time has come, and those another
     * claim took more than {@code stale} ago without finishing (its instance died). Rows another instance is claiming
     * at this moment are skipped, not waited for; each claimed row becomes {@code sending} under {@code token}, one
     * attempt more.
     */
    List<Claimed> claim(UUID token, int batch, Duration stale) {
        return sql.sql("""
                with due as (
                  select delivery_id from notification.webhook_deliveries
                   where (status = 'pending' and next_attempt_at <= now())
                      or (status = 'sending' and claimed_at < now() - make_interval(secs => ?))
                   order by next_attempt_at
                   limit ?
                   for update skip locked)
                update notification.webhook_deliveries d
                   set status = 'sending', claim_token = ?, claimed_at = now(), last_attempt_at = now(),
                       attempts = d.attempts + 1
                  from due, notification.webhook_subscriptions s
                 where d.delivery_id = due.delivery_id and s.subscription_id = d.subscription_id
                returning d.delivery_id, d.event_id, d.attempts, d.payload, s.url, s.subscription_id, s.secret,
                          s.secret_nonce, s.secret_sealed, s.secret_key_id
                """).params(stale.toMillis() / 1000.0, batch, token)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), secret(rs))).list();
    }

    /**
     * The receiver acknowledged the delivery with a verifying ack: delivered, whoever holds the claim now (the ack
     * proves the delivery; a later claim's post finds it delivered and changes nothing).
     */
    boolean delivered(UUID deliveryId) {
        return sql.sql("""
                update notification.webhook_deliveries
                   set status = 'delivered', delivered_at = now(), last_error = null, claim_token = null
                 where delivery_id = ? and status <> 'delivered'
                """).params(deliveryId).update() == 1;
    }

    /**
     * An attempt under {@code token} failed: pending again after {@code retryIn}, or parked once it has had
     * {@code maxAttempts}; answers the new state, or null when the claim is no longer this one's (taken again as
     * stale, the subscription deleted, or delivered meanwhile).
     */
    String failed(UUID deliveryId, UUID token, String error, int maxAttempts, Duration retryIn) {
        return sql.sql("""
                update notification.webhook_deliveries
                   set status = case when attempts >= ? then 'parked' else 'pending' end,
                       next_attempt_at = now() + make_interval(secs => ?), last_error = ?, claim_token = null
                 where delivery_id = ? and claim_token = ? and status = 'sending'
                returning status
                """).params(maxAttempts, retryIn.toMillis() / 1000.0, error, deliveryId, token)
                .query(String.class).optional().orElse(null);
    }

    /** The secret of the subscription in the row: opened, or as stored by a row not yet sealed. */
    private String secret(ResultSet rs) throws SQLException {
        String plain = rs.getString("secret");
        if (plain != null) {
            return plain;
        }
        return secrets.open(rs.getObject("subscription_id", UUID.class), new WebhookSecrets.Sealed(
                rs.getBytes("secret_nonce"), rs.getBytes("secret_sealed"), rs.getString("secret_key_id")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
