package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's protections at the HTTP level: strict headers, CSRF tokens, sign-in required, and a staff
 * session that ends when the request comes with another organisation's certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalSecurityTests {
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;

    @Test
    void pagesCarryStrictHeadersAndFormsNeedTheirCsrfToken() throws Exception {
        PortalTerminal anonymous = new PortalTerminal(port, IssuedCredential.anonymous(pki.caCertificate()));
        HttpResponse<String> landing = anonymous.get("/portal");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.headers().firstValue("Content-Security-Policy")).hasValue(PortalSecurity.CSP);
        assertThat(landing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(landing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(landing.headers().firstValue("Permissions-Policy")).hasValue(PortalSecurity.PERMISSIONS);
        assertThat(landing.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(landing.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");

        // a form sent without the page's token is refused and signs nobody in
        assertThat(anonymous.post("/portal/sign-in/staff", "loginId=x&password=y&oneTimeCode=000000").statusCode())
                .isEqualTo(403);
        // pages behind sign-in send the browser to the start page
        HttpResponse<String> office = anonymous.get("/portal/office");
        assertThat(office.statusCode()).isEqualTo(302);
        assertThat(office.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        assertThat(anonymous.get("/portal/me").statusCode()).isEqualTo(302);
    }

    @Test
    void japaneseFirstWithAnEnglishSwitchKeptForTheSession() throws Exception {
        PortalTerminal browser = new PortalTerminal(port, IssuedCredential.anonymous(pki.caCertificate()));
        assertThat(browser.get("/portal").body()).contains("職員ログイン").contains("lang=\"ja\"");
        assertThat(browser.get("/portal?lang=en").body()).contains("Staff sign-in").contains("lang=\"en\"");
        assertThat(browser.get("/portal/sign-in/card").body()).contains("Sign in with My Number card");
        assertThat(browser.get("/portal?lang=ja").body()).contains("職員ログイン");
    }

    @Test
    void aStaffSessionEndsWhenTheCertificateChangesAndAfterSignOut() throws Exception {
        PortalTerminal terminal = signedIn(Party.office(OfficeNumber.withCheckDigit("477300001").value()));
        assertThat(terminal.get("/portal/office").statusCode()).isEqualTo(200);
        // a hand-made form without the birth date is answered 400 with a page, not a failure
        HttpResponse<String> incomplete = terminal.post("/portal/office/eligibility", "_csrf="
                + PortalTerminal.enc(terminal.csrf("/portal/office")) + "&insurerNo=131011&insuredNo=0000000001");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("形式が正しくありません");
        // a wrong value comes back on the start page with the typed values kept and the menu whole
        HttpResponse<String> wrong = terminal.post("/portal/office/eligibility", "_csrf="
                + PortalTerminal.enc(terminal.csrf("/portal/office")) + "&insurerNo=131011&insuredNo=12&birthDate="
                + PortalTerminal.enc("昭和１２年８月７日"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("被保険者番号").contains("value=\"12\"").doesNotContain("null");

        // the same session cookie from a browser presenting another office's certificate is worthless
        Party other = Party.office(OfficeNumber.withCheckDigit("477300002").value());
        PortalTerminal thief = new PortalTerminal(port, pki.issue(other, "他の端末", Duration.ofHours(1)).sslContext(pki.caCertificate()),
                terminal.cookies);
        HttpResponse<String> stolen = thief.get("/portal/office");
        assertThat(stolen.statusCode()).isEqualTo(302);
        assertThat(stolen.headers().firstValue("Location").orElseThrow()).contains("/portal?expired");
        assertThat(terminal.get("/portal/office").statusCode()).isEqualTo(302);
    }

    /** A page that does not exist is a Japanese page in the portal layout with the area's menu, not a bare error. */
    @Test
    void anUnknownPageAnswersAJapanesePageWithTheMenu() throws Exception {
        PortalTerminal terminal = signedIn(Party.office(OfficeNumber.withCheckDigit("477300004").value()));
        HttpResponse<String> missing = terminal.get("/portal/office/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.body()).contains("ページを表示できませんでした").contains("ページが見つかりません")
                .contains("href=\"/portal/office/persons\"").contains("ログアウト")
                .doesNotContain("Whitelabel").doesNotContain("\"status\"");
        // another area's page: refused, with the public header (this session has no menu there)
        HttpResponse<String> elsewhere = terminal.get("/portal/municipality/insured");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("このページを表示する権限がありません")
                .doesNotContain("href=\"/portal/municipality/insured\"");
        assertThat(terminal.get("/portal/office/no-such-page?lang=en").body()).contains("Page not found");
    }

    @Test
    void signOutEndsThePortalSession() throws Exception {
        PortalTerminal terminal = signedIn(Party.office(OfficeNumber.withCheckDigit("477300003").value()));
        String token = terminal.csrf("/portal/office");
        assertThat(terminal.post("/portal/sign-out", "_csrf=" + PortalTerminal.enc(token)).headers().firstValue("Location")
                .orElseThrow()).endsWith("/portal?signedOut");
        assertThat(terminal.get("/portal/office").statusCode()).isEqualTo(302);
    }

    /** A terminal with the office's certificate, its new administrator signed in through the form. */
    private PortalTerminal signedIn(Party office) throws IOException, InterruptedException {
        Enrolment enrolment = staff.registerFirstAdmin(office, "portal.admin", "correct horse battery", JobType.CLERK);
        PortalTerminal terminal = new PortalTerminal(port, pki.issue(office, "端末", Duration.ofHours(1)).sslContext(pki.caCertificate()));
        HttpResponse<String> signedIn = terminal.post("/portal/sign-in/staff", "_csrf="
                + PortalTerminal.enc(terminal.csrf("/portal/sign-in/staff")) + "&loginId=portal.admin&password="
                + PortalTerminal.enc("correct horse battery") + "&oneTimeCode="
                + Totp.code(Base32.decode(enrolment.totpSecret()), Totp.step(Instant.now())));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal/office");
        return terminal;
    }

}
