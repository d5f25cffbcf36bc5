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
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsuredPerson;
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
 * The care manager's 届出 to the person's municipality (docs/design/care-documents.md §4, §4.1): the
 * 居宅サービス計画作成依頼(変更)届出書, and the 届出 of a plan with more 生活援助中心型 visits than the ministerial count.
 * The 届出書 is filed from the person's page (the office's number filled in); {@code access} decides (S18, S25; another
 * municipality's insured is refused); accepted in the municipality's 受信箱, the 被保険者証 history gets the office and
 * the 届出年月日.
 */
@Controller
class PlanNotificationController {
    private static final String OFFICE = "/portal/office";

    private final SignedIn signedIn;
    private final DocumentRouting routing;
    private final CareRecordWriting writing;

    PlanNotificationController(SignedIn signedIn, DocumentRouting routing, CareRecordWriting writing) {
        this.signedIn = signedIn;
        this.routing = routing;
        this.writing = writing;
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
        return ComposePage.form(model, me, routing, planSpec(ref), about(person), prefilled);
    }

    @PostMapping(OFFICE + "/persons/{ref}/plan-notification")
    String send(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        return toMunicipality(request, response, model, planSpec(ref), ref, form, files, "portal-plan:");
    }

    /**
     * 生活援助中心型の訪問介護が多いケアプランの届出 (§4.1), opened from a month of the care-plans page whose 第6表 holds more
     * 生活援助 visits than the ministerial count: the month's figures filled in from the 第6表 and the plan.
     */
    @GetMapping(OFFICE + "/persons/{ref}/living-support-notification")
    String livingSupportForm(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String ref, @RequestParam(required = false) String month) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        Map<String, String> prefilled = new LinkedHashMap<>();
        writing.ownPlans(me, InsuredPerson.of(person.insurerNo(), person.insuredNo())).months().stream()
                .filter(m -> m.month().toString().substring(0, 7).equals(month)).findFirst().ifPresent(m -> {
                    prefilled.put("targetMonth", month);
                    prefilled.put("visits", String.valueOf(m.livingSupportVisits()));
                    if (m.planDate() != null) {
                        prefilled.put("planDate", m.planDate().toString());
                        prefilled.put("careLevel", m.careLevel());
                    }
                    if (m.count() != null) {
                        prefilled.put("count", String.valueOf(m.count()));
                    }
                });
        return ComposePage.form(model, me, routing, livingSupportSpec(ref), about(person), prefilled);
    }

    @PostMapping(OFFICE + "/persons/{ref}/living-support-notification")
    String sendLivingSupport(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String ref, @RequestParam Map<String, String> form,
            @RequestParam(name = "attachment", required = false) List<MultipartFile> files) {
        return toMunicipality(request, response, model, livingSupportSpec(ref), ref, form, files, "portal-living:");
    }

    /** A 届出 of the page's kind to the person's municipality, as the signed-in staff member. */
    private String toMunicipality(HttpServletRequest request, HttpServletResponse response, Model model,
            ComposePage.Spec spec, String ref, Map<String, String> form, List<MultipartFile> files, String keyPrefix) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        return ComposePage.send(model, response, me, routing, spec, about(person), form, files,
                payload -> new Outgoing(spec.kind(), Correspondent.of(Party.municipality(person.insurerNo())),
                        new InsurerNumber(person.insurerNo()), new InsuredNumber(person.insuredNo()), payload,
                        keyPrefix + form.get("formToken"), null, null));
    }

    private static ComposePage.Spec planSpec(String ref) {
        return new ComposePage.Spec("office", DocumentKind.CARE_PLAN_NOTIFICATION, List.of(), "plan.title",
                "plan.intro", "plan.submit", OFFICE + "/persons/" + ref + "/plan-notification", OFFICE + "/persons/" + ref,
                "宛先");
    }

    private static ComposePage.Spec livingSupportSpec(String ref) {
        return new ComposePage.Spec("office", DocumentKind.LIVING_SUPPORT_NOTIFICATION, List.of(), "living.title",
                "living.intro", "living.submit", OFFICE + "/persons/" + ref + "/living-support-notification",
                OFFICE + "/persons/" + ref + "/care-plans", "宛先");
    }

    private static ComposePage.About about(PersonRefs.PersonRef person) {
        return new ComposePage.About(person.insuredNo(), List.of(new DocumentPages.Line("to", "保険者番号",
                person.insurerNo(), null)));
    }
}
