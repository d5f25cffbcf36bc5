package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The office and institution master at work: it arrives as files from a designating authority's system,
 * refused whole with every problem; an office registers as 担当事業所 only for a service type it is designated
 * for on the start date; a medical institution runs 介護 資格確認 and sees the 負担割合証 only under a みなし指定.
 */
class OfficeMasterUseIntegrationTests extends MunicipalityApiTests {
    private static final String DESIGNATIONS = "事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n";

    ApiClient operator;

    @BeforeEach
    void person() {
        operator = client(Party.operator("7"));
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
    }

    private String confirmation(ApiClient terminal) {
        return terminal.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}").json().get("confirmation").asString();
    }

    @Test
    void anOfficeRegistersOnlyForAServiceItIsDesignatedForOnTheStartDate() {
        ApiClient.Response refused = office.post("/api/relationships", "{\"confirmation\":\"" + confirmation(office)
                + "\",\"serviceType\":\"73\",\"startDate\":\"" + RECENT_START + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("serviceType");
        assertThat(error.get("reason").asString()).contains("指定を受けていません").contains("43");

        // the designation file ends the 居宅介護支援 designation yesterday: a start today is refused, one before is not
        byte[] ended = (DESIGNATIONS + officeNo + ",43," + TODAY.minusYears(1) + "," + TODAY.minusDays(1) + ",沖縄県\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(operator.postBytes("/api/master/designations", "text/csv", ended).status()).isEqualTo(200);
        assertThat(office.post("/api/relationships", "{\"confirmation\":\"" + confirmation(office)
                + "\",\"serviceType\":\"43\",\"startDate\":\"" + TODAY + "\"}").status()).isEqualTo(400);
        assertThat(office.post("/api/relationships", "{\"confirmation\":\"" + confirmation(office)
                + "\",\"serviceType\":\"43\",\"startDate\":\"" + TODAY.minusDays(2) + "\"}").status()).isEqualTo(201);

        // an office nobody designated registers for nothing
        ApiClient unknownTerminal = client(Party.office(newOfficeNumber()));
        ApiClient unknown = signedIn(unknownTerminal, "admin", enrolFirstAdmin(unknownTerminal, "admin"));
        assertThat(unknown.post("/api/relationships", "{\"confirmation\":\"" + confirmation(unknown)
                + "\",\"serviceType\":\"43\",\"startDate\":\"" + RECENT_START + "\"}").status()).isEqualTo(400);
    }

    @Test
    void aBadMasterFileIsRefusedWholeWithEveryProblemAndOnlyFromTheOperator() {
        String file = DESIGNATIONS + officeNo + ",43,2024-04-01,2030-03-31,那覇市\n"
                + "1234567890,43,2024-04-01,2030-03-31,那覇市\n" + officeNo + ",99,2024-13-01,,那覇市\n";
        ApiClient.Response refused = operator.postBytes("/api/master/designations", "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").size()).isGreaterThanOrEqualTo(3);
        JsonNode problems = refused.json().get("problems");
        assertThat(problems.size()).isGreaterThanOrEqualTo(3);
        assertThat(problems.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(refused.json().get("designationsWritten").asLong()).isZero();
        assertThat(office.postBytes("/api/master/designations", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                .status()).as("an office's certificate sends no master").isEqualTo(403);
        assertThat(api.postBytes("/api/master/designations", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                .status()).as("nor a municipality's: the operator gathers the designations").isEqualTo(403);
    }

    @Test
    void aMedicalInstitutionRunsCareEligibilityOnlyUnderADeemedDesignation() {
        String code = MedicalInstitutionCode.withCheckDigit("471304444").value();
        ApiClient terminal = client(Party.medicalInstitution(code));
        ApiClient hospital = signedIn(terminal, "admin", enrolFirstAdmin(terminal, "admin"));
        String query = "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}";
        assertThat(hospital.post("/api/eligibility", query).status()).isEqualTo(403);
        String institutions = "医療機関コード,名称,介護保険事業所番号,みなし指定サービス種類コード,指定年月日,指定有効期間満了日\n"
                + code + ",テスト病院,," + "13;14," + TODAY.minusYears(1) + "," + TODAY.plusYears(1) + "\n";
        ApiClient.Response loaded = operator.postBytes("/api/master/medical-institutions", "text/csv",
                institutions.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        JsonNode answer = hospital.post("/api/eligibility", query).json();
        assertThat(answer.get("status").asString()).isEqualTo("INSURED");
        assertThat(answer.path("confirmation").isMissingNode() || answer.get("confirmation").isNull()).as("no 担当事業所 registration for an institution").isTrue();
    }
}
