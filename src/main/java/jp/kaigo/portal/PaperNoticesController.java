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

    private static final String CERTIFICATES = "/portal/municipality/paper-certificates";

    /** The paper 資格確認書(仮称) due: the persons who asked for paper, never printed or changed since. */
    @GetMapping(CERTIFICATES)
    String certificates(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("certificates", desk.paperCertificates(me));
        return "portal/municipality/paper-certificates";
    }

    /** 交付済みにする: each printed certificate with the fingerprint of what it showed (as listed). */
    @PostMapping(CERTIFICATES + "/issued")
    String issued(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(name = "printed", required = false) List<String> printed) {
        StaffSession me = signedIn.staff(request, response);
        if (printed == null || printed.isEmpty()) {
            throw new InvalidValue("printed", "資格確認書", "交付済みにする資格確認書がありません");
        }
        java.util.Map<String, String> fingerprints = new java.util.LinkedHashMap<>();
        for (String entry : printed) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                throw new InvalidValue("printed", "資格確認書", "指定が正しくありません");
            }
            fingerprints.put(parts[0], parts[1]);
        }
        desk.paperCertificatesIssued(me, fingerprints);
        return "redirect:" + CERTIFICATES + "?issued=" + fingerprints.size();
    }

    /** The wish for paper written on the 介護保険異動届出書, recorded at the counter. */
    @PostMapping(CERTIFICATES + "/wishes")
    String wish(HttpServletRequest request, HttpServletResponse response, @RequestParam String insuredNo,
            @RequestParam String wanted) {
        StaffSession me = signedIn.staff(request, response);
        desk.recordPaperCertificateWish(me, insuredNo, "yes".equals(wanted));
        return "redirect:" + CERTIFICATES + "?wish=" + ("yes".equals(wanted) ? "yes" : "no");
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("noticeId", "通知", "指定が正しくありません");
        }
    }
}
