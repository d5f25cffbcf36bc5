package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The retry schedule with the production settings (10 s doubling, at most an hour, ±20 %) and the ack's rules. */
class WebhookBackoffTests {
    private final WebhookWorker worker = new WebhookWorker(null, new SimpleMeterRegistry(), Duration.ofSeconds(10),
            Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofHours(1), 8, false);

    @RepeatedTest(20)
    void backoffDoublesFromTenSecondsWithJitterAndStopsAtAnHour() {
        assertThat(worker.backoff(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(worker.backoff(2)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
        assertThat(worker.backoff(7)).isBetween(Duration.ofMillis(512_000), Duration.ofMillis(768_000));
        assertThat(worker.backoff(10)).isBetween(Duration.ofMinutes(48), Duration.ofMinutes(72));
        assertThat(worker.backoff(64)).isBetween(Duration.ofMinutes(48), Duration.ofMinutes(72));
    }

    @Test
    void anAckVerifiesOnlyForItsDeliveryAndSecret() {
        UUID delivery = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String ack = WebhookReceiver.hmac("secret-a", "ack." + delivery + "." + event);
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, event, ack)).isTrue();
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, event, ack.toUpperCase())).isTrue();
        assertThat(WebhookSignatures.verifiesAck("secret-b", delivery, event, ack)).as("forged").isFalse();
        assertThat(WebhookSignatures.verifiesAck("secret-a", UUID.randomUUID(), event, ack)).as("replayed").isFalse();
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, UUID.randomUUID(), ack)).isFalse();
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, event, null)).isFalse();
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, event, "")).isFalse();
        assertThat(WebhookSignatures.verifiesAck("secret-a", delivery, event, "ａｃｋ")).isFalse();
    }
}
