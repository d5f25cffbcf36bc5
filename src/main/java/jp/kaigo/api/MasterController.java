package jp.kaigo.api;

import java.io.IOException;
import java.io.InputStream;
import jp.kaigo.identity.MasterImport;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.shared.InvalidValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office and institution master (事業所台帳), sent as files by a designating authority's system with its
 * certificate (a municipality designates 地域密着型 services and 介護予防支援; the operator loads the MHLW open
 * data and the prefectures' designations the same way): request → {@link OfficeMaster} → report. A file with
 * any problem changes nothing and is answered 400 with every problem (line, field, reason).
 */
@RestController
class MasterController {
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private final OfficeMaster master;

    MasterController(OfficeMaster master) {
        this.master = master;
    }

    /** One MHLW 介護サービス情報公表 open-data file, named as published ({@code jigyosho_NNN.csv}). */
    @PostMapping("/api/master/publication")
    ResponseEntity<MasterImport> publication(@RequestParam String name, InputStream body) throws IOException {
        return answer(master.importPublication(name, read(body)));
    }

    /** Designations with their periods (事業所番号, サービス種類コード, 指定年月日, 満了日, 指定権者). */
    @PostMapping("/api/master/designations")
    ResponseEntity<MasterImport> designations(InputStream body) throws IOException {
        return answer(master.importDesignations(read(body)));
    }

    /** Medical institutions and their みなし指定 care services. */
    @PostMapping("/api/master/medical-institutions")
    ResponseEntity<MasterImport> institutions(InputStream body) throws IOException {
        return answer(master.importMedicalInstitutions(read(body)));
    }

    private static byte[] read(InputStream body) throws IOException {
        byte[] file = body.readNBytes(MAX_BYTES + 1);
        if (file.length > MAX_BYTES) {
            throw new InvalidValue("file", "ファイル", "64MB以下のファイルにしてください");
        }
        return file;
    }

    private static ResponseEntity<MasterImport> answer(MasterImport report) {
        return ResponseEntity.status(report.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(report);
    }
}
