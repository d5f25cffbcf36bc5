package jp.kaigo.portal;

import java.util.UUID;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.notification.ContactPreferences;
import jp.kaigo.notification.Notices;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.notification.RecordedBy;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's notices (お知らせ, design for issue 16 §7): 認定結果通知, 更新勧奨, 処分延期通知, newest first, unread
 * marked; "読んだ" marks one read; how they want to be told besides this page (paper, email, SMS); and whether they want a
 * paper 資格確認書(仮称).
 */
@Controller
@RequestMapping("/portal/me/notices")
class MyNoticesController {
    private final SignedIn signedIn;
    private final Notices notices;
    private final PersonalPage personal;

    MyNoticesController(SignedIn signedIn, Notices notices, PersonalPage page) {
        this.signedIn = signedIn;
        this.notices = notices;
        this.personal = page;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        InsuredPerson person = InsuredPerson.of(me.insurerNo(), me.insuredNo());
        model.addAttribute("me", me);
        model.addAttribute("acting", me.actingAs() == null ? null
                : MunicipalityController.REPRESENTATIVE_KINDS.getOrDefault(me.actingAs(), me.actingAs()));
        model.addAttribute("inbox", notices.inbox(person, Math.max(1, page)));
        model.addAttribute("preferences", notices.preferences(person));
        model.addAttribute("paperCertificate", personal.wantsPaperCertificate(me));
        return "portal/me/notices";
    }

    @PostMapping("/{noticeId}/read")
    String markRead(@PathVariable UUID noticeId, @RequestParam(defaultValue = "1") int page) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        if (!notices.markRead(InsuredPerson.of(me.insurerNo(), me.insuredNo()), noticeId)) {
            throw new PortalAdvice.PageNotFound(); // not this person's notice: as if there were none
        }
        return "redirect:/portal/me/notices?page=" + Math.max(1, page) + "#notice-" + noticeId;
    }

    @PostMapping("/preferences")
    String setPreferences(@RequestParam(defaultValue = "false") boolean paper, @RequestParam(required = false) String email,
            @RequestParam(required = false) String sms) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        notices.setPreferences(InsuredPerson.of(me.insurerNo(), me.insuredNo()), new ContactPreferences(paper, email, sms),
                me.actingAs() == null ? RecordedBy.SELF : RecordedBy.REPRESENTATIVE);
        return "redirect:/portal/me/notices?preferencesSaved#preferences";
    }

    /** A paper 資格確認書(仮称), wanted or not (the municipality prints one whenever what it shows changes). */
    @PostMapping("/paper-certificate")
    String paperCertificate(@RequestParam(defaultValue = "false") boolean wanted) {
        personal.wantPaperCertificate(signedIn.person(), wanted);
        return "redirect:/portal/me/notices?paperSaved#paper-certificate";
    }
}
