package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.casework.CareRecordWriting;
import jp.kaigo.life.LifeFileReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** LIFE files from an office (signed-in staff) for the persons it is in charge of; read through /api/records. */
@RestController
class LifeController {
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
        return writing.importLife(session, body.readAllBytes()); // at most kaigo.api.limits.document-file (BodyLimitFilter)
    }
}
