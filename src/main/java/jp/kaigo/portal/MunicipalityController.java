package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.municipality.MunicipalDesk;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportStatus;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredList;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InvalidValue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The municipality console: file uploads with their report and rejection list (downloadable as CSV),
 * 包括同意 registration, and the break-glass openings waiting for review. Signed-in municipal staff
 * under the municipality's certificate; everything is about the municipality's own insured.
 */
@Controller
@RequestMapping("/portal/municipality")
class MunicipalityController {
    static final Map<String, String> REPRESENTATIVE_KINDS = Map.of("legal-agent", "法定代理人", "guardian", "成年後見人");
    private final SignedIn signedIn;
    private final FileImports imports;
    private final MunicipalDesk desk;
    private final Uploads uploads;
    private final PersonSections personSections;

    MunicipalityController(SignedIn signedIn, FileImports imports, MunicipalDesk desk, Uploads uploads,
            PersonSections personSections) {
        this.uploads = uploads;
        this.personSections = personSections;
        this.signedIn = signedIn;
        this.imports = imports;
        this.desk = desk;
    }

    @GetMapping
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        MunicipalDesk.Console console = desk.console(me);
        model.addAttribute("layouts", console.layouts());
        model.addAttribute("occasions", console.occasions());
        model.addAttribute("openings", console.openingsToReview());
        return "portal/municipality/home";
    }

    /**
     * One file of one record type: CSV (charset detected) or JSON by its name. The file is kept aside and
     * imported in the background; the browser goes straight to the import's page, which shows the rows
     * read so far and then the report (every refused row with its line, field and rule).
     */
    @PostMapping("/files")
    String upload(HttpServletRequest request, HttpServletResponse response, @RequestParam String recordType,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String omit,
            @RequestParam MultipartFile file) throws IOException {
        StaffSession me = signedIn.staff(request, response);
        if (file.isEmpty()) {
            throw new InvalidValue("file", "ファイル", "ファイルを選んでください(空のファイルは取り込めません)");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        FileFormat format = name.toLowerCase(Locale.ROOT).endsWith(".json") ? FileFormat.JSON : FileFormat.CSV;
        ImportRequest importing = new ImportRequest(me.organisation().number(), recordType, ImportMode.parse(mode),
                format, null, name, ImportRequest.omittedColumns(omit));
        imports.check(importing);
        UUID id = UUID.randomUUID();
        Path copy = Files.createTempFile("kaigo-upload-", ".part");
        file.transferTo(copy);
        uploads.start(id, importing, copy);
        return "redirect:/portal/municipality/imports/" + id;
    }

    @GetMapping("/imports/{importId}")
    String report(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable UUID importId) {
        StaffSession me = signedIn.staff(request, response);
        String insurer = me.organisation().number();
        model.addAttribute("me", me);
        // first whether it is still on its way, then its report: an upload leaves the waiting list only
        // after its report (or its failure) is there, so this order never misses a finished import
        var running = imports.progress(importId).filter(p -> p.insurerNo().equals(insurer));
        var report = imports.report(importId).filter(r -> r.insurerNo().equals(insurer));
        // received and not imported yet: waiting for its turn, or for the restart after a crash to import it
        boolean onItsWay = running.isPresent() || uploads.waiting(importId, insurer)
                || report.filter(r -> r.status() == ImportStatus.RECEIVED).isPresent();
        // a held import being confirmed is on its way again: its rows are shown until the new report is there
        if (report.isPresent() && report.get().status() != ImportStatus.RECEIVED
                && !(report.get().status() == ImportStatus.HELD && onItsWay)) {
            model.addAttribute("report", report.get());
            model.addAttribute("recordLabel", imports.label(report.get().recordType()));
            return "portal/municipality/import";
        }
        var failure = uploads.failure(importId, insurer);
        if (failure.isPresent()) {
            model.addAttribute("error", failure.get());
            return "portal/problem";
        }
        if (!onItsWay) {
            throw new PortalAdvice.PageNotFound();
        }
        model.addAttribute("rows", running.map(p -> p.rowsRead().get()).orElse(0L));
        model.addAttribute("refreshSeconds", 1);
        return "portal/municipality/importing";
    }

    /** The municipality confirms a held 全量 import with the number of records the page said it deletes. */
    @PostMapping("/imports/{importId}/confirm")
    String confirm(HttpServletRequest request, HttpServletResponse response, @PathVariable UUID importId,
            @RequestParam String confirmDeletions) {
        StaffSession me = signedIn.staff(request, response);
        ImportReport held = ownReport(me, importId);
        Inputs in = new Inputs();
        Long count = in.value(confirmDeletions, v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new InvalidValue("confirmDeletions", "削除件数の確認", "削除される件数を数字で指定してください");
            }
        });
        in.check();
        if (held.status() != ImportStatus.HELD) {
            return "redirect:/portal/municipality/imports/" + importId;
        }
        uploads.confirm(importId, held.insurerNo(), count);
        return "redirect:/portal/municipality/imports/" + importId;
    }

    /** The municipality cancels a held 全量 import: nothing changes. */
    @PostMapping("/imports/{importId}/cancel")
    String cancel(HttpServletRequest request, HttpServletResponse response, @PathVariable UUID importId) {
        StaffSession me = signedIn.staff(request, response);
        imports.cancel(importId, ownReport(me, importId).insurerNo());
        return "redirect:/portal/municipality/imports/" + importId;
    }

    @GetMapping("/imports/{importId}/rejections.csv")
    void rejections(HttpServletRequest request, HttpServletResponse response, @PathVariable UUID importId)
            throws IOException {
        ownReport(signedIn.staff(request, response), importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejections-" + importId + ".csv\"");
        imports.writeRejectionsCsv(importId, response.getOutputStream());
    }

    /** Another municipality's import is answered like one that does not exist. */
    private ImportReport ownReport(StaffSession me, UUID importId) {
        return imports.report(importId).filter(r -> r.insurerNo().equals(me.organisation().number()))
                .orElseThrow(PortalAdvice.PageNotFound::new);
    }

    /**
     * The municipality's insured persons as of today, by 被保険者番号, 50 a page: filtered by 氏名カナ or
     * 被保険者番号 (prefix), care level and 認定 ending within 60 days; those who lost the qualification
     * only when asked. Every person listed is audited as a disclosure.
     */
    @GetMapping("/insured")
    String insured(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String nameKana, @RequestParam(required = false) String insuredNo,
            @RequestParam(required = false) String careLevel, @RequestParam(required = false) Boolean expiring,
            @RequestParam(required = false) Boolean includeLost, @RequestParam(defaultValue = "0") int page) {
        StaffSession me = signedIn.staff(request, response);
        InsuredList.Query query = new InsuredList.Query(blankToNull(nameKana), blankToNull(insuredNo),
                blankToNull(careLevel), Boolean.TRUE.equals(expiring) ? OfficeController.EXPIRING_DAYS : null,
                Boolean.TRUE.equals(includeLost), Inputs.today(), Math.max(page, 0));
        InsuredList.Page found = desk.list(me, query);
        model.addAttribute("me", me);
        model.addAttribute("query", query);
        model.addAttribute("rows", found.entries().stream().map(e -> new ListedPerson(
                PersonRefs.refer(request.getSession(), me.organisation().number(), e.insuredNo()), e)).toList());
        model.addAttribute("more", found.more());
        model.addAttribute("careLevels", CareLevel.all());
        model.addAttribute("expiringDays", OfficeController.EXPIRING_DAYS);
        return "portal/municipality/insured";
    }

    /** A listed person with the page reference that stands for them in links. */
    record ListedPerson(String ref, InsuredList.Entry entry) {
    }

    /** One of the municipality's insured: every category (the municipality sees its own insured's records). */
    @GetMapping("/persons/{ref}")
    String person(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        return personSections.show(model, me, "municipality", ref, person,
                desk.personFile(me, person.insurerNo(), person.insuredNo()), List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The 包括同意 the person gave at 認定申請, 更新申請 or 区分変更申請. */
    @PostMapping("/consents")
    String blanketConsent(HttpServletRequest request, HttpServletResponse response, @RequestParam String insuredNo,
            @RequestParam String occasion) {
        StaffSession me = signedIn.staff(request, response);
        desk.registerBlanketConsent(me, insuredNo, occasion);
        return "redirect:/portal/municipality?consentRegistered";
    }

    /**
     * Registering a representative (法定代理人, 成年後見人) at the counter, step one: whose, which kind; the
     * next page shows the challenge the representative's own card answers.
     */
    @PostMapping("/representatives/challenge")
    String representativeChallenge(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam String insuredNo, @RequestParam String kind) {
        StaffSession me = signedIn.staff(request, response);
        if (!REPRESENTATIVE_KINDS.containsKey(kind)) {
            throw new InvalidValue("kind", "代理人の種別", "法定代理人または成年後見人を選んでください");
        }
        var challenge = desk.counterChallenge(me);
        model.addAttribute("me", me);
        model.addAttribute("insuredNo", insuredNo);
        model.addAttribute("kind", kind);
        model.addAttribute("kindLabel", REPRESENTATIVE_KINDS.get(kind));
        model.addAttribute("challengeId", challenge.challengeId());
        model.addAttribute("challenge", Base64.getEncoder().encodeToString(challenge.nonce()));
        return "portal/municipality/representative";
    }

    /** Step two: the representative's card answered at this counter; the registration is made (and audited). */
    @PostMapping("/representatives")
    String registerRepresentative(HttpServletRequest request, HttpServletResponse response,
            @RequestParam String insuredNo, @RequestParam String kind, @RequestParam String challengeId,
            @RequestParam String cardAnswer) {
        StaffSession me = signedIn.staff(request, response);
        Inputs in = new Inputs();
        Inputs.CardAnswer card = CardAnswers.parse(in, challengeId, cardAnswer);
        in.check();
        desk.registerRepresentative(me, insuredNo, kind, card.challengeId(), card.certificate(), card.signature());
        return "redirect:/portal/municipality?representativeRegistered";
    }

    @PostMapping("/emergency-openings/{openingId}/review")
    String review(HttpServletRequest request, HttpServletResponse response, @PathVariable UUID openingId,
            @RequestParam String note) {
        StaffSession me = signedIn.staff(request, response);
        desk.review(me, openingId, note);
        return "redirect:/portal/municipality?reviewed";
    }
}
