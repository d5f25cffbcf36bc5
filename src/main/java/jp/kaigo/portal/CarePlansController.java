package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.careplan.CarePlanFileReport;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.PlanStatusRules;
import jp.kaigo.shared.StandardPlanFiles;
import jp.kaigo.casework.CareRecordWriting;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.shared.InformationCategory;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Care plans exchanged (docs/design/care-documents.md §7): the care manager's plans for a person (send the standard
 * files, show the 原案 to the person, record an agreement obtained on paper, 交付); what was delivered to the office
 * (download as the standard's files); the person's 原案 to agree to, in their own view.
 */
@Controller
class CarePlansController {
    private static final Charset MS932 = Charset.forName("windows-31j");
    private final SignedIn signedIn;
    private final CareRecordWriting writing;
    private final PersonalPage page;
    private final RecordSheets sheets;

    CarePlansController(SignedIn signedIn, CareRecordWriting writing, PersonalPage page, RecordSheets sheets) {
        this.signedIn = signedIn;
        this.writing = writing;
        this.page = page;
        this.sheets = sheets;
    }

    @GetMapping("/portal/office/persons/{ref}/care-plans")
    String plans(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        model.addAttribute("me", me);
        model.addAttribute("ref", ref);
        model.addAttribute("person", person);
        model.addAttribute("plans", writing.ownPlans(me, InsuredPerson.of(person.insurerNo(), person.insuredNo())));
        return "portal/office/care-plans";
    }

    /** The standard's files as the care manager's software wrote them; each file's kind from its name. */
    @PostMapping("/portal/office/persons/{ref}/care-plans/files")
    String upload(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref,
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        StaffSession me = signedIn.staff(request, response);
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).sorted(Comparator.comparingInt(f ->
                        StandardPlanFiles.kindOf(f.getOriginalFilename()).map(StandardPlanFiles.KINDS::indexOf).orElse(-1))).toList();
        if (given.isEmpty()) {
            throw new InvalidValue("file", "ファイル", "ケアプランデータ連携のファイルを選んでください");
        }
        List<FileResult> results = new ArrayList<>();
        for (MultipartFile file : given) {
            String kind = StandardPlanFiles.kindOf(file.getOriginalFilename()).orElse(null);
            if (kind == null) {
                results.add(new FileResult(file.getOriginalFilename(), null, "ファイル名が標準仕様の名前(UP1KYO_…、UPPLAN_…など)"
                        + "ではないため、取り込みませんでした"));
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                results.add(new FileResult(file.getOriginalFilename(), writing.importPlanFile(me, kind, in, MS932), null));
            } catch (InvalidValue e) {
                results.add(new FileResult(file.getOriginalFilename(), null, e.violations().get(0).reason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        model.addAttribute("results", results);
        return plans(request, response, model, ref);
    }

    /** A file's outcome: its report, or why it was not read at all. */
    record FileResult(String name, CarePlanFileReport report, String refused) {
    }

    /** 原案を示す (propose), 同意を記録する (agreement), 交付する (issue). */
    @PostMapping("/portal/office/persons/{ref}/care-plans/{planId}/{act}")
    String act(HttpServletRequest request, HttpServletResponse response, @PathVariable String ref,
            @PathVariable UUID planId, @PathVariable String act, RedirectAttributes flash) {
        StaffSession me = signedIn.staff(request, response);
        PlanStatusRules.Act what = switch (act) {
            case "propose" -> PlanStatusRules.Act.PROPOSE;
            case "agreement" -> PlanStatusRules.Act.RECORD_AGREEMENT;
            case "issue" -> PlanStatusRules.Act.ISSUE;
            default -> throw new InvalidValue("act", "操作", "原案を示す・同意を記録する・交付するのいずれかです");
        };
        flash.addFlashAttribute("done", writing.actOnPlan(me, planId, what).status().label());
        return "redirect:/portal/office/persons/" + ref + "/care-plans";
    }

    @GetMapping("/portal/office/care-plans/received")
    String received(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("received", writing.received(me));
        return "portal/office/received-plans";
    }

    @GetMapping("/portal/office/care-plans/received/{deliveryId}/files")
    ResponseEntity<byte[]> download(HttpServletRequest request, HttpServletResponse response,
            @PathVariable UUID deliveryId) {
        StaffSession me = signedIn.staff(request, response);
        var download = writing.download(me, deliveryId).orElseThrow(PortalAdvice.PageNotFound::new);
        if (download.refused() != null) {
            throw new InvalidValue("deliveryId", "届いたケアプラン", download.refused().message());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.files().name()).build().toString())
                .body(download.files().zip());
    }

    /** The person's plans: each 原案 to answer, then the plans issued, newest first. */
    @GetMapping("/portal/me/care-plans")
    String mine(Model model) {
        var me = signedIn.person();
        List<Map<String, Object>> records = page.records(me, InformationCategory.CARE_PLAN).records();
        model.addAttribute("proposals", records.stream().filter(r -> PlanStatus.PROPOSAL_RECORD.equals(r.get("recordType")))
                .map(r -> {
                    Map<String, Object> shown = new java.util.LinkedHashMap<>(r);
                    shown.remove("planId");
                    return new Proposal(UUID.fromString(r.get("planId").toString()), (String) r.get("status"),
                            sheets.sheet(shown));
                }).toList());
        model.addAttribute("issued", records.stream().filter(r -> "care-plan".equals(r.get("recordType")))
                .map(sheets::sheet).toList());
        return "portal/me/care-plans";
    }

    /** A 原案 as the person reads it, with whether it waits for their answer. */
    record Proposal(UUID planId, String status, RecordSheets.Sheet sheet) {
        public boolean waiting() {
            return PlanStatus.PROPOSED.code().equals(status);
        }
    }

    @PostMapping("/portal/me/care-plans/{planId}/answer")
    String answer(@PathVariable UUID planId, @RequestParam String answer, @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        if (!answer.equals("agree") && !answer.equals("decline")) {
            throw new InvalidValue("answer", "回答", "同意する・同意しないのどちらかを選んでください");
        }
        var status = page.answerPlan(signedIn.person(), planId, answer.equals("agree"), note);
        flash.addFlashAttribute("done", status.label());
        return "redirect:/portal/me/care-plans";
    }
}
