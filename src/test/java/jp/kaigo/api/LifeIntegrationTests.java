package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** LIFE files from the office in charge, typed per form, then readable through access like every record. */
class LifeIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUpPersonInCharge() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-01-02", null) + "\n");
        registerInCharge(office, PERSON, "1940-05-06", "15", RECENT_START);
    }

    private String row(String insured, String external, String evaluated, String meal) {
        return String.join(",", officeNo, "15", insurer, insured, external, "2", evaluated, meal, "3", "2");
    }

    @Test
    void anAssessmentPerRowWithTheRefusedOnesByLineAndItem() {
        String head = "FORM_0000_2021\r\ncare_facility_id,service_code,insurer_no,insured_no,external_system_management_number,"
                + "facility_outpatient_category,evaluate_date,barthel_index_meal,barthel_transfer,dbd13_01\r\n";
        String file = "\uFEFF" + head + row(PERSON, "u-1", "20261020", "1") + "\r\n"
                + row(PERSON, "u-1", "20261021", "9") + "\r\n"
                + row("0000000002", "u-2", "20261020", "2") + "\r\n";
        JsonNode report = office.postBytes("/api/life/files", "text/csv", file.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(report.get("formName").asString()).isEqualTo("科学的介護推進情報");
        assertThat(report.get("written").asLong()).isEqualTo(1);
        List<String> refused = new ArrayList<>();
        report.get("rejections").forEach(r -> refused.add(r.get("line").asLong() + ":" + r.get("item").asString()));
        assertThat(refused).containsExactly("4:barthel_index_meal", "5:insured_no");

        // a correction of the same assessment replaces it; ADL維持等 in Shift_JIS
        office.postBytes("/api/life/files", "text/csv", (head + row(PERSON, "u-1", "20261020", "2") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        String adl = "FORM_0900_2021\r\ncare_facility_id,service_code,insurer_no,insured_no,"
                + "external_system_management_number,adl_evaluate,barthel_index_meal,first_month\r\n"
                + String.join(",", officeNo, "15", insurer, PERSON, "u-1", "20261001", "1", "1") + "\r\n";
        assertThat(office.postBytes("/api/life/files", "text/csv", adl.getBytes(Charset.forName("windows-31j"))).json()
                .get("written").asLong()).isEqualTo(1);

        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"更新申請\"}").status()).isEqualTo(201);
        assertThat(office.get("/api/records/" + insurer + "/" + PERSON + "/life").json().get("reason").asString())
                .as("the office's clerk records LIFE data but does not read it").isEqualTo("CLERK");
        ApiClient careWorker = staffOf(office, "care.worker", "CARE_WORKER");
        JsonNode records = careWorker.get("/api/records/" + insurer + "/" + PERSON + "/life").json().get("records");
        assertThat(records).hasSize(2);
        JsonNode promotion = records.get(0);
        assertThat(promotion.get("formName").asString()).isEqualTo("科学的介護推進情報");
        JsonNode meal = promotion.get("items").get(2);
        assertThat(meal.get("label").asString()).isEqualTo("食事");
        assertThat(meal.get("meaning").asString()).as("the correction").isEqualTo("自立");
        assertThat(records.get(1).get("formName").asString()).isEqualTo("ADL維持等");
    }

    /** The key of an assessment holds the insurer (the distribution column when sharded); a correction still moves it. */
    @Test
    void aCorrectionNamingAnotherInsurersPersonReplacesTheAssessmentSentForTheWrongOne() {
        String own = insurer;
        String other = MunicipalityFiles.newInsurerNumber();
        ApiClient otherMunicipality = municipality(other);
        MunicipalityFiles.register(otherMunicipality, other);
        otherMunicipality.uploadCsv(other, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(other, PERSON, 1, "2020-04-01", null, "1938-03-04", null) + "\n");
        insurer = other;
        registerInCharge(office, PERSON, "1938-03-04", "15", RECENT_START);
        insurer = own;
        String head = "FORM_0000_2021\r\ncare_facility_id,service_code,insurer_no,insured_no,external_system_management_number,"
                + "facility_outpatient_category,evaluate_date,barthel_index_meal,barthel_transfer,dbd13_01\r\n";
        // sent first under the other insurer's person, then corrected: same external number and 評価日, the right person
        String mistaken = String.join(",", officeNo, "15", other, PERSON, "u-9", "2", "20261020", "1", "3", "2");
        assertThat(office.postBytes("/api/life/files", "text/csv", (head + mistaken + "\r\n").getBytes(StandardCharsets.UTF_8))
                .json().get("written").asLong()).isEqualTo(1);
        assertThat(office.postBytes("/api/life/files", "text/csv", (head + row(PERSON, "u-9", "20261020", "2") + "\r\n")
                .getBytes(StandardCharsets.UTF_8)).json().get("written").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList("select insurer_no from life.assessments where office_no = ? and external_number = 'u-9'",
                String.class, officeNo)).containsExactly(own);
    }

    @Test
    void unknownFormsAndItemsRefuseTheFile() {
        assertThat(office.postBytes("/api/life/files", "text/csv", "FORM_0500_2021\r\na,b\r\n".getBytes(StandardCharsets.UTF_8))
                .json().get("errors").get(0).get("field").asString()).isEqualTo("form");
        assertThat(office.postBytes("/api/life/files", "text/csv",
                "FORM_0900_2021\r\ncare_facility_id,nonsense\r\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(newSignedInOffice().postBytes("/api/life/files", "text/csv", ("FORM_0900_2021\r\n"
                + "care_facility_id,service_code,insurer_no,insured_no,external_system_management_number,adl_evaluate\r\n"
                + String.join(",", officeNo, "15", insurer, PERSON, "u-1", "20261001") + "\r\n")
                .getBytes(StandardCharsets.UTF_8)).json().get("rejections").get(0).get("item").asString())
                .as("another office's number").isEqualTo("care_facility_id");
    }
}
