package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.IssuedTokens;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.Totp;
import jp.kaigo.portal.PortalTerminal;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 介護認定審査会委員 sees nothing but the 審査会資料 of its own 合議体 (docs/design/certification-online.md §6.4 K1):
 * the portal refuses it every console page and the API every staff endpoint, while the same municipality's clerk
 * keeps them; only a municipality is offered the job, and no consent form offers the 審査会資料.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitteeMemberConsoleIntegrationTests {
    private static final String PASSWORD = "correct horse battery";
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;
    /** Each organisation's first administrator, for signing in again on the API. */
    private final Map<Party, Enrolment> adminEnrolments = new HashMap<>();

    /** K1: "any console page but /portal/committee/**" — the member is refused, the clerk is not. */
    @Test
    void aCommitteeMemberGetsNoConsolePageWhileTheClerkDoes() {
        Party municipality = municipality();
        StaffSession admin = admin(municipality, JobType.MUNICIPAL_OFFICER);
        Enrolment member = staff.createStaff(admin, "member.portal", PASSWORD, JobType.COMMITTEE_MEMBER, List.of());
        Enrolment clerk = staff.createStaff(admin, "clerk.portal", PASSWORD, JobType.CLERK, List.of());

        PortalTerminal memberTerminal = new PortalTerminal(port, pki.issue(municipality, "委員の端末", Duration.ofHours(1))
                .sslContext(pki.caCertificate()));
        HttpResponse<String> signedIn = memberTerminal.form("/portal/sign-in/staff", "/portal/sign-in/staff",
                "loginId=member.portal&password=" + PortalTerminal.enc(PASSWORD) + "&oneTimeCode=" + code(member));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as("the member lands in its committee area")
                .endsWith("/portal/committee");
        for (String page : List.of("/portal/municipality", "/portal/municipality/insured", "/portal/office",
                "/portal/office/staff", "/portal/me")) {
            HttpResponse<String> refused = memberTerminal.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).as(page).contains("認定審査会委員のアカウントでは")
                    .doesNotContain("href=\"/portal/municipality/insured\"");
        }
        HttpResponse<String> committee = memberTerminal.get("/portal/committee");
        assertThat(committee.statusCode()).isEqualTo(200);
        assertThat(committee.body()).contains("審査会資料は、市町村が公開するとここに表示されます").contains("ログアウト");
        // sign-out stays open to the member
        assertThat(memberTerminal.form("/portal/committee", "/portal/sign-out", "x=1").headers().firstValue("Location")
                .orElseThrow()).endsWith("/portal?signedOut");
        assertThat(memberTerminal.get("/portal/committee").statusCode()).isEqualTo(302);

        PortalTerminal clerkTerminal = PortalTerminal.signedIn(pki, port, municipality, "clerk.portal", PASSWORD,
                Base32.decode(clerk.totpSecret()));
        assertThat(clerkTerminal.get("/portal/municipality").statusCode()).isEqualTo(200);
        assertThat(clerkTerminal.get("/portal/municipality/insured").statusCode()).isEqualTo(200);
        assertThat(clerkTerminal.get("/portal/committee").statusCode()).as("the committee area is the member's only")
                .isEqualTo(403);
    }

    /** The same rule for the API with the staff token: 403 problem+json, own-account endpoints still answered. */
    @Test
    void aCommitteeMemberGetsNoStaffEndpointWhileTheClerkDoes() {
        Party municipality = municipality();
        StaffSession admin = admin(municipality, JobType.MUNICIPAL_OFFICER);
        Enrolment member = staff.createStaff(admin, "member.api", PASSWORD, JobType.COMMITTEE_MEMBER, List.of());
        Enrolment clerk = staff.createStaff(admin, "clerk.api", PASSWORD, JobType.CLERK, List.of());
        String openings = "/api/municipalities/" + municipality.number() + "/emergency-openings";

        ApiClient memberApi = signedIn(municipality, member);
        ApiClient.Response refused = memberApi.get(openings);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("認定審査会委員のアカウントでは利用できません");
        assertThat(memberApi.post("/api/insured/history", "{\"insurerNo\":\"" + municipality.number()
                + "\",\"insuredNo\":\"0000000001\"}").status()).isEqualTo(403);
        ApiClient.Response me = memberApi.get("/api/staff/me");
        assertThat(me.status()).as("who am I is the member's own account").isEqualTo(200);
        assertThat(me.json().get("jobType").asString()).isEqualTo("COMMITTEE_MEMBER");
        assertThat(memberApi.post("/api/staff/sign-out", "{}").status()).isEqualTo(204);

        ApiClient clerkApi = signedIn(municipality, clerk);
        ApiClient.Response answered = clerkApi.get(openings);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    /** Only a municipality's administrator is offered 認定審査会委員; no consent form offers 介護認定審査会資料. */
    @Test
    void theOfficeIsNotOfferedTheCommitteeJobNorTheCommitteePacketForConsent() {
        Party office = Party.office(OfficeNumber.withCheckDigit("4760" + String.format("%05d", System.nanoTime() % 100_000))
                .value());
        Enrolment admin = staff.registerFirstAdmin(office, "office.admin", PASSWORD, JobType.CLERK);
        PortalTerminal terminal = PortalTerminal.signedIn(pki, port, office, "office.admin", PASSWORD,
                Base32.decode(admin.totpSecret()));
        String staffPage = terminal.get("/portal/office/staff").body();
        assertThat(staffPage).contains("value=\"CARE_MANAGER\"").contains("value=\"CLERK\"")
                .doesNotContain("COMMITTEE_MEMBER").doesNotContain("認定審査会委員");
        HttpResponse<String> created = terminal.form("/portal/office/staff", "/portal/office/staff",
                "loginId=member.office&password=" + PortalTerminal.enc(PASSWORD) + "&jobType=COMMITTEE_MEMBER");
        assertThat(created.statusCode()).as("a hand-made form").isEqualTo(400);
        assertThat(created.body()).contains("認定審査会委員のアカウントは保険者(市町村)だけが作成できます");

        String consentPage = terminal.get("/portal/office/consent").body();
        assertThat(consentPage).contains("value=\"care-survey\"").contains("value=\"doctor-opinion\"")
                .doesNotContain("committee-packet").doesNotContain("介護認定審査会資料");
        HttpResponse<String> asked = terminal.form("/portal/office/consent", "/portal/office/consent/statement",
                "category=committee-packet&decision=give");
        assertThat(asked.statusCode()).isEqualTo(400);
        assertThat(asked.body()).contains("介護認定審査会資料は同意の対象ではありません");

        // the API: the office's choices leave the job out; the municipality's administrator creates the member
        ApiClient officeApi = signedIn(office, admin);
        ApiClient.Response unknown = officeApi.post("/api/staff", "{\"loginId\":\"someone\",\"password\":\"" + PASSWORD
                + "\",\"jobType\":\"NO_SUCH_JOB\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("CARE_MANAGER").doesNotContain("COMMITTEE_MEMBER");
        Party municipality = municipality();
        admin(municipality, JobType.MUNICIPAL_OFFICER);
        ApiClient.Response byAdmin = adminApi(municipality).post("/api/staff", "{\"loginId\":\"member.new\","
                + "\"password\":\"" + PASSWORD + "\",\"jobType\":\"COMMITTEE_MEMBER\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
    }

    private static Party municipality() {
        return Party.municipality(InsurerNumber.withCheckDigit("42" + String.format("%03d", System.nanoTime() % 1000))
                .value());
    }

    private StaffSession admin(Party organisation, JobType job) {
        adminEnrolments.put(organisation, staff.registerFirstAdmin(organisation, "admin", PASSWORD, job));
        IssuedTokens tokens = signIn(organisation, adminEnrolments.get(organisation));
        return staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
    }

    /** The municipality's administrator on the API (its own code step after the one {@link #admin} used). */
    private ApiClient adminApi(Party organisation) {
        return signedIn(organisation, adminEnrolments.get(organisation));
    }

    /** A terminal of the organisation on the API, the account signed in (its current one-time code). */
    private ApiClient signedIn(Party organisation, Enrolment account) {
        return ApiClient.of(pki, port, organisation).withToken(signIn(organisation, account).accessToken());
    }

    /** Signs in with the first one-time code not used yet (a code is good once per account). */
    private IssuedTokens signIn(Party organisation, Enrolment account) {
        byte[] secret = Base32.decode(account.totpSecret());
        long step = Totp.step(Instant.now());
        for (long s = step - 1; ; s++) {
            try {
                return staff.signIn(organisation, account.loginId(), PASSWORD, Totp.code(secret, s));
            } catch (SignInRefused e) {
                if (s > step + 1) {
                    throw e;
                }
            }
        }
    }

    private static String code(Enrolment account) {
        return Totp.code(Base32.decode(account.totpSecret()), Totp.step(Instant.now()));
    }
}
