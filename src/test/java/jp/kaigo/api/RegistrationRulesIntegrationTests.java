package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.relationship.OfficesInCharge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Registration as 担当事業所 through the API checks the start date, the person's 資格 and care level, the office's
 * designation and the 施設 stay the registry records: refusals answer 400 problem+json with every failed rule (field,
 * rule, reason in Japanese) and store nothing; warnings come with the registration.
 */
class RegistrationRulesIntegrationTests extends MunicipalityApiTests {
    private static final String CARE_HEADER = "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,要介護状態区分,認定年月日,"
            + "認定有効期間開始日,認定有効期間終了日,区分支給限度基準額,介護保険施設等1種類,介護保険施設等1入所年月日";
    @Autowired
    OfficesInCharge offices;

    @BeforeEach
    void persons() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1938-01-02", null) + "\n");
        String from = TODAY.minusYears(1).toString();
        String to = TODAY.plusYears(1).toString();
        api.uploadPartialCsv(insurer, "care-certificate", "full", CARE_HEADER + "\n"
                + String.join(",", insurer, "0000000001", "1", from, to, "13", from, from, to, "10531", "", "") + "\n"
                + String.join(",", insurer, "0000000002", "1", from, to, "23", from, from, to, "27048", "1",
                        TODAY.minusDays(200).toString()) + "\n");
    }

    @Test
    void aRefusedRegistrationListsEveryFailedRuleAndStoresNothing() {
        ApiClient.Response refused = register("0000000001", "1940-05-06", "43", TODAY.minusDays(40).toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(rules(errors)).containsExactlyInAnyOrder("START_TOO_EARLY", "CARE_LEVEL");
        for (JsonNode error : errors) {
            String expectedField = error.get("rule").asString().equals("CARE_LEVEL") ? "serviceType" : "startDate";
            assertThat(error.get("field").asString()).isEqualTo(expectedField);
        }
        assertThat(find(errors, "CARE_LEVEL").get("reason").asString()).contains("介護予防支援(46)");
        assertThat(offices.officesOf(insurer, "0000000001")).as("nothing stored").isEmpty();

        // a type the office is not designated for AND that does not fit the level: both said at once
        ApiClient.Response twice = register("0000000001", "1940-05-06", "AF", RECENT_START);
        assertThat(rules(twice.json().get("errors"))).containsExactly("NOT_DESIGNATED");
        assertThat(twice.json().get("errors").get(0).get("reason").asString()).contains("43 居宅介護支援").contains("46 介護予防支援");

        ApiClient.Response registered = register("0000000001", "1940-05-06", "46", RECENT_START);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("relationshipId").asString()).isNotBlank();
        assertThat(registered.json().get("warnings")).isEmpty();
        assertThat(offices.officesOf(insurer, "0000000001")).hasSize(1);
    }

    @Test
    void aStayInAFacilityRefusesCareManagementFromToday_andWarnsAHomeService() {
        ApiClient.Response refused = register("0000000002", "1938-01-02", "43", TODAY.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(rules(refused.json().get("errors"))).containsExactly("FACILITY_STAY");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("介護老人福祉施設");

        ApiClient.Response home = register("0000000002", "1938-01-02", "11", TODAY.toString());
        assertThat(home.status()).as(home.body()).isEqualTo(201);
        assertThat(rules(home.json().get("warnings"))).containsExactly("FACILITY_STAY");
        assertThat(home.json().get("warnings").get(0).get("reason").asString()).contains("介護老人福祉施設");

        ApiClient.Response afterDischarge = register("0000000002", "1938-01-02", "43", TODAY.plusDays(14).toString());
        assertThat(afterDischarge.status()).as(afterDischarge.body()).isEqualTo(201);
        assertThat(rules(afterDischarge.json().get("warnings"))).containsExactly("FACILITY_STAY");
    }

    @Test
    void anEmptyRegistrationNamesEveryMissingField() {
        ApiClient.Response empty = office.post("/api/relationships", "{}");
        assertThat(empty.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        empty.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("confirmation", "serviceType", "startDate");
    }

    private ApiClient.Response register(String insuredNo, String birthDate, String serviceType, String startDate) {
        String confirmation = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\""
                + insuredNo + "\",\"birthDate\":\"" + birthDate + "\"}").json().get("confirmation").asString();
        return office.post("/api/relationships", "{\"confirmation\":\"" + confirmation + "\",\"serviceType\":\""
                + serviceType + "\",\"startDate\":\"" + startDate + "\"}");
    }

    private static List<String> rules(JsonNode findings) {
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asString()));
        return rules;
    }

    private static JsonNode find(JsonNode findings, String rule) {
        for (JsonNode f : findings) {
            if (f.get("rule").asString().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError(rule);
    }
}
