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
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 主治医意見書 in the portal (docs/design/certification-online.md §5, §8.3 step 7): the doctor of the medical
 * institution asked opens the 意見書作成依頼 in the 受信箱 and writes the 意見書 in reply to it, the form built from
 * the doctor-opinion layout ({@link ComposePage}) with what the request names filled in (the doctor, the
 * institution's code). {@code access} decides the page (reading the request) and the send (S11 the institution
 * asked, S12 a doctor); a denial is shown instead of the form.
 */
@Controller
class OpinionController {
    private static final String OFFICE = "/portal/office";

    private final SignedIn signedIn;
    private final DocumentRouting routing;

    OpinionController(SignedIn signedIn, DocumentRouting routing) {
        this.signedIn = signedIn;
        this.routing = routing;
    }

    @GetMapping(OFFICE + "/documents/{documentId}/opinion")
    String form(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = spec(documentId);
        ComposePage.Request asking = ComposePage.openRequest(model, response, me, routing, spec, ref(documentId),
                DocumentKind.OPINION_REQUEST);
        if (asking.page() != null) {
            return asking.page();
        }
        DocumentView asked = asking.document();
        Map<String, String> payload = asked.payload() == null ? Map.of() : asked.payload();
        Map<String, String> prefilled = new LinkedHashMap<>();
        // the institution writing is the one its certificate names; the doctor is the one the request names
        prefilled.put("institutionCode", me.organisation().number());
        String doctor = payload.get("doctorName");
        if (doctor != null && !doctor.isBlank()) {
            prefilled.put("doctorName", doctor);
        }
        return ComposePage.form(model, me, routing, spec, new ComposePage.About(asked.document().insured().value(),
                DocumentPages.lines(routing.layout(DocumentKind.OPINION_REQUEST).orElse(null), payload)), prefilled);
    }

    @PostMapping(OFFICE + "/documents/{documentId}/opinion")
    String send(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String documentId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        ComposePage.Spec spec = spec(documentId);
        Optional<DocumentRef> found = ref(documentId);
        if (found.isEmpty()) {
            return ComposePage.notFound(model, response, me, spec, Refusal.NOT_FOUND.message());
        }
        DocumentRef asked = found.get();
        return ComposePage.send(model, response, me, routing, spec, new ComposePage.About(asked.insured().value(),
                List.of()), form, files, payload -> new Outgoing(DocumentKind.DOCTOR_OPINION,
                        Correspondent.of(Party.municipality(asked.insurer().value())), asked.insurer(), asked.insured(),
                        payload, "portal-opinion:" + form.get("formToken"), asked.documentId(), null));
    }

    private static ComposePage.Spec spec(String documentId) {
        return new ComposePage.Spec("office", DocumentKind.DOCTOR_OPINION, LayoutForm.DOCTOR_OPINION, "opinion.title",
                "opinion.intro", "opinion.submit", OFFICE + "/documents/" + documentId + "/opinion",
                OFFICE + "/documents/" + documentId, "意見書作成依頼");
    }

    private Optional<DocumentRef> ref(String documentId) {
        return DocumentPages.ref(routing, documentId);
    }
}
