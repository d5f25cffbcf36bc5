package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Base64;
import jp.kaigo.identity.CardRefused;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way in: the landing page, staff sign-in (ID, password, one-time code, under the organisation's
 * certificate in the browser) and the person's sign-in with the My Number card.
 */
@Controller
class EntranceController {
    private final SignedIn signedIn;
    private final StaffAccounts staff;
    private final MyNumberCards cards;

    EntranceController(SignedIn signedIn, StaffAccounts staff, MyNumberCards cards) {
        this.signedIn = signedIn;
        this.staff = staff;
        this.cards = cards;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/portal";
    }

    @GetMapping("/portal")
    String landing(HttpServletRequest request, Model model) {
        model.addAttribute("terminal", signedIn.terminal(request).orElse(null));
        return "portal/index";
    }

    @GetMapping("/portal/sign-in/staff")
    String staffForm(HttpServletRequest request, Model model) {
        model.addAttribute("terminal", signedIn.terminal(request).orElse(null));
        return "portal/sign-in-staff";
    }

    @PostMapping("/portal/sign-in/staff")
    String staffSignIn(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam String loginId, @RequestParam String password, @RequestParam String oneTimeCode) {
        Party terminal = signedIn.terminal(request).orElse(null);
        model.addAttribute("terminal", terminal);
        model.addAttribute("loginId", loginId);
        if (terminal == null) {
            return "portal/sign-in-staff";
        }
        try {
            var tokens = staff.signIn(terminal, loginId.strip(), password, oneTimeCode);
            StaffSession session = staff.authenticate(terminal, tokens.accessToken()).orElseThrow();
            PortalLogin.Staff login = new PortalLogin.Staff(terminal, session.loginId(), session.jobType(),
                    session.admin(), tokens.accessToken(), tokens.refreshToken());
            signedIn.start(login, request, response);
            return switch (login.role()) {
                case PortalLogin.COMMITTEE -> "redirect:/portal/committee";
                case PortalLogin.MUNICIPALITY -> "redirect:/portal/municipality";
                default -> "redirect:/portal/office";
            };
        } catch (SignInRefused e) {
            model.addAttribute("error", e.getMessage());
            return "portal/sign-in-staff";
        }
    }

    @GetMapping("/portal/sign-in/card")
    String cardForm(Model model) {
        challenge(model);
        return "portal/sign-in-card";
    }

    /**
     * The person answers the challenge with their card (the card-reader app prints the certificate and the
     * signature as JSON); a representative also names the person they act for.
     */
    @PostMapping("/portal/sign-in/card")
    String cardSignIn(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam String challengeId, @RequestParam String cardAnswer,
            @RequestParam(required = false) String insurerNo, @RequestParam(required = false) String insuredNo) {
        try {
            Inputs in = new Inputs();
            Inputs.CardAnswer answer = CardAnswers.parse(in, challengeId, cardAnswer);
            boolean acting = !blank(insurerNo) || !blank(insuredNo);
            InsurerNumber insurer = acting ? in.value(insurerNo, InsurerNumber::new) : null;
            InsuredNumber insured = acting ? in.value(insuredNo, InsuredNumber::new) : null;
            in.check();
            var session = cards.signInPerson(answer.challengeId(), answer.certificate(), answer.signature(),
                    acting ? new MyNumberCards.LinkedPerson(insurer.value(), insured.value()) : null);
            signedIn.start(new PortalLogin.Person(session.token(), session.person().actingAs()), request, response);
            return "redirect:/portal/me";
        } catch (InvalidValue | CardRefused | SignInRefused e) {
            return again(model, e, "portal/sign-in-card");
        }
    }

    @GetMapping("/portal/sign-in/card/link")
    String linkForm(Model model) {
        challenge(model);
        return "portal/link-card";
    }

    /**
     * The first time: the person links their card to their numbers (card + 被保険者番号 + 生年月日; a wrong
     * birth date answers like unknown numbers, and a few wrong tries lock further tries for 24 hours).
     */
    @PostMapping("/portal/sign-in/card/link")
    String linkCard(Model model, @RequestParam String challengeId, @RequestParam String cardAnswer,
            @RequestParam String insurerNo, @RequestParam String insuredNo, @RequestParam String birthDate) {
        try {
            Inputs in = new Inputs();
            Inputs.CardAnswer answer = CardAnswers.parse(in, challengeId, cardAnswer);
            InsurerNumber insurer = in.value(insurerNo, InsurerNumber::new);
            InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
            LocalDate birth = in.date(birthDate, "birthDate", "生年月日", true);
            in.check();
            boolean linked = cards.linkOwnCard(answer.challengeId(), answer.certificate(), answer.signature(),
                    insurer.value(), insured.value(), birth);
            if (linked) {
                return "redirect:/portal/sign-in/card?linked";
            }
            model.addAttribute("error", "該当する被保険者が見つかりません(保険者番号・被保険者番号・生年月日をご確認ください)");
            return again(model, null, "portal/link-card");
        } catch (InvalidValue | CardRefused e) {
            return again(model, e, "portal/link-card");
        }
    }

    /** The same card page again, saying why (a new challenge: the old one is used up). */
    private String again(Model model, RuntimeException refusal, String view) {
        if (refusal instanceof InvalidValue invalid) {
            model.addAttribute("errors", invalid.violations());
        } else if (refusal != null) {
            model.addAttribute("error", refusal.getMessage());
        }
        challenge(model);
        return view;
    }

    private void challenge(Model model) {
        var challenge = cards.newPersonChallenge();
        model.addAttribute("challengeId", challenge.challengeId());
        model.addAttribute("challenge", Base64.getEncoder().encodeToString(challenge.nonce()));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
