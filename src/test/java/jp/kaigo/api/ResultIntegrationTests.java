package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 二次判定 (design §6.5, §6.6, increment 13): recorded by the municipality's officer on a case whose 一次判定 is
 * in, it moves the case to 認定, reaches the 被保険者証 history through the registry's own import and the person's
 * notices; bad values and other callers change nothing.
 */
class ResultIntegrationTests extends ExchangeApiTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private ApiClient officer;
    private UUID caseId;

    @BeforeEach
    void openCaseWithItsFirstJudgement() {
        officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        caseId = acceptedCase(officer);
        atFirstJudgement(caseId);
    }

    @Test
    void theResultMovesTheCaseToCertifiedAndReachesTheCardHistoryAndThePersonOnce() {
        ApiClient.Response refused = record(officer, result("23", 6));
        assertThat(refused.status()).as("a level other than the 一次判定 needs its reason").isEqualTo(400);
        assertThat(refused.body()).contains("changeReason");
        ApiClient.Response tooLong = record(officer, result("22", 13));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("certValidTo", "3〜12か月");
        assertThat(outcome(record(careManager, result("22", 6)))).as("an office").isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(record(clerk(), result("22", 6)))).as("a municipal clerk not 市町村職員")
                .isEqualTo("403:OFFICER_ONLY");
        assertThat(progress()).isEqualTo("4");

        ApiClient.Response recorded = record(officer, result("22", 6));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(progress()).isEqualTo("6");
        assertThat(sql.sql("select status from certification.cases where case_id = :c").param("c", caseId)
                .query(String.class).single()).isEqualTo("decided");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sql.sql("""
                select care_level from registry.care_certificate_records
                 where insurer_no = :i and insured_no = :p and current and not deleted
                """).param("i", insurer).param("p", PERSON).query(String.class).list()).containsExactly("22"));
        assertThat(sql.sql("select count(*) from ingest.imports where insurer_no = :i and file_name = :f")
                .param("i", insurer).param("f", "online-certification-" + caseId + ".json").query(Integer.class)
                .single()).as("through the registry's own import").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sql.sql("""
                select kind from notification.notices where insurer_no = :i and insured_no = :p
                   and kind <> 'consent-recorded'
                """).param("i", insurer).param("p", PERSON).query(String.class).list())
                .as("one result notice (the 包括同意 registered at the application is told on its own)")
                .containsExactly("certification-result"));
        assertThat(record(officer, result("22", 6)).status()).as("a decided case takes no second result")
                .isEqualTo(400);
    }

    /** A 二次判定 of the level, 認定 today, the 有効期間 from the 申請日 (today) for that many months. */
    private Map<String, String> result(String level, int months) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("boardOn", TODAY.toString());
        v.put("result", level);
        v.put("certifiedOn", TODAY.toString());
        v.put("certValidFrom", TODAY.toString());
        v.put("certValidTo", YearMonth.from(TODAY).plusMonths(TODAY.getDayOfMonth() == 1 ? months - 1 : months)
                .atEndOfMonth().toString());
        v.put("boardOpinion", "特になし");
        return v;
    }

    private ApiClient.Response record(ApiClient who, Map<String, String> values) {
        return who.post("/api/certification/cases/" + insurer + "/" + PERSON + "/" + caseId + "/result",
                JSON.writeValueAsString(values));
    }

    private String progress() {
        return sql.sql("""
                select progress from certification.certification_records where insurer_no = :i and case_id = :c and current
                """).param("i", insurer).param("c", caseId).query(String.class).single();
    }
}
