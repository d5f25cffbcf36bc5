package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.kaigo.audit.Investigation;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.municipality.MunicipalDesk;
import jp.kaigo.registry.InsuredSnapshot;
import jp.kaigo.registry.RecordRevision;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's reads of one of its insured: what is in force on a day, every revision ever stored, the
 * person's offices, and investigation reports. A signed-in municipal staff member, audited; the numbers
 * travel in the body, never in the URL.
 */
@RestController
class InsuredController {
    private final MunicipalDesk desk;
    private final StaffAccounts staff;

    InsuredController(MunicipalDesk desk, StaffAccounts staff) {
        this.desk = desk;
        this.staff = staff;
    }

    record PersonRequest(String insurerNo, String insuredNo, String asOf) {
    }

    @PostMapping("/api/insured/records")
    InsuredSnapshot records(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsuredNumber insured = person(caller, in, request);
        LocalDate asOf = in.date(request.asOf(), "asOf", "基準日", false);
        in.check();
        return desk.records(StaffController.session(staff, caller, http), insured.value(),
                asOf == null ? Inputs.today() : asOf);
    }

    @PostMapping("/api/insured/history")
    List<RecordRevision> history(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsuredNumber insured = person(caller, in, request);
        in.check();
        return desk.history(StaffController.session(staff, caller, http), insured.value());
    }

    /** The person's offices, current and past (the person's own view comes with card sign-in). */
    @PostMapping("/api/insured/offices")
    List<OfficeInCharge> offices(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsuredNumber insured = person(caller, in, request);
        in.check();
        return desk.offices(StaffController.session(staff, caller, http), insured.value());
    }

    /** Investigation report: every audit entry about the person, with the staff accounts that acted. */
    @PostMapping("/api/insured/investigation")
    List<Investigation> investigation(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsuredNumber insured = person(caller, in, request);
        in.check();
        return desk.investigatePerson(StaffController.session(staff, caller, http), insured.value());
    }

    /** Investigation report: what one staff account did with this municipality's insured. */
    @GetMapping("/api/municipalities/{insurerNo}/investigations/staff/{staffId}")
    List<Investigation> staffInvestigation(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable UUID staffId) {
        caller.requireMunicipality(insurerNo);
        return desk.investigateStaff(StaffController.session(staff, caller, http), staffId);
    }

    /** The person's numbers from the request, for the calling municipality's own insurer only. */
    private static InsuredNumber person(PartyUser caller, Inputs in, PersonRequest request) {
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        if (insurer != null) {
            caller.requireMunicipality(insurer.value());
        }
        return insured;
    }
}
