package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.notification.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's webhooks for its exchange documents, received and changed in status (issue 17 part 6): its administrator registers (the secret is
 * answered once), deletes, and puts parked deliveries back; its signed-in staff list the webhooks and the deliveries.
 * Each request is one call to {@link Webhooks}. The deliveries name documents, never persons.
 */
@RestController
class WebhookController {
    private final Webhooks webhooks;
    private final StaffAccounts staff;

    WebhookController(Webhooks webhooks, StaffAccounts staff) {
        this.webhooks = webhooks;
        this.staff = staff;
    }

    record Registration(String url) {
    }

    /** The new webhook with its secret (HMAC-SHA256 key of the signatures and acks); shown now and never again. */
    record Registered(String id, String url, String secret, String createdAt) {
    }

    record Listed(String id, String url, String createdAt, int pending, int delivered, int parked) {
    }

    record Delivery(String id, String webhookId, String eventId, String type, String documentId, String status,
            int attempts, String lastError, String lastAttemptAt, String nextAttemptAt, String deliveredAt) {
    }

    record Retried(String id, String status) {
    }

    @PostMapping("/api/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody Registration request) {
        StaffSession admin = admin(caller, http);
        Webhooks.Registered r = webhooks.register(caller.party(), admin.staffId(), request.url());
        return new Registered(r.subscriptionId().toString(), r.url(), r.secret(), r.createdAt().toString());
    }

    @GetMapping("/api/webhooks")
    List<Listed> list(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        StaffController.session(staff, caller, http);
        return webhooks.subscriptions(caller.party()).stream().map(s -> new Listed(s.subscriptionId().toString(),
                s.url(), s.createdAt().toString(), s.pending(), s.delivered(), s.parked())).toList();
    }

    @DeleteMapping("/api/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable UUID id) {
        admin(caller, http);
        if (!webhooks.delete(caller.party(), id)) {
            throw new NotFound("このWebhookは登録されていません");
        }
    }

    @GetMapping("/api/webhooks/deliveries")
    List<Delivery> deliveries(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam(defaultValue = "parked") String status) {
        StaffController.session(staff, caller, http);
        return webhooks.deliveries(caller.party(), status).stream().map(d -> new Delivery(d.deliveryId().toString(),
                d.subscriptionId().toString(), d.eventId().toString(), d.type(), d.documentId().toString(), d.status(),
                d.attempts(), d.lastError(), text(d.lastAttemptAt()), text(d.nextAttemptAt()), text(d.deliveredAt())))
                .toList();
    }

    @PostMapping("/api/webhooks/deliveries/{id}/retry")
    Retried retry(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable UUID id) {
        admin(caller, http);
        if (!webhooks.retry(caller.party(), id)) {
            throw new NotFound("保留中(parked)の配信ではありません");
        }
        return new Retried(id.toString(), "pending");
    }

    /** The signed-in staff member, who must be the organisation's administrator. */
    private StaffSession admin(PartyUser caller, HttpServletRequest http) {
        StaffSession session = StaffController.session(staff, caller, http);
        if (!session.admin()) {
            throw new Forbidden("Webhookの登録・削除・再送は組織の管理者だけができます");
        }
        return session;
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
