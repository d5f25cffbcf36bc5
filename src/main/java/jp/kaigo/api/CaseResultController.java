package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.CaseResults;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 二次判定 of an online 認定 case, recorded by the municipality's 市町村職員 (design §6.5): the body holds the
 * result's fields (boardOn, result, changeReason, certifiedOn, certValidFrom, certValidTo, boardOpinion).
 */
@RestController
class CaseResultController {
    private final CaseResults results;
    private final StaffAccounts staff;

    CaseResultController(CaseResults results, StaffAccounts staff) {
        this.results = results;
        this.staff = staff;
    }

    record Recorded(String caseId) {
    }

    @PostMapping("/api/certification/cases/{insurerNo}/{insuredNo}/{caseId}/result")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded record(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable String insuredNo, @PathVariable String caseId, @RequestBody Map<String, String> values) {
        Actor actor = Actor.staff(StaffController.session(staff, caller, http));
        Inputs in = new Inputs();
        InsuredPerson person = in.value(insurerNo + "-" + insuredNo, s -> InsuredPerson.of(insurerNo, insuredNo));
        UUID id = in.value(caseId, v -> Inputs.uuid(v, "caseId", "認定案件"));
        in.check();
        AccessDenied.unless(results.record(actor, person, id, values));
        return new Recorded(id.toString());
    }
}
