package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import jp.kaigo.analytics.Extract;
import jp.kaigo.analytics.ExtractBasis;
import jp.kaigo.analytics.Statistics;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InvalidValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 個票データの提供 (docs/design/analytics.md §4, §5): the municipality's officer registers a pseudonymised extract and
 * downloads it for its recipient; the person sees the extracts that used their data (わたしのデータの利用) and may
 * object to research extracts.
 */
@Controller
class ExtractsController {
    private static final String PAGE = "/portal/municipality/extracts";
    private static final String MINE = "/portal/me/data-use";
    private final SignedIn signedIn;
    private final Statistics statistics;

    ExtractsController(SignedIn signedIn, Statistics statistics) {
        this.signedIn = signedIn;
        this.statistics = statistics;
    }

    @GetMapping(PAGE)
    String list(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        return page(me, model, new Extract.Request("", "", "", "", "", false));
    }

    private String page(StaffSession me, Model model, Extract.Request form) {
        model.addAttribute("me", me);
        model.addAttribute("extracts", statistics.extracts(me));
        model.addAttribute("bases", ExtractBasis.values());
        model.addAttribute("form", form);
        return "portal/municipality/extracts";
    }

    @PostMapping(PAGE)
    String register(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String basis,
            @RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "false") boolean birthMonth) {
        StaffSession me = signedIn.staff(request, response);
        Extract.Request form = new Extract.Request(purpose, basis, recipient, from, to, birthMonth);
        try {
            Extract extract = statistics.registerExtract(me, form);
            return "redirect:" + PAGE + "?made=" + extract.id();
        } catch (InvalidValue e) {
            model.addAttribute("errors", e.violations());
            response.setStatus(400);
            return page(me, model, form);
        }
    }

    @GetMapping(PAGE + "/{id}.csv.gz")
    ResponseEntity<byte[]> download(HttpServletRequest request, HttpServletResponse response, @PathVariable String id) {
        StaffSession me = signedIn.staff(request, response);
        Extract.File file = statistics.extractFile(me, uuid(id));
        return ResponseEntity.ok().contentType(new MediaType("application", "gzip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping(MINE)
    String mine(Model model) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        model.addAttribute("me", me);
        model.addAttribute("uses", statistics.uses(InsuredPerson.of(me.insurerNo(), me.insuredNo())));
        return "portal/me/data-use";
    }

    @PostMapping(MINE)
    String object(@RequestParam(defaultValue = "") String objection) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        if (!objection.equals("stop") && !objection.equals("resume")) {
            throw new InvalidValue("objection", "研究への提供", "「停止する」か「停止を取り消す」を選んでください");
        }
        statistics.object(InsuredPerson.of(me.insurerNo(), me.insuredNo()), objection.equals("stop"));
        return "redirect:" + MINE + "?saved=" + objection;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("id", "個票データ", "指定が正しくありません");
        }
    }
}
