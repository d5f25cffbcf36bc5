package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
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
    private final SignedIn signedIn;
    private final FileImports imports;
    private final Consents consents;
    private final AccessDecisions access;
    private final InsuredRegistry registry;
    private final Uploads uploads;

    MunicipalityController(SignedIn signedIn, FileImports imports, Consents consents, AccessDecisions access,
            InsuredRegistry registry, Uploads uploads) {
        this.uploads = uploads;
        this.signedIn = signedIn;
        this.imports = imports;
        this.consents = consents;
        this.access = access;
        this.registry = registry;
    }

    @GetMapping
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("layouts", imports.layouts());
        model.addAttribute("occasions", Consents.OCCASIONS);
        model.addAttribute("openings", access.emergencyOpeningsToReview(me.organisation().number()));
        return "portal/municipality/home";
    }

    /**
     * One file of one record type: CSV (charset detected) or JSON by its name. The file is kept aside and
     * imported in the background; the browser goes straight to the import's page, which shows the rows
     * read so far and then the report (every refused row with its line, field and rule).
     */
    @PostMapping("/files")
    String upload(HttpServletRequest request, HttpServletResponse response, @RequestParam String recordType,
            @RequestParam(required = false) String mode, @RequestParam MultipartFile file) throws IOException {
        StaffSession me = signedIn.staff(request, response);
        if (file.isEmpty()) {
            throw new InvalidValue("file", "ファイル", "ファイルを選んでください(空のファイルは取り込めません)");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        FileFormat format = name.toLowerCase(Locale.ROOT).endsWith(".json") ? FileFormat.JSON : FileFormat.CSV;
        ImportRequest importing = new ImportRequest(me.organisation().number(), recordType, ImportMode.parse(mode),
                format, null, name);
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
        var report = imports.report(importId).filter(r -> r.insurerNo().equals(insurer));
        if (report.isPresent()) {
            model.addAttribute("report", report.get());
            return "portal/municipality/import";
        }
        var failure = uploads.failure(importId, insurer);
        if (failure.isPresent()) {
            model.addAttribute("error", failure.get());
            return "portal/problem";
        }
        var running = imports.progress(importId).filter(p -> p.insurerNo().equals(insurer));
        if (running.isEmpty() && !uploads.waiting(importId, insurer)) {
            throw new PortalAdvice.PageNotFound();
        }
        model.addAttribute("rows", running.map(p -> p.rowsRead().get()).orElse(0L));
        model.addAttribute("refreshSeconds", 1);
        return "portal/municipality/importing";
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

    /** The 包括同意 the person gave at 認定申請, 更新申請 or 区分変更申請. */
    @PostMapping("/consents")
    String blanketConsent(HttpServletRequest request, HttpServletResponse response, @RequestParam String insuredNo,
            @RequestParam String occasion) {
        StaffSession me = signedIn.staff(request, response);
        Inputs in = new Inputs();
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        in.check();
        InsurerNumber insurer = new InsurerNumber(me.organisation().number());
        if (registry.snapshot(insurer, insured, Inputs.today()).isEmpty()) {
            throw new InvalidValue("insuredNo", "被保険者番号", "この保険者の被保険者として登録されていません");
        }
        consents.registerBlanket(insurer.value(), insured.value(), occasion);
        return "redirect:/portal/municipality?consentRegistered";
    }

    @PostMapping("/emergency-openings/{openingId}/review")
    String review(HttpServletRequest request, HttpServletResponse response, @PathVariable UUID openingId,
            @RequestParam String note) {
        StaffSession me = signedIn.staff(request, response);
        access.review(me.organisation().number(), openingId, note);
        return "redirect:/portal/municipality?reviewed";
    }
}
