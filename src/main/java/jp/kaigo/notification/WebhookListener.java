package jp.kaigo.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.DocumentStatusChanged;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans one webhook delivery per subscription of the organisation concerned, after the commit of the change (the event
 * publication registry re-delivers after a crash): {@code document.received} for the organisation a document was sent
 * to, and {@code document.status-changed} for the party that did not make a change of status (the sender is told that
 * its document was delivered to, read, accepted or returned by the recipient; the recipient that the sender withdrew
 * it). The event id, the receiver's idempotency key, is derived from the document, its version, the change and the
 * subscription, so an event delivered twice plans one delivery. The payload says what happened, never about whom: no
 * insurer or insured number, no name, no reason text (a return's note may name the person; its reason code is not sent
 * either).
 */
@Component
class WebhookListener {
    static final String DOCUMENT_RECEIVED = "document.received";
    static final String DOCUMENT_STATUS_CHANGED = "document.status-changed";
    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookBook book;

    WebhookListener(WebhookBook book) {
        this.book = book;
    }

    @ApplicationModuleListener
    void on(DocumentSent event) {
        Party recipient = event.recipient().party().orElse(null);
        if (recipient == null || recipient.kind() == PartyKind.OPERATOR) {
            return; // a board or a person has no system of its own to call
        }
        String sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        for (UUID subscription : book.subscriptionsOf(recipient)) {
            UUID eventId = eventId(event.documentId(), event.version(), subscription);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("eventId", eventId.toString());
            payload.put("type", DOCUMENT_RECEIVED);
            payload.put("documentId", event.documentId().toString());
            payload.put("kind", event.kind().key());
            payload.put("sentAt", sentAt);
            if (book.plan(subscription, eventId, DOCUMENT_RECEIVED, event.documentId(), JSON.writeValueAsString(payload))) {
                log.info("webhook event {} planned for subscription {} (document {})", eventId, subscription,
                        event.documentId());
            }
        }
    }

    @ApplicationModuleListener
    void on(DocumentStatusChanged event) {
        if (event.from() == null || event.to() == DocumentStatus.SENT) {
            return; // a sending (first or a new version): document.received tells the recipient
        }
        String changedAt = (event.at() == null ? Instant.now() : event.at()).truncatedTo(ChronoUnit.MILLIS).toString();
        for (Party told : toldOf(event)) {
            for (UUID subscription : book.subscriptionsOf(told)) {
                UUID eventId = statusEventId(event, subscription);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("eventId", eventId.toString());
                payload.put("type", DOCUMENT_STATUS_CHANGED);
                payload.put("documentId", event.documentId().toString());
                payload.put("kind", event.kind().key());
                payload.put("from", event.from().code());
                payload.put("to", event.to().code());
                payload.put("changedAt", changedAt);
                if (book.plan(subscription, eventId, DOCUMENT_STATUS_CHANGED, event.documentId(),
                        JSON.writeValueAsString(payload))) {
                    log.info("webhook event {} planned for subscription {} (document {} {} -> {})", eventId, subscription,
                            event.documentId(), event.from().code(), event.to().code());
                }
            }
        }
    }

    /**
     * The organisations told of a change: the document's parties other than the one that made it. A change the
     * platform made ({@code by} null: marked delivered when the recipient's inbox was listed) was on the recipient's
     * side, so the sender is told. Boards and persons have no system to call.
     */
    static List<Party> toldOf(DocumentStatusChanged event) {
        Correspondent actor = event.by() != null ? event.by()
                : event.to() == DocumentStatus.WITHDRAWN ? event.sender() : event.recipient();
        List<Party> told = new ArrayList<>();
        for (Correspondent party : List.of(event.sender(), event.recipient())) {
            if (!party.equals(actor)) {
                party.party().filter(p -> p.kind() != PartyKind.OPERATOR).filter(p -> !told.contains(p))
                        .ifPresent(told::add);
            }
        }
        return told;
    }

    /** One per document version, change of status and subscription, however often computed. */
    static UUID statusEventId(DocumentStatusChanged event, UUID subscriptionId) {
        return UUID.nameUUIDFromBytes((DOCUMENT_STATUS_CHANGED + ":" + event.documentId() + ":" + event.version() + ":"
                + event.from().code() + ">" + event.to().code() + ":" + subscriptionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The same for the same document version and subscription, whenever and however often it is computed. */
    static UUID eventId(UUID documentId, int version, UUID subscriptionId) {
        return UUID.nameUUIDFromBytes((DOCUMENT_RECEIVED + ":" + documentId + ":" + version + ":" + subscriptionId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
