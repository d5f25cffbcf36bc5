package jp.kaigo.identity;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the platform CA's revocation list current and reports it (health contributor {@code crl}, part of
 * readiness): past its next update, every client certificate is refused, so the platform is not ready.
 */
@Component
class CrlHealthIndicator implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(CrlHealthIndicator.class);
    private final PlatformPki pki;

    CrlHealthIndicator(PlatformPki pki) {
        this.pki = pki;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void renew() {
        if (pki.renewCrlIfDue()) {
            log.info("re-signed the CRL; next update {}", pki.crlNextUpdate());
        }
    }

    @Override
    public Health health() {
        Instant next = pki.crlNextUpdate();
        Health.Builder health = next.isAfter(Instant.now()) ? Health.up() : Health.down();
        return health.withDetail("nextUpdate", next.toString())
                .withDetail("hoursLeft", Duration.between(Instant.now(), next).toHours()).build();
    }
}
