package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 担当事業所: an office registers with the proof of 本人確認 its 資格確認 answer carried, and ends its
 * relationships; the municipality sees its insured person's offices, current and past. Every change
 * is audited.
 */
@RestController
class RelationshipController {
    private final OfficesInCharge offices;
    private final StaffAccounts staff;
    private final EligibilityVerification eligibility;

    RelationshipController(OfficesInCharge offices, StaffAccounts staff, EligibilityVerification eligibility) {
        this.offices = offices;
        this.staff = staff;
        this.eligibility = eligibility;
    }

    record Registration(String confirmation, String serviceType, String startDate) {
    }

    record Ending(String endDate) {
    }

    record PersonRequest(String insurerNo, String insuredNo) {
    }

    @PostMapping("/api/relationships")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody Registration request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        LocalDate start = in.date(request.startDate(), "startDate", "開始日", true);
        in.check();
        return Map.of("relationshipId", eligibility.registerInCharge(session, request.confirmation(),
                request.serviceType(), start).relationshipId());
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

    /** The municipality's view of its insured person's offices (the person's own view comes with card sign-in). */
    @PostMapping("/api/insured/offices")
    List<OfficeInCharge> officesOf(@AuthenticationPrincipal PartyUser caller, @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        in.check();
        caller.requireMunicipality(insurer.value());
        return offices.officesOf(insurer.value(), insured.value());
    }

}
