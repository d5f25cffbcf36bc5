package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Refusal;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A hospital stay in the portal (docs/design/care-documents.md): the care manager in charge sends the hospital the
 * 入院時情報提供書 from the person's page (the hospital's 医療機関コード typed there), and the hospital, opening it in its
 * 受信箱, answers with the 退院・退所情報記録書 to the office that sent it. Both forms are built from their layouts
 * ({@link ComposePage}); {@code access} decides each send (S20, S21: only an institution involved with the person, only
 * the office in charge).
 */
@Controller
class CareTransitionController {
    private static final String OFFICE = "/portal/office";

    private final SignedIn signedIn;
    private final DocumentRouting routing;

    CareTransitionController(SignedIn signedIn, DocumentRouting routing) {
        this.signedIn = signedIn;
        this.routing = routing;
    }

    @GetMapping(OFFICE + "/persons/{ref}/admission-info")
    String admissionForm(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam(defaultValue = "") String to) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        MedicalInstitutionCode hospital = new MedicalInstitutionCode(to.strip());
        Map<String, String> prefilled = new LinkedHashMap<>();
        prefilled.put("providedOn", jp.kaigo.ingest.Inputs.today().toString());
        return ComposePage.form(model, me, routing, admissionSpec(ref, hospital), about(person, hospital), prefilled);
    }

    @PostMapping(OFFICE + "/persons/{ref}/admission-info")
    String sendAdmission(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam(defaultValue = "") String to, @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        MedicalInstitutionCode hospital = new MedicalInstitutionCode(to.strip());
        return ComposePage.send(model, response, me, routing, admissionSpec(ref, hospital), about(person, hospital), form,
                files, payload -> new Outgoing(DocumentKind.ADMISSION_INFO,
                        Correspondent.of(Party.medicalInstitution(hospital.value())), new InsurerNumber(person.insurerNo()),
                        new InsuredNumber(person.insuredNo()), payload, "portal-admission:" + form.get("formToken"), null,
                        null));
    }

    @GetMapping(OFFICE + "/documents/{documentId}/discharge")
    String dischargeForm(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = dischargeSpec(documentId);
        ComposePage.Request admission = ComposePage.openRequest(model, response, me, routing, spec,
                DocumentPages.ref(routing, documentId), DocumentKind.ADMISSION_INFO);
        if (admission.page() != null) {
            return admission.page();
        }
        DocumentView admitted = admission.document();
        Map<String, String> payload = admitted.payload() == null ? Map.of() : admitted.payload();
        Map<String, String> prefilled = new LinkedHashMap<>();
        prefilled.put("recordedOn", jp.kaigo.ingest.Inputs.today().toString());
        Optional.ofNullable(payload.get("admittedOn")).ifPresent(d -> prefilled.put("admittedOn", d));
        // above the form, the admission's header: dates and who to call at the office
        List<DocumentPages.Line> header = DocumentPages.lines(routing.layout(DocumentKind.ADMISSION_INFO).orElse(null),
                payload).stream().filter(l -> List.of("admittedOn", "providedOn", "careManagerName", "officePhone")
                        .contains(l.key())).toList();
        return ComposePage.form(model, me, routing, spec, new ComposePage.About(admitted.document().insured().value(),
                header), prefilled);
    }

    @PostMapping(OFFICE + "/documents/{documentId}/discharge")
    String sendDischarge(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String documentId, @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = dischargeSpec(documentId);
        ComposePage.Request admission = ComposePage.openRequest(model, response, me, routing, spec,
                DocumentPages.ref(routing, documentId), DocumentKind.ADMISSION_INFO);
        if (admission.page() != null) {
            return admission.page();
        }
        DocumentRef admitted = admission.document().document();
        return ComposePage.send(model, response, me, routing, spec, new ComposePage.About(admitted.insured().value(),
                List.of()), form, files, payload -> new Outgoing(DocumentKind.DISCHARGE_RECORD,
                        admission.document().sender(), admitted.insurer(), admitted.insured(), payload,
                        "portal-discharge:" + form.get("formToken"), admitted.documentId(), null));
    }

    private static ComposePage.Spec admissionSpec(String ref, MedicalInstitutionCode hospital) {
        return new ComposePage.Spec("office", DocumentKind.ADMISSION_INFO, LayoutForm.ADMISSION_INFO,
                "admission.title", "admission.intro", "admission.submit",
                OFFICE + "/persons/" + ref + "/admission-info?to=" + hospital.value(), OFFICE + "/persons/" + ref,
                "宛先");
    }

    private static ComposePage.Spec dischargeSpec(String documentId) {
        return new ComposePage.Spec("office", DocumentKind.DISCHARGE_RECORD, LayoutForm.DISCHARGE_RECORD,
                "discharge.title", "discharge.intro", "discharge.submit", OFFICE + "/documents/" + documentId
                        + "/discharge", OFFICE + "/documents/" + documentId, "入院時情報提供書");
    }

    private static ComposePage.About about(PersonRefs.PersonRef person, MedicalInstitutionCode hospital) {
        return new ComposePage.About(person.insuredNo(), List.of(new DocumentPages.Line("to",
                MedicalInstitutionCode.LABEL, hospital.value(), null)));
    }
}
