package jp.kaigo.portal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.audit.AccessRecord;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    /** One access as the person reads it: organisation kind and number, job in words, what, why, result. */
    record AccessLine(Instant at, String who, String what, String why, String outcome) {
        static AccessLine of(AccessRecord a, Map<String, String> names) {
            String kind = PartyKind.ofCode(a.actorKind()).map(PartyKind::label)
                    .orElse("representative".equals(a.actorKind()) ? "代理人" : a.actorKind());
            String job = a.staffJob() == null ? "" : "(" + JobType.parse(a.staffJob()).map(JobType::label)
                    .orElse(MunicipalityController.REPRESENTATIVE_KINDS.getOrDefault(a.staffJob(), a.staffJob())) + ")";
            String outcome = a.outcome() == null ? "" : a.outcome().startsWith("permit:") ? "閲覧されました"
                    : a.outcome().startsWith("deny:") ? "閲覧は拒否されました" : switch (a.outcome()) {
                        case "INSURED" -> "資格を確認しました";
                        case "REGISTERED" -> "登録されました";
                        case "ENDED" -> "終了しました";
                        case "LINKED" -> "カードが登録されました";
                        case "GIVEN" -> "同意";
                        case "REFUSED" -> "同意しない・撤回";
                        default -> a.outcome();
                    };
            String name = names.get(a.actorKind() + ":" + a.actorNumber());
            return new AccessLine(a.at(), (name == null ? kind + " " + (a.actorNumber() == null ? "" : a.actorNumber())
                    : name + "(" + kind + ")") + job,
                    a.subject(), a.purpose(), outcome);
        }
    }

    @GetMapping
    String home(Model model) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        PersonalPage.Home home = page.home(me);
        model.addAttribute("me", me);
        model.addAttribute("acting", me.actingAs() == null ? null
                : MunicipalityController.REPRESENTATIVE_KINDS.getOrDefault(me.actingAs(), me.actingAs()));
        model.addAttribute("page", personSections.page(home.records(), true));
        model.addAttribute("consents", home.consentsNewestFirst());
        model.addAttribute("offices", home.offices());
        // others' accesses, newest first (the person's own views are not news to them)
        model.addAttribute("accesses", home.accessesByOthers().stream().map(a -> AccessLine.of(a, home.names())).toList());
        model.addAttribute("names", home.names());
        model.addAttribute("openings", home.openings());
        model.addAttribute("categories", InformationCategory.values());
        return "portal/me/home";
    }

    /**
     * Give, refuse or withdraw consent: for one organisation (kind and number) or all, for one category or
     * all. Applies from the very next request of any organisation.
     */
    @PostMapping("/consents")
    String decide(@RequestParam(required = false) String partyKind, @RequestParam(required = false) String partyNumber,
            @RequestParam(required = false) String category, @RequestParam String decision) {
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
        InformationCategory asked = in.category(category);
        boolean give = in.consentDecision(decision);
        in.check();
        page.decide(me, party, asked, give);
        return "redirect:/portal/me?consent=" + decision;
    }

    /** The person (or their representative) ends an office's 担当 from today (audited). */
    @PostMapping("/offices/{relationshipId}/end")
    String endOffice(@PathVariable UUID relationshipId) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        page.endOffice(me, relationshipId, Inputs.today());
        return "redirect:/portal/me?officeEnded#offices";
    }
}
