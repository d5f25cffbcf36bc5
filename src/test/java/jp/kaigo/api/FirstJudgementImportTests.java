package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The municipality's 一次判定 import (design §6.1, increment 11) through {@code POST /api/certification/first-judgements}:
 * a result consistent with itself and the case's 調査票 advances the case to 進捗 4 and is stored; J1 (sum), J2
 * (band) and J3 (要支援2/要介護1) refuse the line with field errors and store nothing; J4/J5 only warn; a CSV answers
 * per line with its number and stores its good lines (as the municipality's file imports do); only a 市町村職員 of the
 * case's own municipality records.
 */
class FirstJudgementImportTests extends ExchangeApiTests {
    private static final String PATH = "/api/certification/first-judgements";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private ApiClient officer;
    private UUID caseId;

    @BeforeEach
    void openCase() {
        inCharge("43");
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer, application(),
                null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String application = sent.json().get("location").asString();
        officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        assertThat(officer.get(application).status()).isEqualTo(200);
        assertThat(officer.post(application + "/accept", "").json().get("status").asString()).isEqualTo("accepted");
        caseId = sql.sql("select case_id from certification.cases where insurer_no = :i and status = 'open'")
                .param("i", insurer).query(UUID.class).single();
    }

    @Test
    void aGoodResultAdvancesTheCaseToFirstJudgementAndIsStored() {
        JsonNode noSurvey = post(officer, careLevel1());
        assertThat(errors(noSurvey, 0)).as("design §6.1: the case needs an accepted 調査票")
                .containsExactly("caseId:受理された認定調査票がありません(一次判定は調査票の受理後に取り込みます)");
        surveyed("2", Map.of());

        JsonNode answer = post(officer, careLevel1());
        assertThat(answer.get("accepted").asLong()).as(answer.toString()).isEqualTo(1);
        JsonNode line = answer.get("lines").get(0);
        assertThat(line.get("status").asString()).isEqualTo("accepted");
        assertThat(line.get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(line.get("warnings").size()).isZero();
        assertThat(sql.sql("""
                select revision || ':' || progress || ':' || first_judgement || ':' || first_judged_on || ':'
                       || standard_minutes || ':' || minutes_meal || ':' || minutes_medical || ':' || score1 || ':' || score5
                  from certification.certification_records where insurer_no = :i and case_id = :c and current
                """).param("i", insurer).param("c", caseId).query(String.class).list())
                .containsExactly("2:4:21:" + TODAY + ":40.0:10.0:4.0:80.5:60.0");
        assertThat(sql.sql("""
                select software_interface || ':' || dementia_addition || ':' || coalesce(stability, '-') || ':'
                       || array_to_string(software_warnings, '/') || ':' || jsonb_array_length(check_warnings)
                  from certification.first_judgements where insurer_no = :i and case_id = :c
                """).param("i", insurer).param("c", caseId).query(String.class).list())
                .containsExactly("09B:1:2:W01/W02:0");
        assertThat(audited("certification.first-judgement")).as("access was asked, per person, and audited")
                .containsExactly("municipality:" + insurer + ":permit:OWN_INSURED",
                        "municipality:" + insurer + ":permit:OWN_INSURED");
    }

    @Test
    void aStandardTimeThatIsNotTheSumOfTheAreasIsRefusedOnStandardMinutesAndNothingIsStored() {
        surveyed("2", Map.of());
        JsonNode answer = post(officer, with(careLevel1(), "standardMinutes", "45.0"));
        assertThat(answer.get("rejected").asLong()).isEqualTo(1);
        assertThat(errors(answer, 0)).containsExactly("standardMinutes:分野別の合計と一致しません");
        assertNothingStored();
    }

    @Test
    void aLevelOutsideTheBandOfTheStandardTimeIsRefused() {
        surveyed("2", Map.of());
        JsonNode answer = post(officer, with(careLevel1(), "firstJudgement", "22"));
        assertThat(errors(answer, 0)).containsExactly("firstJudgement:基準時間 40.0 分は要支援2または要介護1の範囲です");
        assertNothingStored();
    }

    @Test
    void care1WhenTheSurveyTheOpinionAndStabilityAllSaySupport2IsRefused() {
        surveyed("1", Map.of());
        // the 意見書 of the case, accepted, as increment 10 will store it: 認知症自立度 1 自立
        sql.sql("""
                insert into certification.doctor_opinion_records (insurer_no, insured_no, history_no, revision, valid_from,
                       dementia_independence, import_id, source, case_id)
                values (:i, :p, 1, 1, :today, '1', :import, 'online', :c)
                """).param("i", insurer).param("p", PERSON).param("today", TODAY).param("import", UUID.randomUUID())
                .param("c", caseId).update();
        JsonNode answer = post(officer, with(careLevel1(), "stability", "1"));
        assertThat(errors(answer, 0)).singleElement().asString().startsWith("firstJudgement:").endsWith("要支援2です");
        assertNothingStored();
        assertThat(post(officer, with(careLevel1(), "stability", "1", "firstJudgement", "13")).get("accepted").asLong())
                .as("要支援2 is what they say").isEqualTo(1);
    }

    @Test
    void warningsOfTheSpecialMedicalCareAndTheAreaRangesAreAnsweredAndTheResultIsStored() {
        surveyed("2", Map.of("item63", "2", "item67", "1")); // 点滴の管理 ある (8.5 分), 酸素療法 ない
        JsonNode answer = post(officer, with(careLevel1(), "minutesMeal", "0.5", "minutesExcretion", "14.5"));
        assertThat(answer.get("accepted").asLong()).as(answer.toString()).isEqualTo(1);
        List<String> warnings = new ArrayList<>();
        answer.get("lines").get(0).get("warnings").forEach(w -> warnings.add(w.get("field").asString() + ":"
                + w.get("reason").asString()));
        assertThat(warnings).containsExactlyInAnyOrder(
                "minutesMedical:調査票で「ある」の特別な医療の時間(8.5分)より短くなっています",
                "minutesMeal:一次判定ソフトの出力範囲(1.1〜71.4分)の外です");
        assertThat(sql.sql("select jsonb_array_length(check_warnings) from certification.first_judgements"
                + " where insurer_no = :i and case_id = :c").param("i", insurer).param("c", caseId).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(progress()).isEqualTo("4");
    }

    @Test
    void aCsvIsAnsweredLineByLineAndItsGoodLinesAreStored() {
        surveyed("2", Map.of());
        Map<String, String> good = careLevel1();
        good.remove("caseId");
        good.put("insuredNo", PERSON);
        good.put("appliedOn", TODAY.toString());
        List<String> keys = new ArrayList<>(good.keySet());
        keys.add("caseId");
        StringBuilder csv = new StringBuilder(String.join(",", keys)).append('\n');
        csv.append(row(keys, with(good, "standardMinutes", "45.0"))).append('\n');                // line 2: J1
        csv.append(row(keys, with(good, "minutesMeal", "abc", "caseId", UUID.randomUUID().toString()))).append('\n');
        csv.append(row(keys, good)).append('\n');                                                    // line 4: good
        ApiClient.Response response = officer.request("POST", PATH, "text/csv; charset=UTF-8", csv.toString(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("accepted").asLong()).isEqualTo(1);
        assertThat(answer.get("rejected").asLong()).isEqualTo(2);
        List<String> lines = new ArrayList<>();
        answer.get("lines").forEach(l -> lines.add(l.get("line").asLong() + ":" + l.get("status").asString()));
        assertThat(lines).containsExactly("2:rejected", "3:rejected", "4:accepted");
        JsonNode line2 = answer.get("lines").get(0).get("errors").get(0);
        assertThat(line2.get("line").asLong() + ":" + line2.get("field").asString() + ":" + line2.get("label").asString())
                .isEqualTo("2:standardMinutes:要介護認定等基準時間");
        List<String> line3 = new ArrayList<>();
        answer.get("lines").get(1).get("errors").forEach(e -> line3.add(e.get("line").asLong() + ":"
                + e.get("field").asString()));
        assertThat(line3).as("a field error of the layout, nothing looked up").containsExactly("3:minutesMeal");
        assertThat(answer.get("lines").get(2).get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(progress()).isEqualTo("4");

        ApiClient.Response unreadable = officer.request("POST", PATH, "text/csv", "caseId,氏名\n" + caseId + ",x\n",
                Map.of());
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").get(0).get("line").asLong()).as("the header").isEqualTo(1);
    }

    @Test
    void onlyAMunicipalOfficerOfTheCasesMunicipalityRecordsIt() {
        surveyed("2", Map.of());
        String other = MunicipalityFiles.newInsurerNumber();
        MunicipalityFiles.register(municipality(other), other);
        ApiClient otherOfficer = staffOf(newSignedIn(Party.municipality(other)), "officer", "MUNICIPAL_OFFICER");
        assertThat(errors(post(otherOfficer, careLevel1()), 0)).as("a case of another municipality is not found")
                .containsExactly("caseId:この市町村の認定案件が見つかりません");
        assertThat(errors(post(otherOfficer, with(without(careLevel1(), "caseId"), "insuredNo", PERSON, "appliedOn",
                TODAY.toString())), 0)).containsExactly("caseId:この市町村の認定案件が見つかりません");
        assertThat(errors(post(clerk(), careLevel1()), 0)).as("the municipality's 事務 account")
                .containsExactly("caseId:認定の事務は保険者の市町村職員(職種: 市町村職員)が行います");
        assertThat(audited("certification.first-judgement")).containsExactly("municipality:" + insurer + ":deny:OFFICER_ONLY");
        ApiClient.Response office = careManager.post(PATH, JSON.writeValueAsString(careLevel1()));
        assertThat(office.status()).as(office.body()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void jsonOfAnotherShapeIsRefusedWholeAndAnArrayIsAnsweredPerObject() {
        surveyed("2", Map.of());
        ApiClient.Response number = officer.post(PATH, "{\"caseId\":\"" + caseId + "\",\"standardMinutes\":40.0}");
        assertThat(number.status()).as(number.body()).isEqualTo(400);
        assertThat(number.json().get("errors").get(0).get("field").asString()).isEqualTo("standardMinutes");
        assertNothingStored();
        JsonNode answer = officer.post(PATH, JSON.writeValueAsString(List.of(with(careLevel1(), "firstJudgement", "22"),
                careLevel1()))).json();
        List<String> lines = new ArrayList<>();
        answer.get("lines").forEach(l -> lines.add(l.get("line").asLong() + ":" + l.get("status").asString()));
        assertThat(lines).containsExactly("1:rejected", "2:accepted");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The case's accepted 調査票. The survey flow (increment 9) is not built yet, so the test inserts the
     * care_survey_records row of the case directly, as its acceptance will: surveyed today, 認知症自立度 as given,
     * the other items as given (item63…item74: 1 ない, 2 ある).
     */
    private void surveyed(String dementia, Map<String, String> items) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        items.forEach((item, value) -> {
            columns.append(", ").append(item);
            values.append(", '").append(value).append('\'');
        });
        sql.sql("insert into certification.care_survey_records (insurer_no, insured_no, history_no, revision,"
                + " valid_from, surveyed_on, dementia_independence, import_id, source, case_id" + columns + ")"
                + " values (:i, :p, 1, 1, :today, :today, :dementia, :import, 'online', :c" + values + ")")
                .param("i", insurer).param("p", PERSON).param("today", TODAY).param("dementia", dementia)
                .param("import", UUID.randomUUID()).param("c", caseId).update();
    }

    /** 要介護1 at 40.0 minutes (the eight areas add up, each within ND B1's range), no addition, 不安定. */
    private Map<String, String> careLevel1() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("caseId", caseId.toString());
        v.put("softwareInterface", "09B");
        v.put("firstJudgedOn", TODAY.toString());
        v.put("firstJudgement", "21");
        v.put("dementiaAddition", "1");
        v.put("standardMinutes", "40.0");
        v.put("minutesMeal", "10.0");
        v.put("minutesExcretion", "5.0");
        v.put("minutesMovement", "4.0");
        v.put("minutesHygiene", "6.0");
        v.put("minutesIndirect", "3.0");
        v.put("minutesBpsd", "6.0");
        v.put("minutesTraining", "2.0");
        v.put("minutesMedical", "4.0");
        v.put("score1", "80.5");
        v.put("score2", "90.0");
        v.put("score3", "70.2");
        v.put("score4", "95.0");
        v.put("score5", "60.0");
        v.put("stability", "2");
        v.put("warnings", "W01、W02");
        return v;
    }

    private JsonNode post(ApiClient as, Map<String, String> values) {
        ApiClient.Response response = as.post(PATH, JSON.writeValueAsString(values));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The errors of the answer's line: field and reason. */
    private static List<String> errors(JsonNode answer, int line) {
        List<String> errors = new ArrayList<>();
        JsonNode result = answer.get("lines").get(line);
        assertThat(result.get("status").asString()).as(answer.toString()).isEqualTo("rejected");
        result.get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("reason").asString()));
        return errors;
    }

    private void assertNothingStored() {
        assertThat(sql.sql("select count(*) from certification.first_judgements where insurer_no = :i")
                .param("i", insurer).query(Integer.class).single()).isZero();
        assertThat(progress()).isEqualTo("1");
    }

    private String progress() {
        return sql.sql("select progress from certification.certification_records where insurer_no = :i and case_id = :c"
                + " and current").param("i", insurer).param("c", caseId).query(String.class).single();
    }

    private static String row(List<String> keys, Map<String, String> values) {
        return String.join(",", keys.stream().map(k -> values.getOrDefault(k, "")).toList());
    }

    private static Map<String, String> with(Map<String, String> values, String... keysAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }

    private static Map<String, String> without(Map<String, String> values, String key) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.remove(key);
        return changed;
    }
}
