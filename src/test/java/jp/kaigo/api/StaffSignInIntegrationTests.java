package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Staff sign-in with password and one-time code under the office certificate, tokens, lock-out, administration. */
class StaffSignInIntegrationTests extends MunicipalityApiTests {
    private static final AtomicInteger NEXT_OFFICE = new AtomicInteger(10);
    private static final String PASSWORD = STAFF_PASSWORD;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    String officeNo;
    ApiClient terminal;
    byte[] adminSecret;

    @BeforeEach
    void newOfficeWithAdmin() {
        officeNo = OfficeNumber.withCheckDigit("4770" + String.format("%05d", NEXT_OFFICE.getAndIncrement())).value();
        terminal = client(Party.office(officeNo));
        ApiClient.Response enrolled = terminal.post("/api/staff/first-admin",
                "{\"loginId\":\"admin\",\"password\":\"" + PASSWORD + "\",\"jobType\":\"CLERK\"}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(enrolled.json().get("otpauthUri").asString()).startsWith("otpauth://totp/");
        adminSecret = Base32.decode(enrolled.json().get("totpSecret").asString());
    }

    @Test
    void anAdministratorEnrolsStaffWhoSignInWithPasswordAndOneTimeCode() {
        assertThat(terminal.post("/api/staff/first-admin",
                "{\"loginId\":\"second\",\"password\":\"" + PASSWORD + "\",\"jobType\":\"CLERK\"}").status()).isEqualTo(400);
        ApiClient admin = terminal.withToken(signIn("admin", PASSWORD, adminSecret, 0).get("accessToken").asString());
        ApiClient.Response badNumber = admin.post("/api/staff", "{\"loginId\":\"cm.tanaka\",\"password\":\"" + PASSWORD
                + "\",\"jobType\":\"介護支援専門員\",\"qualifications\":[{\"qualification\":\"介護支援専門員\","
                + "\"number\":\"4700\",\"validUntil\":\"" + java.time.LocalDate.now().plusYears(4) + "\"}]}");
        assertThat(badNumber.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
        ApiClient.Response created = admin.post("/api/staff", "{\"loginId\":\"cm.tanaka\",\"password\":\"" + PASSWORD
                + "\",\"jobType\":\"介護支援専門員\",\"qualifications\":[{\"qualification\":\"介護支援専門員\","
                + "\"number\":\"47000001\",\"validUntil\":\"" + java.time.LocalDate.now().plusYears(4) + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        byte[] secret = Base32.decode(created.json().get("totpSecret").asString());

        JsonNode tokens = signIn("cm.tanaka", PASSWORD, secret, 0);
        assertThat(tokens.get("expiresInSeconds").asLong()).isEqualTo(3600);
        assertThat(tokens.get("refreshExpiresInSeconds").asLong()).isEqualTo(8 * 3600);
        ApiClient careManager = terminal.withToken(tokens.get("accessToken").asString());
        JsonNode me = careManager.get("/api/staff/me").json();
        assertThat(me.get("jobType").asString()).isEqualTo("CARE_MANAGER");
        assertThat(me.get("admin").asBoolean()).isFalse();
        assertThat(careManager.post("/api/staff", "{\"loginId\":\"x.y\",\"password\":\"" + PASSWORD
                + "\",\"jobType\":\"CLERK\"}").status()).isEqualTo(403);

        ApiClient.Response refreshed = terminal.post("/api/staff/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(careManager.get("/api/staff/me").status()).as("the old access token is replaced").isEqualTo(401);
        assertThat(terminal.post("/api/staff/refresh", "{\"refreshToken\":\"" + tokens.get("refreshToken").asString()
                + "\"}").status()).as("a refresh token is used once").isEqualTo(401);

        ApiClient renewed = terminal.withToken(refreshed.json().get("accessToken").asString());
        assertThat(renewed.post("/api/staff/sign-out", "").status()).isEqualTo(204);
        assertThat(renewed.get("/api/staff/me").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from audit.entries where event = 'sign-in' and actor_number = ?",
                Integer.class, officeNo)).isEqualTo(2);
    }

    @Test
    void wrongFactorsAreRefusedAlikeAndFiveFailuresLockTheAccount() {
        String right = Totp.code(adminSecret, Totp.step(Instant.now()));
        ApiClient.Response wrongPassword = signInResponse("admin", "wrong password!!", right);
        ApiClient.Response wrongCode = signInResponse("admin", PASSWORD, right.equals("000000") ? "111111" : "000000");
        ApiClient.Response unknown = signInResponse("nobody", PASSWORD, right);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongCode.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
        assertThat(unknown.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
        assertThat(wrongPassword.body()).doesNotContain(PASSWORD).doesNotContain("wrong password");
        for (int i = 0; i < 3; i++) {
            signInResponse("admin", "wrong password!!", right);
        }
        ApiClient.Response locked = signInResponse("admin", PASSWORD, right);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("ロック");
    }

    @Test
    void aOneTimeCodeWorksOnce() {
        String code = Totp.code(adminSecret, Totp.step(Instant.now()));
        assertThat(signInResponse("admin", PASSWORD, code).status()).isEqualTo(200);
        assertThat(signInResponse("admin", PASSWORD, code).status()).isEqualTo(401);
    }

    @Test
    void disabledAccountsExpiredTokensAndTokensUnderAnotherCertificateAreRefused() throws Exception {
        ApiClient admin = terminal.withToken(signIn("admin", PASSWORD, adminSecret, 0).get("accessToken").asString());
        byte[] secret = Base32.decode(admin.post("/api/staff", "{\"loginId\":\"helper1\",\"password\":\"" + PASSWORD
                + "\",\"jobType\":\"HOME_HELPER\"}").json().get("totpSecret").asString());
        String token = signIn("helper1", PASSWORD, secret, 0).get("accessToken").asString();
        ApiClient helper = terminal.withToken(token);
        assertThat(helper.get("/api/staff/me").status()).isEqualTo(200);
        assertThat(client(Party.office(OFFICE)).withToken(token).get("/api/staff/me").status())
                .as("the token of one office under another office's certificate").isEqualTo(401);

        assertThat(admin.post("/api/staff/helper1/disable", "").status()).isEqualTo(204);
        assertThat(helper.get("/api/staff/me").status()).isEqualTo(401);
        assertThat(signInResponse("helper1", PASSWORD, Totp.code(secret, Totp.step(Instant.now()) + 1)).status())
                .isEqualTo(401);

        String fresh = signIn("admin", PASSWORD, adminSecret, 1).get("accessToken").asString();
        try (Connection owner = dataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("reset role");
            try {
                sql.execute("update identity.tokens set expires_at = now() - interval '1 second' where kind = 'access'");
            } finally {
                sql.execute("set role kaigo_app");
            }
        }
        assertThat(terminal.withToken(fresh).get("/api/staff/me").status()).as("an expired access token").isEqualTo(401);
    }

    private JsonNode signIn(String loginId, String password, byte[] secret, int stepOffset) {
        ApiClient.Response response = signInResponse(loginId, password,
                Totp.code(secret, Totp.step(Instant.now()) + stepOffset));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response signInResponse(String loginId, String password, String code) {
        return terminal.post("/api/staff/sign-in", "{\"loginId\":\"" + loginId + "\",\"password\":\"" + password
                + "\",\"oneTimeCode\":\"" + code + "\"}");
    }
}
