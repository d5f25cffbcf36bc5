package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import jp.kaigo.audit.Investigation;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.oversight.Investigations;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's investigation reports (operator certificate + a signed-in operator staff member; audited). */
@RestController
class OperatorController {
    private final Investigations investigations;
    private final StaffAccounts staff;

    OperatorController(Investigations investigations, StaffAccounts staff) {
        this.investigations = investigations;
        this.staff = staff;
    }

    record PersonRequest(String insurerNo, String insuredNo) {
    }

    @PostMapping("/api/operator/investigations/person")
    List<Investigation> person(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PersonRequest request) {
        var session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        in.check();
        return investigations.aboutPerson(session, insurer, insured);
    }

    @GetMapping("/api/operator/investigations/staff/{staffId}")
    List<Investigation> staffMember(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable UUID staffId) {
        return investigations.byStaff(StaffController.session(staff, caller, http), staffId);
    }
}
