package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.portal.PortalTerminal;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 資格確認 has one home: the API and the portal give the same decisions for the same cases (what is shown, what
 * is withheld, who is refused), wrong birth dates are counted and stop an office, and the 負担限度額 needs the
 * person's consent recorded at the office.
 */
class EligibilityUseCaseIntegrationTests extends MunicipalityApiTests {
    private static final Pattern STATUS = Pattern.compile("data-status=\"([A-Z_]+)\"");

    @BeforeEach
    void persons() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-01-02", TODAY.minusDays(3).toString())
                + "\n");
        Map<String, String> limit = MunicipalityFiles.everyField(RecordType.BURDEN_LIMIT, insurer, "0000000001");
        limit.put("validFrom", TODAY.minusDays(30).toString());
        limit.put("validTo", TODAY.plusDays(300).toString());
        JsonNode report = api.uploadPartialCsv(insurer, "burden-limit", "full",
                MunicipalityFiles.csv(RecordType.BURDEN_LIMIT, List.of(limit))).json();
        assertThat(report.get("inserted").asLong()).as(report.toString()).isEqualTo(1);
    }

    private static String query(String insuredNo, String birth, String insurer) {
        return "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + insuredNo + "\",\"birthDate\":\"" + birth + "\"}";
    }

    /** The portal's answer for the same query: its status and whether the 負担限度額 sheet or the withheld notice shows. */
    private static String portal(PortalTerminal terminal, String insuredNo, String birth, String insurer) {
        HttpResponse<String> page = terminal.form("/portal/office", "/portal/office/eligibility", "insurerNo=" + insurer
                + "&insuredNo=" + insuredNo + "&birthDate=" + birth);
        if (page.statusCode() != 200) {
            return String.valueOf(page.statusCode());
        }
        Matcher m = STATUS.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1) + (page.body().contains("id=\"burden-limit-withheld\"") ? "/withheld" : "")
                + (page.body().contains(">負担限度額認定証</span>") ? "/limit" : "");
    }

    private static String api(ApiClient client, String insuredNo, String birth, String insurer) {
        ApiClient.Response r = client.post("/api/eligibility", query(insuredNo, birth, insurer));
        if (r.status() != 200) {
            return String.valueOf(r.status());
        }
        JsonNode a = r.json();
        return a.get("status").asString() + (a.get("burdenLimitWithheld").asBoolean() ? "/withheld" : "")
                + (a.path("burdenLimit").isObject() ? "/limit" : "");
    }

    @Test
    void theApiAndThePortalDecideAlikeAndTheBurdenLimitWaitsForConsent() {
        String secret = office.post("/api/staff", "{\"loginId\":\"cm.portal\",\"password\":\"" + STAFF_PASSWORD
                + "\",\"jobType\":\"CARE_MANAGER\"}").json().get("totpSecret").asString();
        PortalTerminal portal = PortalTerminal.signedIn(pki, port, Party.office(officeNo), "cm.portal", STAFF_PASSWORD,
                Base32.decode(secret));
        List<String[]> cases = List.of(new String[] {"0000000001", "1940-05-06"}, new String[] {"0000000001", "1940-05-07"},
                new String[] {"0000009999", "1940-05-06"}, new String[] {"0000000002", "1941-01-02"});
        List<String> viaApi = new ArrayList<>();
        List<String> viaPortal = new ArrayList<>();
        for (String[] c : cases) {
            viaApi.add(api(office, c[0], c[1], insurer));
            viaPortal.add(portal(portal, c[0], c[1], insurer));
        }
        assertThat(viaApi).containsExactly("INSURED/withheld", "UNKNOWN", "UNKNOWN", "LOST");
        assertThat(viaPortal).isEqualTo(viaApi);

        // the person consents orally at the counter: the office records it with the proof of its 資格確認
        String confirmation = office.post("/api/eligibility", query("0000000001", "1940-05-06", insurer)).json()
                .get("confirmation").asString();
        assertThat(office.post("/api/eligibility/burden-limit-consent", "{\"confirmation\":\"" + confirmation
                + "\",\"method\":\"shouted\"}").status()).isEqualTo(400);
        assertThat(office.post("/api/eligibility/burden-limit-consent", "{\"confirmation\":\"" + confirmation
                + "\",\"method\":\"oral\"}").status()).isEqualTo(201);
        assertThat(api(office, "0000000001", "1940-05-06", insurer)).isEqualTo("INSURED/limit");
        assertThat(portal(portal, "0000000001", "1940-05-06", insurer)).isEqualTo("INSURED/limit");
        assertThat(api(newSignedInOffice(), "0000000001", "1940-05-06", insurer)).as("another office: not consented")
                .isEqualTo("INSURED/withheld");

        // a medical institution without a care designation runs no 介護 資格確認, in either exit
        Party hospital = Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("471309876").value());
        ApiClient hospitalTerminal = client(hospital);
        byte[] hospitalSecret = enrolFirstAdmin(hospitalTerminal, "admin");
        ApiClient hospitalApi = signedIn(hospitalTerminal, "admin", hospitalSecret);
        String doctorSecret = hospitalApi.post("/api/staff", "{\"loginId\":\"doctor\",\"password\":\"" + STAFF_PASSWORD
                + "\",\"jobType\":\"DOCTOR\"}").json().get("totpSecret").asString();
        PortalTerminal hospitalPortal = PortalTerminal.signedIn(pki, port, hospital, "doctor", STAFF_PASSWORD,
                Base32.decode(doctorSecret));
        assertThat(hospitalApi.post("/api/eligibility", query("0000000001", "1940-05-06", insurer)).status()).isEqualTo(403);
        assertThat(portal(hospitalPortal, "0000000001", "1940-05-06", insurer)).isEqualTo("403");
    }

    @Test
    void wrongBirthDatesStopTheOfficeAndTheMunicipalityIsTold() {
        List<String> guesses = new ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            guesses.add(query("0000000001", "1940-01-%02d".formatted(day), insurer));
        }
        JsonNode results = office.post("/api/eligibility/batch", "{\"queries\":[" + String.join(",", guesses) + "]}")
                .json().get("results");
        assertThat(results.get(0).has("confirmation") && !results.get(0).get("confirmation").isNull()).isFalse();
        assertThat(results.get(18).get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(results.get(19).get("status").asString()).as("the 20th wrong birth date stops the office").isEqualTo("UNKNOWN");
        assertThat(results.get(20).get("status").asString()).isEqualTo("STOPPED");
        ApiClient.Response single = office.post("/api/eligibility", query("0000000001", "1940-05-06", insurer));
        assertThat(single.status()).isEqualTo(429);
        assertThat(single.body()).doesNotContain("0000000001").doesNotContain("1940");
        assertThat(newSignedInOffice().post("/api/eligibility", query("0000000001", "1940-05-06", insurer)).json()
                .get("status").asString()).as("other offices go on").isEqualTo("INSURED");
        String secret = office.post("/api/staff", "{\"loginId\":\"at.counter\",\"password\":\"" + STAFF_PASSWORD
                + "\",\"jobType\":\"CLERK\"}").json().get("totpSecret").asString();
        PortalTerminal portal = PortalTerminal.signedIn(pki, port, Party.office(officeNo), "at.counter", STAFF_PASSWORD,
                Base32.decode(secret));
        HttpResponse<String> page = portal.form("/portal/office", "/portal/office/eligibility", "insurerNo=" + insurer
                + "&insuredNo=0000000001&birthDate=1940-05-06");
        assertThat(page.statusCode()).as("the portal says so too").isEqualTo(429);
        assertThat(page.body()).contains("停止しています");

        JsonNode alerts = clerk().get("/api/municipalities/" + insurer + "/wrong-birth-dates").json();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("officeNo").asString()).isEqualTo(officeNo);
        assertThat(alerts.get(0).get("wrongBirthDates").asInt()).isEqualTo(20);
        assertThat(alerts.get(0).get("lockedUntil").isNull()).isFalse();
    }
}
