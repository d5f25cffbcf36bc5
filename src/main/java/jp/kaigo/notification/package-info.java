/**
 * Notices to insured persons (design for issue 16, §7): 認定結果通知, 認定更新勧奨 and 処分延期通知, made by listeners of
 * the {@code shared} events after their publisher's commit (Spring Modulith's JDBC event publication registry, §7.5),
 * once per person and deduplication key; the person's inbox on the portal (read/unread), their contact preferences
 * (paper, email, SMS), a pointer by email/SMS that holds no personal or health data (national-design.md D1), and the
 * municipality's list of notices to print. A support module: it depends on {@code shared} only.
 * <p>Webhooks (issue 17 part 6, {@link jp.kaigo.notification.Webhooks}): an organisation's system subscribes to its
 * exchange documents; each {@code DocumentSent} to it, and each {@code DocumentStatusChanged} of its documents made by
 * the other party, becomes a signed delivery (HMAC-SHA256 with the subscription's secret, which is stored sealed with
 * AES-256-GCM; an idempotency key), retried with backoff until the receiver's ack verifies, parked after N failures.
 * The payload names the document, never the person: the system reads it through the API, where {@code access} decides.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package jp.kaigo.notification;
