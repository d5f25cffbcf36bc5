package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.ImportStatus;
import jp.kaigo.shared.InvalidValue;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality file interface: one upload per file (the request body is the file, streamed), the
 * import report, the full rejection list as CSV, and the layouts.
 */
@RestController
class MunicipalityFilesController {
    private final FileImports imports;
    private final InsuredRegistry registry;

    MunicipalityFilesController(FileImports imports, InsuredRegistry registry) {
        this.imports = imports;
        this.registry = registry;
    }

    record InsurerRequest(String name) {
    }

    @PutMapping("/api/insurers/{insurerNo}")
    Map<String, String> registerInsurer(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo,
            @RequestBody InsurerRequest request) {
        caller.requireMunicipality(insurerNo);
        InsurerNumber insurer = new InsurerNumber(insurerNo);
        registry.registerInsurer(insurer, request.name());
        return Map.of("insurerNo", insurer.value(), "name", request.name().strip());
    }

    @PostMapping("/api/municipalities/{insurerNo}/files/{recordType}")
    ResponseEntity<?> upload(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo, @PathVariable String recordType,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String format,
            @RequestParam(required = false) String charset, @RequestParam(required = false) String name,
            @RequestParam(required = false) String omit, HttpServletRequest http) throws IOException {
        caller.requireMunicipality(insurerNo);
        MediaType type = http.getContentType() == null ? null : MediaType.parseMediaType(http.getContentType());
        FileFormat fileFormat = format != null ? FileFormat.parse(format)
                : type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON) ? FileFormat.JSON : FileFormat.CSV;
        String declared = charset != null ? charset
                : type != null && type.getCharset() != null ? type.getCharset().name() : null;
        var request = new ImportRequest(insurerNo, recordType, ImportMode.parse(mode), fileFormat, declared, name,
                ImportRequest.omittedColumns(omit));
        return answer(imports.importFile(request, http.getInputStream()));
    }

    /**
     * Confirms a held 全量 import with the number of records it deletes: merged only if that is what it deletes now,
     * else 409 again with the new number.
     */
    @PostMapping("/api/imports/{importId}/confirm")
    ResponseEntity<?> confirm(@AuthenticationPrincipal PartyUser caller, @PathVariable UUID importId,
            @RequestParam(required = false) String confirmDeletions) {
        ImportReport held = ownReport(caller, importId);
        long count;
        try {
            count = Long.parseLong(confirmDeletions == null ? "" : confirmDeletions.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue("confirmDeletions", "削除件数の確認", "削除される件数を数字で指定してください");
        }
        return answer(imports.confirm(importId, held.insurerNo(), count));
    }

    /** Cancels a held 全量 import: nothing changes, the kept file is removed. */
    @PostMapping("/api/imports/{importId}/cancel")
    ImportReport cancel(@AuthenticationPrincipal PartyUser caller, @PathVariable UUID importId) {
        return imports.cancel(importId, ownReport(caller, importId).insurerNo());
    }

    /** The report, or for a held 全量 import 409 problem+json: how many it would delete, and how to confirm or cancel. */
    private ResponseEntity<?> answer(ImportReport report) {
        if (report.status() != ImportStatus.HELD) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "この全量ファイルを取り込むと、"
                + report.wouldDelete() + " 件の" + imports.label(report.recordType()) + "の記録が削除されます。"
                + "まだ何も変更していません。取り込むには、削除される件数を添えて確認してください(" + FileImports.HOLD_HOURS
                + "時間以内)。");
        problem.setTitle("全量ファイルの取込には削除の確認が必要です");
        problem.setType(ProblemType.CONFIRM_DELETIONS.uri());
        problem.setProperty("importId", report.importId());
        problem.setProperty("importStatus", report.status());
        problem.setProperty("recordType", report.recordType());
        problem.setProperty("wouldDelete", report.wouldDelete());
        problem.setProperty("expiresAt", report.expiresAt());
        problem.setProperty("confirmUrl", "/api/imports/" + report.importId() + "/confirm?confirmDeletions="
                + report.wouldDelete());
        problem.setProperty("cancelUrl", "/api/imports/" + report.importId() + "/cancel");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/api/imports/{importId}")
    ResponseEntity<?> report(@AuthenticationPrincipal PartyUser caller, @PathVariable UUID importId) {
        var running = imports.progress(importId).filter(p -> caller.isMunicipality(p.insurerNo()));
        if (running.isPresent()) {
            return ResponseEntity.ok(Map.of("importId", importId, "status", ImportStatus.RUNNING, "rows",
                    running.get().rowsRead().get()));
        }
        return ResponseEntity.ok(ownReport(caller, importId));
    }

    /** Another municipality's import answers like one that does not exist. */
    private ImportReport ownReport(PartyUser caller, UUID importId) {
        return imports.report(importId).filter(r -> caller.isMunicipality(r.insurerNo()))
                .orElseThrow(() -> new NotFound("取込が見つかりません"));
    }

    /** All rejections of an import as CSV (UTF-8 with BOM, so that spreadsheet software reads it). */
    @GetMapping("/api/imports/{importId}/rejections")
    void rejections(@AuthenticationPrincipal PartyUser caller, @PathVariable UUID importId,
            HttpServletResponse response) throws IOException {
        ownReport(caller, importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejections-" + importId + ".csv\"");
        imports.writeRejectionsCsv(importId, response.getOutputStream());
    }

    @GetMapping("/api/layouts")
    List<RecordLayoutView> layouts() {
        return imports.layouts().stream().map(RecordLayoutView::of).toList();
    }

    record FieldView(String key, String label, boolean required, String rule, Map<String, String> codes) {
    }

    record RecordLayoutView(String recordType, String label, List<FieldView> fields) {
        static RecordLayoutView of(RecordLayout layout) {
            return new RecordLayoutView(layout.recordType(), layout.label(), layout.allFields().stream()
                    .map(f -> new FieldView(f.key(), f.label(), f.required(), f.rule(),
                            f.codes().isEmpty() ? null : new TreeMap<>(f.codes())))
                    .toList());
        }
    }
}
