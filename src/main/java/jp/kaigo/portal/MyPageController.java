package jp.kaigo.portal;

import java.util.UUID;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.person.ConsentChange;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.PlanStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insured person's own view (マイナポータル's part), signed in with the My Number card: my
 * certificates as the paper cards showed them, my 認定 and its progress, my care plan, the services I
 * used, my consents (give, refuse, withdraw), my offices, and who looked at my data.
 */
@Controller
@RequestMapping("/portal/me")
class MyPageController {
    private final SignedIn signedIn;
    private final PersonalPage page;
    private final PersonSections personSections;

    MyPageController(SignedIn signedIn, PersonalPage page, PersonSections personSections) {
        this.signedIn = signedIn;
        this.page = page;
        this.personSections = personSections;
    }

    /**
     * The page: a greeting and a one-screen summary, then each section to open on its own ({@code open}: the
     * section to show open, e.g. after a consent change); {@code looked}: which page of "who looked".
     */
    @GetMapping
    String home(@RequestParam(defaultValue = "1") int looked, @RequestParam(required = false) String open, Model model) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        PersonalPage.Home home = page.home(me, Math.max(1, looked));
        model.addAttribute("me", me);
        model.addAttribute("acting", me.actingAs() == null ? null
                : MunicipalityController.REPRESENTATIVE_KINDS.getOrDefault(me.actingAs(), me.actingAs()));
        model.addAttribute("page", personSections.page(home.records(), true));
        model.addAttribute("summary", personSections.mySummary(home));
        model.addAttribute("home", home);
        model.addAttribute("consents", home.consentsNewestFirst());
        model.addAttribute("offices", home.offices());
        model.addAttribute("looked", home.looked());
        model.addAttribute("openSection", looked > 1 ? "accesses" : open);
        model.addAttribute("openings", home.openings());
        model.addAttribute("categories", ConsentCategories.OFFERED);
        model.addAttribute("planWaiting", home.records().stream().flatMap(d -> d.records().stream())
                .anyMatch(r -> PlanStatus.PROPOSAL_RECORD.equals(r.get("recordType"))
                        && PlanStatus.PROPOSED.code().equals(r.get("status"))));
        return "portal/me/home";
    }

    /** 介護給付費通知: the services of each month, what they cost and my share (from my 給付実績). */
    @GetMapping("/benefits")
    String benefits(Model model) {
        model.addAttribute("statements", page.benefitStatements(signedIn.person()));
        return "portal/me/benefits";
    }

    /**
     * Give, refuse or withdraw consent: for one organisation (kind and number) or all, for one category or
     * all. Applies from the very next request of any organisation.
     */
    @PostMapping("/consents")
    String decide(@RequestParam(required = false) String partyKind, @RequestParam(required = false) String partyNumber,
            @RequestParam(required = false) String category, @RequestParam String decision, RedirectAttributes flash) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        Inputs in = new Inputs();
        Party party = null;
        if (!EntranceController.blank(partyKind)) {
            PartyKind kind = PartyKind.ofCode(partyKind).filter(k -> k != PartyKind.MUNICIPALITY).orElse(null);
            if (kind == null) {
                in.reject("partyKind", "相手先の種別", "介護事業所または医療機関を選んでください");
            } else {
                // the number with its check digit, as the kind of organisation writes it
                String number = in.value(partyNumber, n -> kind == PartyKind.OFFICE ? new OfficeNumber(n).value()
                        : new MedicalInstitutionCode(n).value());
                party = number == null ? null : new Party(kind, number);
            }
        }
        InformationCategory asked = ConsentCategories.asked(in, category);
        boolean give = in.consentDecision(decision);
        in.check();
        ConsentChange change = page.decide(me, party, asked, give);
        flash.addFlashAttribute("consentChanged", change.text());
        return "redirect:/portal/me?open=consents#consents";
    }

    /** The person (or their representative) ends an office's 担当 from today (audited). */
    @PostMapping("/offices/{relationshipId}/end")
    String endOffice(@PathVariable UUID relationshipId) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        page.endOffice(me, relationshipId, Inputs.today());
        return "redirect:/portal/me?officeEnded&open=offices#offices";
    }
}
