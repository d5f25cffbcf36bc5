package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.casework.CareRecordWriting;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OwnPlanMonth;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 生活援助中心型の訪問介護が多いケアプランの届出 (docs/design/care-documents.md §4.1): from a month of the care-plans page whose
 * 第6表 holds more 生活援助 visits than the ministerial count, the care manager writes why and sends it to the person's
 * municipality; the month's figures come filled in from the 第6表 and the plan.
 */
@Controller
class LivingSupportController {
    private static final String OFFICE = "/portal/office";
    private final SignedIn signedIn;
    private final DocumentRouting routing;
    private final CareRecordWriting writing;

    LivingSupportController(SignedIn signedIn, DocumentRouting routing, CareRecordWriting writing) {
        this.signedIn = signedIn;
        this.routing = routing;
        this.writing = writing;
    }

    @GetMapping(OFFICE + "/persons/{ref}/living-support-notification")
    String form(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam(required = false) String month) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        Map<String, String> prefilled = new LinkedHashMap<>();
        writing.ownPlans(me, InsuredPerson.of(person.insurerNo(), person.insuredNo())).months().stream()
                .filter(m -> m.month().toString().substring(0, 7).equals(month)).findFirst()
                .ifPresent(m -> prefill(prefilled, m));
        return ComposePage.form(model, me, routing, spec(ref), about(person), prefilled);
    }

    @PostMapping(OFFICE + "/persons/{ref}/living-support-notification")
    String send(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        return ComposePage.send(model, response, me, routing, spec(ref), about(person), form, files,
                payload -> new Outgoing(DocumentKind.LIVING_SUPPORT_NOTIFICATION,
                        Correspondent.of(Party.municipality(person.insurerNo())), new InsurerNumber(person.insurerNo()),
                        new InsuredNumber(person.insuredNo()), payload, "portal-living:" + form.get("formToken"), null,
                        null));
    }

    private static void prefill(Map<String, String> prefilled, OwnPlanMonth m) {
        prefilled.put("targetMonth", m.month().toString().substring(0, 7));
        if (m.planDate() != null) {
            prefilled.put("planDate", m.planDate().toString());
        }
        if (m.careLevel() != null) {
            prefilled.put("careLevel", m.careLevel());
        }
        prefilled.put("visits", String.valueOf(m.livingSupportVisits()));
        if (m.count() != null) {
            prefilled.put("count", String.valueOf(m.count()));
        }
    }

    private static ComposePage.Spec spec(String ref) {
        return new ComposePage.Spec("office", DocumentKind.LIVING_SUPPORT_NOTIFICATION, List.of(), "living.title",
                "living.intro", "living.submit", OFFICE + "/persons/" + ref + "/living-support-notification",
                OFFICE + "/persons/" + ref + "/care-plans", "宛先");
    }

    private static ComposePage.About about(PersonRefs.PersonRef person) {
        return new ComposePage.About(person.insuredNo(), List.of(new DocumentPages.Line("to", "保険者番号",
                person.insurerNo(), null)));
    }
}
