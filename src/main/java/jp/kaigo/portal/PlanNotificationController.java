package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 居宅サービス計画作成依頼(変更)届出書 from the person's page (docs/design/care-documents.md §4): the care manager of
 * the office in charge files it with the person's municipality (the office's number filled in); {@code access} decides
 * (S18; another municipality's insured is refused), the municipality accepts it in its 受信箱 and the 被保険者証 history
 * gets the office and the 届出年月日.
 */
@Controller
class PlanNotificationController {
    private static final String OFFICE = "/portal/office";

    private final SignedIn signedIn;
    private final DocumentRouting routing;

    PlanNotificationController(SignedIn signedIn, DocumentRouting routing) {
        this.signedIn = signedIn;
        this.routing = routing;
    }

    @GetMapping(OFFICE + "/persons/{ref}/plan-notification")
    String form(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        Map<String, String> prefilled = new LinkedHashMap<>();
        prefilled.put("notificationKind", "1");
        prefilled.put("planKind", "1");
        prefilled.put("officeNo", me.organisation().number());
        prefilled.put("startOn", Inputs.today().toString());
        return ComposePage.form(model, me, routing, spec(ref), about(person), prefilled);
    }

    @PostMapping(OFFICE + "/persons/{ref}/plan-notification")
    String send(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        return ComposePage.send(model, response, me, routing, spec(ref), about(person), form, files,
                payload -> new Outgoing(DocumentKind.CARE_PLAN_NOTIFICATION,
                        Correspondent.of(Party.municipality(person.insurerNo())), new InsurerNumber(person.insurerNo()),
                        new InsuredNumber(person.insuredNo()), payload, "portal-plan:" + form.get("formToken"), null,
                        null));
    }

    private static ComposePage.Spec spec(String ref) {
        return new ComposePage.Spec("office", DocumentKind.CARE_PLAN_NOTIFICATION, List.of(), "plan.title",
                "plan.intro", "plan.submit", OFFICE + "/persons/" + ref + "/plan-notification", OFFICE + "/persons/" + ref,
                "宛先");
    }

    private static ComposePage.About about(PersonRefs.PersonRef person) {
        return new ComposePage.About(person.insuredNo(), List.of(new DocumentPages.Line("to", "保険者番号",
                person.insurerNo(), null)));
    }
}
