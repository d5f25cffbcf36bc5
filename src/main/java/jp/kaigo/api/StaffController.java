package jp.kaigo.api;

import jp.kaigo.shared.Qualification;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.audit.Investigation;
import java.time.LocalDate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.IssuedTokens;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff sign-in under the organisation's certificate (national-design.md A5): the first administrator,
 * sign-in with password and one-time code, token refresh and sign-out, and the administrator's staff
 * management. Sign-ins and sign-outs are audited by {@link StaffAccounts}.
 */
@RestController
class StaffController {
    private final StaffAccounts staff;

    StaffController(StaffAccounts staff) {
        this.staff = staff;
    }

    /** A qualification as the administrator attests it: kind (e.g. CARE_MANAGER), registration number, expiry. */
    record QualificationRequest(String qualification, String number, String validUntil) {
    }

    record NewStaff(String loginId, String password, String jobType, List<QualificationRequest> qualifications) {
    }

    record SignIn(String loginId, String password, String oneTimeCode) {
    }

    record Refresh(String refreshToken) {
    }

    @PostMapping("/api/staff/first-admin")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolment firstAdmin(@AuthenticationPrincipal PartyUser caller, @RequestBody NewStaff request) {
        return staff.registerFirstAdmin(caller.party(), request.loginId(), request.password(),
                jobType(caller, request.jobType()));
    }

    @PostMapping("/api/staff/sign-in")
    IssuedTokens signIn(@AuthenticationPrincipal PartyUser caller, @RequestBody SignIn request) {
        return staff.signIn(caller.party(), request.loginId(), request.password(), request.oneTimeCode());
    }

    @PostMapping("/api/staff/refresh")
    IssuedTokens refresh(@AuthenticationPrincipal PartyUser caller, @RequestBody Refresh request) {
        return staff.refresh(caller.party(), request.refreshToken());
    }

    @PostMapping("/api/staff/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        StaffSession session = ownAccount(staff, caller, http);
        staff.signOut(session);
    }

    record Me(String loginId, String jobType, String jobLabel, boolean admin, String organisation) {
    }

    /** Who is signed in (for the UI's header); no personal name is stored at all. */
    @GetMapping("/api/staff/me")
    Me me(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        StaffSession s = ownAccount(staff, caller, http);
        return new Me(s.loginId(), s.jobType().name(), s.jobType().label(), s.admin(), s.organisation().toString());
    }

    @PostMapping("/api/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolment create(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @RequestBody NewStaff request) {
        return staff.createStaff(session(staff, caller, http), request.loginId(), request.password(),
                jobType(caller, request.jobType()), request.qualifications() == null ? List.of()
                        : request.qualifications().stream().map(StaffController::attested).toList());
    }

    @PostMapping("/api/staff/{loginId}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String loginId) {
        staff.disable(session(staff, caller, http), loginId);
    }

    /**
     * The staff session of the request's bearer token, under the caller's certificate; 401 without one. Every API
     * use case takes its session here, so this is where a 介護認定審査会委員 is refused (403): it sees nothing but the
     * 審査会資料 of its own 合議体, in the portal's committee area (certification-online.md §6.4 K1).
     */
    static StaffSession session(StaffAccounts staff, PartyUser caller, HttpServletRequest http) {
        StaffSession session = ownAccount(staff, caller, http);
        if (session.jobType() == JobType.COMMITTEE_MEMBER) {
            throw new Forbidden("認定審査会委員のアカウントでは利用できません(審査会資料はポータルの審査会資料の画面で表示します)");
        }
        return session;
    }

    /** The same session for the account's own endpoints (who am I, sign-out), which every job may use. */
    private static StaffSession ownAccount(StaffAccounts staff, PartyUser caller, HttpServletRequest http) {
        return staff.authenticate(caller.party(), bearer(http))
                .orElseThrow(() -> new SignInRefused("ログインしてください(アクセストークンがないか、期限切れ・無効です)"));
    }

    /** The administrator attests (or renews) a staff member's qualification: number and expiry (audited). */
    @PostMapping("/api/staff/{loginId}/qualifications")
    @ResponseStatus(HttpStatus.CREATED)
    void attest(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String loginId,
            @RequestBody QualificationRequest request) {
        var q = attested(request);
        staff.attest(session(staff, caller, http), loginId, q.qualification(), q.number(), q.validUntil());
    }

    /** The administrator withdraws a staff member's qualification (it no longer counts from the next request). */
    @PostMapping("/api/staff/{loginId}/qualifications/{qualification}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String loginId,
            @PathVariable String qualification) {
        staff.revoke(session(staff, caller, http), loginId, Qualification.parse(qualification).orElseThrow(
                () -> new InvalidValue("qualification", "資格", Choices.oneOf(Qualification.values(), Qualification::name, Qualification::label))));
    }

    /** The organisation's own access log, newest first, for its administrator (who looked at what, by account). */
    @GetMapping("/api/staff/access-log")
    List<Investigation> accessLog(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        return staff.accessLog(session(staff, caller, http));
    }

    private static StaffAccounts.AttestedQualification attested(QualificationRequest r) {
        Inputs in = new Inputs();
        Qualification q = r == null ? null : in.value(r.qualification(), v -> Qualification.parse(v.strip()).orElseThrow(
                () -> new InvalidValue("qualification", "資格", Choices.oneOf(Qualification.values(), Qualification::name, Qualification::label))));
        LocalDate until = r == null ? null : in.date(r.validUntil(), "validUntil", "有効期限", true);
        if (r == null) {
            in.reject("qualifications", "資格", "資格の内容を指定してください");
        }
        in.check();
        return new StaffAccounts.AttestedQualification(q, r.number(), until);
    }

    /**
     * The job named; if none, the choices the caller's kind of organisation has (認定審査会委員: a municipality only).
     * A job named but not offered is refused by {@link StaffAccounts} with its own reason.
     */
    private static JobType jobType(PartyUser caller, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("jobType", "職種", "必須です");
        }
        List<JobType> offered = StaffAccounts.jobTypesOffered(caller.party().kind());
        return JobType.parse(value.strip()).orElseThrow(() -> new InvalidValue("jobType", "職種",
                Choices.oneOf(offered.toArray(JobType[]::new), JobType::name, JobType::label)));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String bearer(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }
}
