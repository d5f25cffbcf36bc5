package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.ServiceType;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import jp.kaigo.eligibility.RegistrationDecision;
import java.util.UUID;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 担当事業所: an office registers with the proof of 本人確認 its 資格確認 answer carried, and ends its
 * relationships (the municipality sees a person's offices through its desk). Every change
 * is audited.
 */
@RestController
class RelationshipController {
    private final StaffAccounts staff;
    private final EligibilityVerification eligibility;

    RelationshipController(StaffAccounts staff, EligibilityVerification eligibility) {
        this.staff = staff;
        this.eligibility = eligibility;
    }

    record Registration(String confirmation, String serviceType, String startDate) {
    }

    record Ending(String endDate) {
    }

    /** The registration made, with the rules' warnings (empty when there are none). */
    record Registered(UUID relationshipId, List<RegistrationDecision.Finding> warnings) {
    }

    @PostMapping("/api/relationships")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody Registration request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        if (request.confirmation() == null || request.confirmation().isBlank()) {
            in.reject("confirmation", "資格確認の証明", "必須です(資格確認の回答の confirmation をそのまま送ってください)");
        }
        if (request.serviceType() == null || request.serviceType().isBlank()) {
            in.reject("serviceType", ServiceType.LABEL, "必須です");
        } else {
            Choices.unknownServiceType(request.serviceType()).ifPresent(v -> in.reject(v.field(), v.label(), v.reason()));
        }
        LocalDate start = in.date(request.startDate(), "startDate", "開始日", true);
        in.check();
        var registered = eligibility.registerInCharge(session, request.confirmation(), request.serviceType().strip(), start);
        return new Registered(registered.relationship().relationshipId(), registered.warnings());
    }

    @PostMapping("/api/relationships/{relationshipId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable UUID relationshipId,
            @RequestBody Ending request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        LocalDate end = in.date(request.endDate(), "endDate", "終了日", true);
        in.check();
        eligibility.endInCharge(session, relationshipId, end);
    }


}
