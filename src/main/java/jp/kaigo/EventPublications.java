package jp.kaigo;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of Spring Modulith's event publication registry ({@code public.event_publication}, the outbox of events
 * that cross modules after a commit; design for issue 16, §7.5). A restart resubmits what was left incomplete
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); with several instances one may never
 * restart, so every 5 minutes one instance resubmits publications incomplete for more than 5 minutes. Listeners
 * are idempotent, so a publication delivered twice (Spring Modulith 2.0.3's registry bugs, design §9.4 risk 6) changes
 * nothing. Completed publications are kept 30 days (completion-mode update), then deleted nightly.
 */
@Component
class EventPublications {
    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);
    static final Duration RESUBMIT_AFTER = Duration.ofMinutes(5);
    static final Duration KEEP_COMPLETED = Duration.ofDays(30);
    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;

    EventPublications(IncompleteEventPublications incomplete, CompletedEventPublications completed) {
        this.incomplete = incomplete;
        this.completed = completed;
    }

    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    @SchedulerLock(name = "event-publications-resubmit", lockAtMostFor = "PT4M")
    public void resubmitIncomplete() {
        incomplete.resubmitIncompletePublicationsOlderThan(RESUBMIT_AFTER);
    }

    @Scheduled(cron = "0 15 3 * * *", zone = "Asia/Tokyo")
    @SchedulerLock(name = "event-publications-cleanup", lockAtMostFor = "PT1H")
    public void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(KEEP_COMPLETED);
        log.info("completed event publications older than {} days deleted", KEEP_COMPLETED.toDays());
    }
}
