package jp.kaigo.exchange;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly retention job of design §2.9, on one instance at a time. */
@Component
class ExchangeRetention {
    private static final Logger log = LoggerFactory.getLogger(ExchangeRetention.class);
    private final DocumentExchange exchange;

    ExchangeRetention(DocumentExchange exchange) {
        this.exchange = exchange;
    }

    @Scheduled(cron = "0 15 4 * * *", zone = "Asia/Tokyo")
    @SchedulerLock(name = "exchange-retention", lockAtMostFor = "PT2H")
    void nightly() {
        int purged = exchange.purgeDue(Instant.now(), 1000);
        if (purged > 0) {
            log.info("{} exchanged documents past their retention: payload and attachments removed", purged);
        }
    }
}
