package jp.kaigo.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts due webhook deliveries. Every instance runs it: a round claims its rows with {@code FOR UPDATE SKIP LOCKED}
 * (so instances share the work without a ShedLock, which would let only one of them deliver), posts each, and records
 * the outcome. Only a 2xx answer carrying the {@code Kaigo-Ack} of this very delivery under the subscription's secret
 * makes it delivered; anything else (no answer, another status, no ack, a forged or replayed ack) is a failure, retried
 * after {@code backoff-base × 2^(attempt-1)} (capped, ±20 % jitter) and parked after {@code max-attempts}. A claim
 * whose instance died is taken again after {@code claim-timeout}; the receiver sees the same {@code Idempotency-Key}.
 * The receiver's TLS certificate is verified as any HTTPS client does; redirects are not followed.
 */
@Component
class WebhookWorker {
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private final WebhookBook book;
    /** Deliveries a round claims: as many as it can post (connect + answer timeouts) before its claim goes stale. */
    private final int batch;
    private final boolean allowLoopback;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration claimTimeout;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final int maxAttempts;
    private final Counter delivered;
    private final Counter failed;
    private final Counter parked;

    WebhookWorker(WebhookBook book, MeterRegistry meters,
            @Value("${kaigo.webhooks.timeout:PT10S}") Duration timeout,
            @Value("${kaigo.webhooks.claim-timeout:PT2M}") Duration claimTimeout,
            @Value("${kaigo.webhooks.backoff-base:PT10S}") Duration backoffBase,
            @Value("${kaigo.webhooks.backoff-max:PT1H}") Duration backoffMax,
            @Value("${kaigo.webhooks.max-attempts:8}") int maxAttempts,
            @Value("${kaigo.webhooks.allow-loopback-http:false}") boolean allowLoopback) {
        this.book = book;
        this.batch = (int) Math.max(1, claimTimeout.toMillis() / (2 * timeout.toMillis()));
        this.allowLoopback = allowLoopback;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = timeout;
        this.claimTimeout = claimTimeout;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.maxAttempts = maxAttempts;
        this.delivered = outcome(meters, "delivered");
        this.failed = outcome(meters, "failed");
        this.parked = outcome(meters, "parked");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("kaigo.webhooks.deliveries").description("webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Scheduled(fixedDelayString = "${kaigo.webhooks.poll-interval:PT5S}",
            initialDelayString = "${kaigo.webhooks.poll-interval:PT5S}")
    void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) { // the next round tries again; the rows say what is due
            log.warn("webhook round failed: {}", e.getClass().getName());
        }
    }

    /** One round: claims what is due and posts it; answers how many deliveries it attempted. */
    int deliverDue() {
        UUID token = UUID.randomUUID();
        List<WebhookBook.Claimed> claimed = book.claim(token, batch, claimTimeout);
        for (WebhookBook.Claimed delivery : claimed) {
            String failure;
            try {
                failure = post(delivery);
            } catch (InterruptedException e) { // shutting down: the claim goes stale and is taken again
                Thread.currentThread().interrupt();
                return claimed.size();
            }
            record(delivery, token, failure);
        }
        return claimed.size();
    }

    /** Posts the delivery; answers null when the receiver acknowledged it, else the class of failure. */
    String post(WebhookBook.Claimed delivery) throws InterruptedException {
        if (delivery.secret() == null) {
            return "secret-unreadable"; // sealed under another key: it cannot be signed (the organisation registers anew)
        }
        if (!WebhookAddress.reachable(URI.create(delivery.url()), allowLoopback)) {
            return "address-refused"; // an internal address (loopback, private, link-local): never posted to
        }
        String signature = WebhookSignatures.signature(delivery.secret(), Instant.now().getEpochSecond(), delivery.payload());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "kaigo-platform-webhooks/1")
                    .header("Idempotency-Key", delivery.eventId().toString())
                    .header("Kaigo-Delivery", delivery.deliveryId().toString())
                    .header("Kaigo-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        } catch (IllegalArgumentException e) {
            return "bad-url";
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (ConnectException e) {
            return "connect";
        } catch (IOException e) {
            return "io";
        }
        try (InputStream body = response.body()) { // the body is not read: the status and the ack are the answer
            // closing unread ends the exchange
        } catch (IOException e) {
            // nothing to do: the answer was already read
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return "http-" + status;
        }
        String ack = response.headers().firstValue("Kaigo-Ack").orElse(null);
        if (ack == null) {
            return "ack-missing";
        }
        return WebhookSignatures.verifiesAck(delivery.secret(), delivery.deliveryId(), delivery.eventId(), ack) ? null
                : "ack-invalid";
    }

    private void record(WebhookBook.Claimed delivery, UUID token, String failure) {
        if (failure == null) {
            book.delivered(delivery.deliveryId());
            delivered.increment();
            log.info("webhook delivery {} acknowledged (event {}, attempt {})", delivery.deliveryId(),
                    delivery.eventId(), delivery.attempt());
            return;
        }
        String state = book.failed(delivery.deliveryId(), token, failure, maxAttempts, backoff(delivery.attempt()));
        if ("parked".equals(state)) {
            parked.increment();
            log.warn("webhook delivery {} parked after {} attempts, last: {}", delivery.deliveryId(), delivery.attempt(),
                    failure);
        } else {
            failed.increment();
            log.warn("webhook delivery {} failed on attempt {}: {}{}", delivery.deliveryId(), delivery.attempt(), failure,
                    state == null ? " (claim taken over meanwhile)" : "");
        }
    }

    /** {@code backoff-base × 2^(attempt-1)}, at most {@code backoff-max}, then ±20 % so receivers are not hit in step. */
    Duration backoff(int attempt) {
        long base = backoffBase.toMillis();
        long capped = backoffMax.toMillis();
        long delay = attempt >= 31 ? capped : Math.min(capped, base << Math.max(0, attempt - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, Math.round(delay * jitter)));
    }
}
