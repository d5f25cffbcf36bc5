package jp.kaigo.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.Consents;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's part of consent and access: registering the 包括同意 collected at 認定申請 or 更新,
 * and reviewing break-glass openings about its insured.
 */
@RestController
class ConsentController {
    private final Consents consents;
    private final AccessDecisions access;
    private final InsuredRegistry registry;
    private final AuditLog audit;

    ConsentController(Consents consents, AccessDecisions access, InsuredRegistry registry, AuditLog audit) {
        this.consents = consents;
        this.access = access;
        this.registry = registry;
        this.audit = audit;
    }

    record Blanket(String occasion) {
    }

    record Review(String note) {
    }

    @PostMapping("/api/municipalities/{insurerNo}/insured/{insuredNo}/blanket-consent")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> registerBlanket(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo,
            @PathVariable String insuredNo, @RequestBody Blanket request) {
        caller.requireMunicipality(insurerNo);
        Inputs in = new Inputs();
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        in.check();
        if (registry.snapshot(new InsurerNumber(insurerNo), insured, LocalDate.now(Inputs.JAPAN)).isEmpty()) {
            throw new NotFound("該当する被保険者が見つかりません");
        }
        UUID id = consents.registerBlanket(insurerNo, insured.value(), request.occasion());
        audit.record(new AuditEntry("consent", caller.party().kind().code(), caller.party().number(), null, insurerNo,
                insured.value(), "包括同意の登録(" + request.occasion().strip() + ")", null, "GIVEN"));
        return Map.of("decisionId", id);
    }

    @GetMapping("/api/municipalities/{insurerNo}/emergency-openings")
    List<EmergencyOpening> toReview(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo) {
        caller.requireMunicipality(insurerNo);
        return access.emergencyOpeningsToReview(insurerNo);
    }

    @PostMapping("/api/municipalities/{insurerNo}/emergency-openings/{openingId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void review(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo, @PathVariable UUID openingId,
            @RequestBody Review request) {
        caller.requireMunicipality(insurerNo);
        access.review(insurerNo, openingId, request.note());
    }
}
