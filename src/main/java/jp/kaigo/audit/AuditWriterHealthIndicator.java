package jp.kaigo.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The audit writer as operations see it: the queue's depth as a metric ({@code kaigo.audit.queue}), and a
 * health contributor ({@code auditWriter}, part of liveness and readiness) that is down when the writer thread
 * has stopped, a batch failed in the last minute, or the queue holds more than a few seconds of work. Every
 * disclosure waits for its audit entry, so without the writer nothing can be shown.
 */
@Component
class AuditWriterHealthIndicator implements HealthIndicator, MeterBinder {
    /** Far beyond a busy second's entries at the measured peak (a batch holds up to 1,000). */
    static final int QUEUE_LIMIT = 50_000;
    private static final Duration RECENT = Duration.ofMinutes(1);
    private final AuditLog audit;

    AuditWriterHealthIndicator(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kaigo.audit.queue", audit, AuditLog::pending)
                .description("audit entries waiting to be written").baseUnit("entries").register(registry);
    }

    @Override
    public Health health() {
        Instant failed = audit.lastFailure();
        boolean recentFailure = failed != null && failed.isAfter(Instant.now().minus(RECENT));
        int pending = audit.pending();
        Health.Builder health = audit.writing() && !recentFailure && pending <= QUEUE_LIMIT ? Health.up() : Health.down();
        health.withDetail("queue", pending).withDetail("writerRunning", audit.writing());
        if (failed != null) {
            health.withDetail("lastFailure", failed.toString());
        }
        return health.build();
    }
}
