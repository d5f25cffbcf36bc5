package jp.kaigo.api;

import java.time.Instant;
import java.util.Base64;
import jp.kaigo.identity.SimulatedCard;
import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.Totp;
import org.bouncycastle.util.encoders.Base32;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform on a random port, with a fresh registered municipality for each test (its client
 * presents that municipality's certificate) and a fresh care office whose administrator is signed in
 * (the office's client sends the access token) for 資格確認.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MunicipalityApiTests {
    static final String OFFICE = OfficeNumber.withCheckDigit("477010000").value();
    static final String STAFF_PASSWORD = "correct horse battery";
    /** Today in Japan, and a contract start ten days ago (a start date may lie at most a month back). */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static final String RECENT_START = TODAY.minusDays(10).toString();
    private static final AtomicInteger NEXT_OFFICE = new AtomicInteger();
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    OfficeMaster master;
    ApiClient api;
    /** A care office's terminal with a signed-in staff member (its administrator, job type 事務). */
    ApiClient office;
    /** The same terminal without a staff token. */
    ApiClient officeTerminal;
    String officeNo;
    String insurer;

    @BeforeEach
    void setUpMunicipality() {
        insurer = MunicipalityFiles.newInsurerNumber();
        api = municipality(insurer);
        MunicipalityFiles.register(api, insurer);
        officeNo = newOfficeNumber();
        designate(officeNo);
        officeTerminal = client(Party.office(officeNo));
        office = signedIn(officeTerminal, "admin", enrolFirstAdmin(officeTerminal, "admin"));
    }

    static String newOfficeNumber() {
        return OfficeNumber.withCheckDigit("4771" + String.format("%05d", NEXT_OFFICE.getAndIncrement())).value();
    }

    /** Another office's terminal, its administrator signed in. */
    ApiClient newSignedInOffice() {
        String number = newOfficeNumber();
        designate(number);
        ApiClient terminal = client(Party.office(number));
        return signedIn(terminal, "admin", enrolFirstAdmin(terminal, "admin"));
    }

    /** The office in the office master, designated for the services the tests register (a year back to a year ahead). */
    void designate(String number) {
        StringBuilder file = new StringBuilder("事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n");
        for (String type : List.of("43", "46", "11", "13", "15")) {
            file.append(String.join(",", number, type, TODAY.minusYears(1).toString(), TODAY.plusYears(1).toString(),
                    "沖縄県")).append('\n');
        }
        var report = master.importDesignations(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (report.refused()) {
            throw new IllegalStateException(report.problems().toString());
        }
    }

    /**
     * At the office terminal (a signed-in staff member): 資格確認 of the person born on {@code birthDate},
     * then registration as their 担当事業所 for the service type; returns the relationship's ID.
     */
    String registerInCharge(ApiClient terminal, String insuredNo, String birthDate, String serviceType, String startDate) {
        String confirmation = terminal.post("/api/eligibility", "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\""
                + insuredNo + "\",\"birthDate\":\"" + birthDate + "\"}").json().get("confirmation").asString();
        ApiClient.Response registered = terminal.post("/api/relationships", "{\"confirmation\":\"" + confirmation
                + "\",\"serviceType\":\"" + serviceType + "\",\"startDate\":\"" + startDate + "\"}");
        if (registered.status() != 201) {
            throw new IllegalStateException(registered.body());
        }
        return registered.json().get("relationshipId").asString();
    }

    /**
     * A new staff member of the organisation, created by its signed-in administrator, signed in; a 介護支援専門員
     * with their registration attested (in force for four more years).
     */
    static ApiClient staffOf(ApiClient admin, String loginId, String jobType) {
        String qualifications = jobType.equals("CARE_MANAGER") ? ",\"qualifications\":[{\"qualification\":\"CARE_MANAGER\","
                + "\"number\":\"47000001\",\"validUntil\":\"" + TODAY.plusYears(4) + "\"}]" : "";
        ApiClient.Response created = admin.post("/api/staff", "{\"loginId\":\"" + loginId + "\",\"password\":\""
                + STAFF_PASSWORD + "\",\"jobType\":\"" + jobType + "\"" + qualifications + "}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return signedIn(admin.withToken(null), loginId, Base32.decode(created.json().get("totpSecret").asString()));
    }

    /** Registers the office's first administrator; returns the one-time-code secret. */
    static byte[] enrolFirstAdmin(ApiClient terminal, String loginId) {
        ApiClient.Response enrolled = terminal.post("/api/staff/first-admin", "{\"loginId\":\"" + loginId
                + "\",\"password\":\"" + STAFF_PASSWORD + "\",\"jobType\":\"CLERK\"}");
        if (enrolled.status() != 201) {
            throw new IllegalStateException(enrolled.body());
        }
        return Base32.decode(enrolled.json().get("totpSecret").asString());
    }

    /** The terminal with the staff member signed in (password and the current one-time code). */
    static ApiClient signedIn(ApiClient terminal, String loginId, byte[] secret) {
        ApiClient.Response tokens = terminal.post("/api/staff/sign-in", "{\"loginId\":\"" + loginId
                + "\",\"password\":\"" + STAFF_PASSWORD + "\",\"oneTimeCode\":\""
                + Totp.code(secret, Totp.step(Instant.now())) + "\"}");
        if (tokens.status() != 200) {
            throw new IllegalStateException(tokens.body());
        }
        return terminal.withToken(tokens.json().get("accessToken").asString());
    }

    private ApiClient clerk;

    /**
     * A signed-in staff member of the test's municipality (its first administrator): reads of personal data,
     * card links and the 包括同意 need one; the certificate alone only sends files.
     */
    ApiClient clerk() {
        if (clerk == null) {
            clerk = signedIn(api, "clerk", enrolFirstAdmin(api, "clerk"));
        }
        return clerk;
    }

    /**
     * At the municipality's counter: the card answers the counter's challenge and the clerk links it to the
     * insured person ({@code kind} null) or registers its holder as their representative of that kind.
     */
    ApiClient.Response atCounter(SimulatedCard card, String insuredNo, String kind) {
        JsonNode challenge = clerk().post("/api/municipalities/" + insurer + "/card-challenge", "").json();
        var signed = PersonCards.sign(card, challenge);
        String body = "{\"challengeId\":\"" + challenge.get("challengeId").asString() + "\",\"certificate\":\""
                + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\",\"insuredNo\":\"" + insuredNo + "\""
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}";
        return clerk().post("/api/municipalities/" + insurer + (kind == null ? "/card-links" : "/representatives"), body);
    }

    ApiClient municipality(String insurerNo) {
        return client(Party.municipality(insurerNo));
    }

    /** The client of the party an API path is for, so a request passes the certificate check and meets the rule. */
    ApiClient caller(String pattern) {
        if (pattern.startsWith("/api/master") || pattern.startsWith("/api/operator")) {
            return client(Party.operator("7"));
        }
        if (pattern.startsWith("/api/person")) {
            return ApiClient.anonymous(pki, port);
        }
        if (pattern.startsWith("/api/insurers") || pattern.startsWith("/api/municipalities")
                || pattern.startsWith("/api/imports") || pattern.startsWith("/api/insured")) {
            return api;
        }
        return office;
    }

    ApiClient client(Party party) {
        return ApiClient.of(pki, port, party);
    }
}
