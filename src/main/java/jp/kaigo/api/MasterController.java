package jp.kaigo.api;

import java.io.IOException;
import java.io.InputStream;
import jp.kaigo.identity.MasterImport;
import jp.kaigo.identity.OfficeMaster;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office and institution master (事業所台帳), sent as files by the operator's system (国保中央会, with its
 * operator certificate: it gathers the MHLW open data and the designations of prefectures and municipalities):
 * request → {@link OfficeMaster} → report, audited. A file with any problem changes nothing and is answered 400
 * with every problem (line, field, reason).
 */
@RestController
class MasterController {
    private final OfficeMaster master;

    MasterController(OfficeMaster master) {
        this.master = master;
    }

    /** One MHLW 介護サービス情報公表 open-data file, named as published ({@code jigyosho_NNN.csv}). */
    @PostMapping("/api/master/publication")
    ResponseEntity<Object> publication(@AuthenticationPrincipal PartyUser caller, @RequestParam String name,
            InputStream body) throws IOException {
        return answer(master.load(caller.party(), OfficeMaster.MasterFile.PUBLICATION, name, read(body)));
    }

    /** Designations with their periods (事業所番号, サービス種類コード, 指定年月日, 満了日, 指定権者). */
    @PostMapping("/api/master/designations")
    ResponseEntity<Object> designations(@AuthenticationPrincipal PartyUser caller, InputStream body)
            throws IOException {
        return answer(master.load(caller.party(), OfficeMaster.MasterFile.DESIGNATIONS, null, read(body)));
    }

    /** Medical institutions and their みなし指定 care services. */
    @PostMapping("/api/master/medical-institutions")
    ResponseEntity<Object> institutions(@AuthenticationPrincipal PartyUser caller, InputStream body)
            throws IOException {
        return answer(master.load(caller.party(), OfficeMaster.MasterFile.INSTITUTIONS, null, read(body)));
    }

    private static byte[] read(InputStream body) throws IOException {
        return body.readAllBytes(); // at most kaigo.api.limits.document-file (BodyLimitFilter)
    }

    /**
     * The report; a refused file is a problem+json 400 with every problem in {@code errors} (line, field, label,
     * reason) and, for callers that read the report, its counts and {@code problems} as well.
     */
    private static ResponseEntity<Object> answer(MasterImport report) {
        if (!report.refused()) {
            return ResponseEntity.ok(report);
        }
        var first = report.problems().get(0);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemType.FILE_REJECTED,
                "ファイルを取り込めませんでした(何も変更していません)", first.line() + "行目: " + first.label() + ": " + first.reason());
        problem.setProperty("errors", report.problems());
        problem.setProperty("problems", report.problems());
        problem.setProperty("rows", report.rows());
        problem.setProperty("upserted", report.upserted());
        problem.setProperty("designationsWritten", report.designationsWritten());
        problem.setProperty("designationsRemoved", report.designationsRemoved());
        return Problems.answer(problem);
    }
}
