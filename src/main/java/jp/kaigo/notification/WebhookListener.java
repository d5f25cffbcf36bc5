package jp.kaigo.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans one webhook delivery per subscription of the organisation a document was sent to, after the sender's commit
 * (the event publication registry re-delivers after a crash). The event id, the receiver's idempotency key, is derived
 * from the document, its version and the subscription, so an event delivered twice plans one delivery. The payload
 * says what arrived, never about whom: no insurer or insured number, no name.
 */
@Component
class WebhookListener {
    static final String DOCUMENT_RECEIVED = "document.received";
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

    /** The same for the same document version and subscription, whenever and however often it is computed. */
    static UUID eventId(UUID documentId, int version, UUID subscriptionId) {
        return UUID.nameUUIDFromBytes((DOCUMENT_RECEIVED + ":" + documentId + ":" + version + ":" + subscriptionId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
