package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.municipality.MunicipalDesk;
import jp.kaigo.shared.InvalidValue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 紙で送る通知 (design §7.4): the municipality prints the notices of the persons who chose paper, one letter a page
 * with the address from the registry, and marks them printed once posted.
 */
@Controller
class PaperNoticesController {
    private static final String PAGE = "/portal/municipality/paper-notices";
    private final SignedIn signedIn;
    private final MunicipalDesk desk;

    PaperNoticesController(SignedIn signedIn, MunicipalDesk desk) {
        this.signedIn = signedIn;
        this.desk = desk;
    }

    @GetMapping(PAGE)
    String list(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        MunicipalDesk.PaperNotices paper = desk.paperNotices(me);
        model.addAttribute("letters", paper.letters());
        model.addAttribute("withoutAddress", paper.withoutAddress());
        return "portal/municipality/paper-notices";
    }

    @PostMapping(PAGE + "/printed")
    String printed(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(name = "noticeId", required = false) List<String> noticeIds) {
        StaffSession me = signedIn.staff(request, response);
        if (noticeIds == null || noticeIds.isEmpty()) {
            throw new InvalidValue("noticeId", "通知", "印刷済みにする通知がありません");
        }
        List<UUID> ids = noticeIds.stream().map(PaperNoticesController::id).toList();
        return "redirect:" + PAGE + "?printed=" + desk.markPrinted(me, ids);
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("noticeId", "通知", "指定が正しくありません");
        }
    }
}
