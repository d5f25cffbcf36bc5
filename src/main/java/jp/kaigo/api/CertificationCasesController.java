package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.CertificationDesk;
import jp.kaigo.filing.CertificationDesk.AssignmentResult;
import jp.kaigo.filing.CertificationDesk.Assignee;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.OfficeNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's 認定 cases (design §8.1, §4.1): the assignment of a case's 認定調査, to one of the municipality's
 * own staff or to an entrusted office. One call to {@link CertificationDesk}, which asks {@code access} first: a denial is a 403 with its reason; field errors (among
 * them a case that is not the person's open case, or whose survey is assigned already) a 400 and nothing assigned.
 */
@RestController
class CertificationCasesController {
    private final CertificationDesk desk;
    private final StaffAccounts staff;

    CertificationCasesController(CertificationDesk desk, StaffAccounts staff) {
        this.desk = desk;
        this.staff = staff;
    }

    /**
     * To whom: exactly one of the municipality's own staff (login ID) or an office (事業所番号); 依頼区分 (0 初回 by
     * default, 1 再依頼, 2 再調査); the due date.
     */
    record SurveyAssignmentRequest(String staffLoginId, String officeNo, String requestKind, String dueOn) {
    }

    record SurveyAssignmentAnswer(String assignmentId, String caseId, String requestKind, String progress,
            String documentId, String document) {
    }

    @PostMapping("/api/certification/cases/{insurerNo}/{insuredNo}/{caseId}/survey-assignment")
    ResponseEntity<SurveyAssignmentAnswer> assignSurvey(@AuthenticationPrincipal PartyUser caller,
            HttpServletRequest http, @PathVariable String insurerNo, @PathVariable String insuredNo,
            @PathVariable String caseId, @RequestBody SurveyAssignmentRequest request) {
        Actor actor = Actor.staff(StaffController.session(staff, caller, http));
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(insurerNo, InsurerNumber::new);
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        UUID caseUuid = in.value(caseId, v -> Inputs.uuid(v, "caseId", "案件ID"));
        boolean toStaff = request.staffLoginId() != null && !request.staffLoginId().isBlank();
        boolean toOffice = request.officeNo() != null && !request.officeNo().isBlank();
        Assignee to = null;
        if (toStaff == toOffice) {
            in.value(null, v -> {
                throw new InvalidValue("staffLoginId", "調査員の職員ID",
                        "市町村の調査員の職員ID(staffLoginId)か委託先の事業所番号(officeNo)のどちらか一方を指定してください");
            });
        } else if (toStaff) {
            to = new Assignee.OwnStaff(request.staffLoginId().strip());
        } else {
            OfficeNumber office = in.value(request.officeNo(), v -> {
                OfficeNumber.validate(v, "officeNo", "委託先の事業所番号");
                return new OfficeNumber(v);
            });
            to = office == null ? null : new Assignee.EntrustedOffice(office);
        }
        LocalDate dueOn = in.date(request.dueOn(), "dueOn", "調査票の提出期限", false);
        in.check();
        String requestKind = request.requestKind() == null || request.requestKind().isBlank() ? "0"
                : request.requestKind().strip();
        AssignmentResult result = AccessDenied.unless(
                desk.assignSurvey(actor, insurer, insured, caseUuid, to, requestKind, dueOn));
        if (result instanceof AssignmentResult.Assigned a) {
            String document = a.document() == null ? null : "/api/exchange/documents/" + a.document().insurer().value()
                    + "/" + a.document().insured().value() + "/" + a.document().documentId();
            return ResponseEntity.status(HttpStatus.CREATED).body(new SurveyAssignmentAnswer(
                    a.assignmentId().toString(), a.caseId().toString(), a.requestKind(), "2",
                    a.document() == null ? null : a.document().documentId().toString(), document));
        }
        throw new InvalidValue(((AssignmentResult.Rejected) result).violations());
    }
}
