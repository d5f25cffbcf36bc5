package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.casework.CareRecordWriting;
import jp.kaigo.life.LifeFileReport;
import jp.kaigo.shared.InvalidValue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** LIFE files from an office (signed-in staff) for the persons it is in charge of; read through /api/records. */
@RestController
class LifeController {
    /** A LIFE CSV of a few thousand assessments is well under this. */
    private static final int MAX_BYTES = 32 << 20;
    private final CareRecordWriting writing;
    private final StaffAccounts staff;

    LifeController(CareRecordWriting writing, StaffAccounts staff) {
        this.writing = writing;
        this.staff = staff;
    }

    @PostMapping("/api/life/files")
    LifeFileReport importFile(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, InputStream body)
            throws IOException {
        var session = StaffController.session(staff, caller, http);
        byte[] file = body.readNBytes(MAX_BYTES + 1);
        if (file.length > MAX_BYTES) {
            throw new InvalidValue("file", "ファイル", "32MB以下のファイルにしてください");
        }
        return writing.importLife(session, file);
    }
}
