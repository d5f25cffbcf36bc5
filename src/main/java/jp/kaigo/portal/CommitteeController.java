package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The committee area, the only part of the portal a 介護認定審査会委員 may open (docs/design/certification-online.md
 * §6.4 K1; {@link PortalSecurity} refuses every other staff page to that role). Until agendas are published
 * (§9.1 increment 12) it says where the 審査会資料 will appear and shows none.
 */
@Controller
class CommitteeController {
    private final SignedIn signedIn;

    CommitteeController(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @GetMapping("/portal/committee")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("me", signedIn.staff(request, response));
        return "portal/committee/home";
    }
}
