package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Refusal;
import jp.kaigo.filing.CertificationDesk;
import jp.kaigo.filing.CertificationDesk.AssignedSurvey;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 認定調査 in the portal (docs/design/certification-online.md §4, §8.3 step 5). The municipality's own surveyor lists
 * the surveys assigned to them and not answered yet ({@link CertificationDesk#surveysAssignedTo}), opens one and
 * sends its 認定調査票 to the municipality; an entrusted office's surveyor opens the 認定調査依頼 in its 受信箱 and
 * sends the 調査票 in reply to it. Both write the same layout-driven form ({@link ComposePage}); {@code access}
 * decides every list, page and send (S7, S8).
 */
@Controller
class SurveysController {
    private static final String MUNICIPALITY = "/portal/municipality";
    private static final String OFFICE = "/portal/office";
    /** テキスト/イメージ区分: the portal sends 特記事項 as text (SurveyLayouts: "portal: always 1"). */
    private static final String TEXT = "1";

    private final SignedIn signedIn;
    private final DocumentRouting routing;
    private final CertificationDesk desk;

    SurveysController(SignedIn signedIn, DocumentRouting routing, CertificationDesk desk) {
        this.signedIn = signedIn;
        this.routing = routing;
        this.desk = desk;
    }

    /** One row of the list: the case, the person's number, 依頼区分 by name, 期限. */
    record Row(UUID caseId, String insuredNo, String requestKind, LocalDate dueOn) {
    }

    @GetMapping(MUNICIPALITY + "/surveys")
    String surveys(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("area", "municipality");
        Routed<List<AssignedSurvey>> routed = desk.surveysAssignedTo(Actor.staff(me));
        if (routed instanceof Routed.Denied<List<AssignedSurvey>> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            return "portal/municipality/surveys";
        }
        Map<String, String> kinds = requestKinds();
        model.addAttribute("rows", ((Routed.Done<List<AssignedSurvey>>) routed).result().stream()
                .map(s -> new Row(s.caseId(), s.insured().value(), kinds.getOrDefault(s.requestKind(), s.requestKind()),
                        s.dueOn())).toList());
        return "portal/municipality/surveys";
    }

    // ---------------------------------------------------------------- the own surveyor (S8): no request answered

    @GetMapping(MUNICIPALITY + "/surveys/{caseId}")
    String ownForm(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String caseId) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = own(caseId);
        Routed<Optional<AssignedSurvey>> routed = desk.surveyAssignedTo(Actor.staff(me), caseId(caseId));
        if (routed instanceof Routed.Denied<Optional<AssignedSurvey>> denied) {
            return ComposePage.denied(model, response, me, spec, denied.decision().message());
        }
        Optional<AssignedSurvey> survey = ((Routed.Done<Optional<AssignedSurvey>>) routed).result();
        if (survey.isEmpty()) {
            return ComposePage.notFound(model, response, me, spec, Refusal.NOT_FOUND.message());
        }
        return ComposePage.form(model, me, routing, spec, about(survey.get()), Map.of("textImage", TEXT));
    }

    @PostMapping(MUNICIPALITY + "/surveys/{caseId}")
    String ownSend(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = own(caseId);
        Routed<Optional<AssignedSurvey>> routed = desk.surveyAssignedTo(Actor.staff(me), caseId(caseId));
        if (routed instanceof Routed.Denied<Optional<AssignedSurvey>> denied) {
            return ComposePage.denied(model, response, me, spec, denied.decision().message());
        }
        Optional<AssignedSurvey> found = ((Routed.Done<Optional<AssignedSurvey>>) routed).result();
        if (found.isEmpty()) {
            return ComposePage.notFound(model, response, me, spec, Refusal.NOT_FOUND.message());
        }
        AssignedSurvey survey = found.get();
        return ComposePage.send(model, response, me, routing, spec, about(survey), form, files,
                payload -> new Outgoing(DocumentKind.CARE_SURVEY,
                        Correspondent.of(Party.municipality(survey.insurer().value())), survey.insurer(),
                        survey.insured(), payload, "portal-survey:" + form.get("formToken"), null, null));
    }

    private static ComposePage.Spec own(String caseId) {
        return new ComposePage.Spec("municipality", DocumentKind.CARE_SURVEY, LayoutForm.CARE_SURVEY, "survey.title",
                "survey.intro", "survey.submit", MUNICIPALITY + "/surveys/" + caseId, MUNICIPALITY + "/surveys",
                "認定調査");
    }

    private ComposePage.About about(AssignedSurvey survey) {
        List<DocumentPages.Line> lines = new java.util.ArrayList<>();
        lines.add(new DocumentPages.Line("requestKind", "依頼区分",
                requestKinds().getOrDefault(survey.requestKind(), survey.requestKind()), survey.requestKind()));
        if (survey.dueOn() != null) {
            lines.add(new DocumentPages.Line("dueOn", "期限", survey.dueOn().toString(), null));
        }
        return new ComposePage.About(survey.insured().value(), lines);
    }

    // ---------------------------------------------------------------- an entrusted office (S7): answers the request

    @GetMapping(OFFICE + "/documents/{documentId}/survey")
    String officeForm(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = entrusted(documentId);
        ComposePage.Request asking = ComposePage.openRequest(model, response, me, routing, spec, ref(documentId),
                DocumentKind.SURVEY_ASSIGNMENT);
        if (asking.page() != null) {
            return asking.page();
        }
        DocumentView assignment = asking.document();
        Map<String, String> prefilled = new LinkedHashMap<>();
        prefilled.put("textImage", TEXT);
        Map<String, String> asked = assignment.payload() == null ? Map.of() : assignment.payload();
        // the place the applicant gave is where the surveyor goes, unless they find otherwise
        copy(asked, "surveyPlace", prefilled, "place");
        copy(asked, "surveyPlaceName", prefilled, "placeName");
        return ComposePage.form(model, me, routing, spec, new ComposePage.About(
                assignment.document().insured().value(),
                DocumentPages.lines(routing.layout(DocumentKind.SURVEY_ASSIGNMENT).orElse(null), asked)), prefilled);
    }

    @PostMapping(OFFICE + "/documents/{documentId}/survey")
    String officeSend(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String documentId, @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = entrusted(documentId);
        Optional<DocumentRef> found = ref(documentId);
        if (found.isEmpty()) {
            return ComposePage.notFound(model, response, me, spec, Refusal.NOT_FOUND.message());
        }
        DocumentRef assignment = found.get();
        // the person's number is shown again only if the send was let through (a denial shows the denial alone)
        return ComposePage.send(model, response, me, routing, spec,
                new ComposePage.About(assignment.insured().value(), List.of()), form, files,
                payload -> new Outgoing(DocumentKind.CARE_SURVEY,
                        Correspondent.of(Party.municipality(assignment.insurer().value())), assignment.insurer(),
                        assignment.insured(), payload, "portal-survey:" + form.get("formToken"),
                        assignment.documentId(), null));
    }

    private static ComposePage.Spec entrusted(String documentId) {
        return new ComposePage.Spec("office", DocumentKind.CARE_SURVEY, LayoutForm.CARE_SURVEY, "survey.title",
                "survey.intro", "survey.submit", OFFICE + "/documents/" + documentId + "/survey",
                OFFICE + "/documents/" + documentId, "認定調査依頼");
    }

    // ---------------------------------------------------------------- helpers

    private static void copy(Map<String, String> from, String key, Map<String, String> to, String as) {
        String value = from.get(key);
        if (value != null && !value.isBlank()) {
            to.put(as, value);
        }
    }

    /** 依頼区分 by code, as the assignment's layout names them. */
    private Map<String, String> requestKinds() {
        return routing.layout(DocumentKind.SURVEY_ASSIGNMENT).flatMap(l -> l.field("requestKind"))
                .map(FieldSpec::codes).orElse(Map.of());
    }

    private static UUID caseId(String caseId) {
        Inputs in = new Inputs();
        UUID id = in.value(caseId, v -> Inputs.uuid(v, "caseId", "認定案件"));
        in.check();
        return id;
    }

    private Optional<DocumentRef> ref(String documentId) {
        return DocumentPages.ref(routing, documentId);
    }
}
