package jp.kaigo.filing;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.shared.CertificationProgressed;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The care manager in charge hears of the person's 認定 as it moves (I16 §7, design §7.1, 別紙02 ●(保→介)
 * 認定審査会の進捗状況区分): each {@link CertificationProgressed} becomes a progress-notice document from the municipality
 * to every office in charge of the person's care management, sent by the platform on the municipality's behalf (S14:
 * no staff member). Runs after the commit in a transaction of its own; a redelivered event is the same document
 * (the idempotency key names case, 進捗 and office), so an office gets each step once.
 */
@Component
class ProgressRelay {
    private static final Logger log = LoggerFactory.getLogger(ProgressRelay.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final AccessDecisions access;
    private final DocumentRouting routing;

    ProgressRelay(AccessDecisions access, DocumentRouting routing) {
        this.access = access;
        this.routing = routing;
    }

    @ApplicationModuleListener
    void on(CertificationProgressed event) {
        Party municipality = Party.municipality(event.person().insurer().value());
        Actor platform = Actor.staff(municipality, null, null, Set.of());
        for (Party office : access.progressRecipients(event.person().insurer(), event.person().insured())) {
            Routed<SendResult> sent = routing.send(platform, new Outgoing(DocumentKind.PROGRESS_NOTICE,
                    Correspondent.of(office), event.person().insurer(), event.person().insured(),
                    Map.of("caseId", event.caseId().toString(), "progress", event.progress(),
                            "at", event.at().atZone(JAPAN).toOffsetDateTime().toString()),
                    // a case only moves forward (CaseRevisions.advance), so it reaches each 進捗 once
                    "progress:" + event.caseId() + ":" + event.progress() + ":" + office.number(), null, null));
            boolean delivered = sent instanceof Routed.Done<SendResult> done
                    && (done.result() instanceof SendResult.Sent || done.result() instanceof SendResult.Duplicate);
            if (!delivered) {
                String outcome = sent instanceof Routed.Denied<SendResult> denied ? denied.decision().reason().name()
                        : ((Routed.Done<SendResult>) sent).result().getClass().getSimpleName();
                // ids and reasons only: no person data in logs
                log.warn("progress-notice of case {} (進捗 {}) to office {} not sent: {}", event.caseId(),
                        event.progress(), office.number(), outcome);
            }
        }
    }
}
