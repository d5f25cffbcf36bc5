package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * 認定調査 (design §4, increment 9) through the API: the clerk assigns the survey of an open case to an entrusted
 * office (a survey-assignment document, S6) or to the municipality's own surveyor (S8); only the surveyor assigned
 * sends the 調査票 (S7/S8), which the layout checks field by field; the clerk's acceptance makes it the case's
 * care-survey record (source online), sets the case's 認定調査実施日 at 進捗 2 and closes the assignment.
 */
class SurveyIntegrationTests extends ExchangeApiTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void surveyorOfAnotherCaseCannotSend() {
        String caseId = openCase(renewal());
        ApiClient officer = officer();
        String assignment = assignToOffice(officer, caseId, officeNo);

        String otherOffice = newOfficeNumber();
        designate(otherOffice);
        ApiClient otherTerminal = client(Party.office(otherOffice));
        ApiClient otherSurveyor = staffOf(signedIn(otherTerminal, "admin", enrolFirstAdmin(otherTerminal, "admin")),
                "care.manager", "CARE_MANAGER");
        assertThat(outcome(survey(otherSurveyor, assignment, survey()))).as("S7: not the office the case was entrusted to")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(survey(otherSurveyor, null, survey()))).as("no assignment answered")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(survey(officer, null, survey()))).as("S8: an officer who is not the assigned surveyor")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(survey(office, assignment, survey()))).as("S7: the assigned office's 事務 staff")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(audited("exchange.send")).contains("office:" + otherOffice + ":deny:NOT_INVOLVED",
                "municipality:" + insurer + ":deny:NOT_INVOLVED");
        assertThat(count("exchange.documents where kind = 'care-survey'")).isZero();
        assertThat(outcome(survey(careManager, assignment, survey()))).as("the care manager of the office assigned")
                .isEqualTo("201");
    }

    @Test
    void surveyMissingAnItemGetsFieldError() {
        String assignment = assignToOffice(officer(), openCase(renewal()), officeNo);
        int before = documents();
        ApiClient.Response refused = survey(careManager, assignment, with(survey(), "item12", ""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("item12");
        ApiClient.Response missing = survey(careManager, assignment, without(survey(), "item12"));
        assertThat(fields(missing)).containsExactly("item12");
        assertThat(documents()).as("nothing stored").isEqualTo(before);
        assertThat(count("certification.care_survey_records where source = 'online'")).isZero();
    }

    @Test
    void codeOutsidePatternRefused() {
        String assignment = assignToOffice(officer(), openCase(renewal()), officeNo);
        int before = documents();
        ApiClient.Response refused = survey(careManager, assignment, with(survey(), "item19", "6"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("item19");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aSurveyAcceptedAfterTheOpinionLeavesTheCaseAtTheOpinion() {
        String caseId = openCase(renewal());
        ApiClient officer = officer();
        String assignment = assignToOffice(officer, caseId, officeNo);
        // the 意見書 came first: the case is at 進捗 3 (as CaseOpinions leaves it)
        sql.sql("update certification.certification_records set progress = '3' where insurer_no = :i and case_id = :c::uuid"
                + " and current").param("i", insurer).param("c", caseId).update();
        assertThat(careManager.get(documentPath(assignment)).status()).isEqualTo(200);
        ApiClient.Response sent = survey(careManager, assignment, survey());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String document = sent.json().get("location").asString();
        assertThat(officer.get(document).status()).isEqualTo(200);
        assertThat(officer.post(document + "/accept", "").status()).isEqualTo(200);
        assertThat(current("progress")).as("a case never moves back").isEqualTo("3");
        assertThat(current("surveyed_on")).isNotNull();
    }

    @Test
    void acceptedSurveyBecomesCareSurveyRecord() {
        String caseId = openCase(renewal());
        ApiClient officer = officer();
        String assignment = assignToOffice(officer, caseId, officeNo);
        assertThat(current("progress")).as("assigned: 進捗 2 認定調査").isEqualTo("2");
        assertThat(current("surveyed_on")).isNull();
        var read = careManager.get(documentPath(assignment));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/payload/requestKind").asString()).isEqualTo("0");
        assertThat(read.json().at("/payload/surveyContactPhone").asString()).as("copied from the application")
                .isEqualTo("090-1111-2222");

        LocalDate surveyedOn = TODAY;
        ApiClient.Response sent = survey(careManager, assignment, with(survey(), "surveyedOn", surveyedOn.toString()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String document = sent.json().get("location").asString();
        assertThat(officer.get(document).status()).isEqualTo(200);
        ApiClient.Response accepted = officer.post(document + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        Map<String, Object> record = sql.sql("""
                select source, case_id::text as case_id, history_no, revision, request_kind, entrustment, survey_kind,
                       entrusted_office_no, surveyed_on, item12, item19, place, text_image, facility, notes1, notes,
                       import_id::text as import_id
                  from certification.care_survey_records where insurer_no = :i and insured_no = :p and current
                """).param("i", insurer).param("p", PERSON).query().singleRow();
        assertThat(record).containsEntry("source", "online").containsEntry("case_id", caseId)
                .containsEntry("history_no", 1).containsEntry("revision", 1).containsEntry("request_kind", "0")
                .containsEntry("entrustment", "3").containsEntry("survey_kind", "0")
                .containsEntry("entrusted_office_no", officeNo).containsEntry("item12", "2")
                .containsEntry("item19", "1").containsEntry("place", "1").containsEntry("text_image", "1")
                .containsEntry("facility", "1").containsEntry("notes1", "1-5: 手すりにつかまれば座位を保てる")
                .containsEntry("notes", "1-5: 手すりにつかまれば座位を保てる\n4-12: 最近の出来事を忘れる")
                .containsEntry("import_id", document.substring(document.lastIndexOf('/') + 1));
        assertThat(record.get("surveyed_on").toString()).isEqualTo(surveyedOn.toString());
        assertThat(current("progress")).isEqualTo("2");
        assertThat(current("surveyed_on")).isEqualTo(surveyedOn.toString());
        assertThat(current("source") + ":" + current("case_id")).isEqualTo("online:" + caseId);
        assertThat(sql.sql("select status from certification.survey_assignments where insurer_no = :i")
                .param("i", insurer).query(String.class).list()).containsExactly("accepted");

        assertThat(outcome(survey(careManager, assignment, with(survey(), "notes2", "追記")))).as("answered: closed")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(assign(officer, caseId, "{\"officeNo\":\"" + officeNo + "\"}").json().at("/errors/0/field")
                .asString()).as("初回 once assigned before").isEqualTo("requestKind");
        ApiClient.Response again = assign(officer, caseId, "{\"officeNo\":\"" + officeNo + "\",\"requestKind\":\"1\"}");
        assertThat(again.status()).as("a 再依頼 once the survey was accepted").isEqualTo(201);
        assertThat(again.json().get("requestKind").asString()).isEqualTo("1");
    }

    @Test
    void ownStaffSurveyorSendsTheSurveyAndItsAcceptanceRecordsIt() {
        String caseId = openCase(application());
        ApiClient officer = officer();
        ApiClient surveyor = staffOf(clerk(), "surveyor", "MUNICIPAL_OFFICER");
        staffOf(clerk(), "desk.clerk", "CLERK");

        int before = documents();
        ApiClient.Response entrusted = assign(officer, caseId, "{\"officeNo\":\"" + officeNo + "\"}");
        assertThat(entrusted.status()).as("新規: not entrusted to an office by default").isEqualTo(400);
        assertThat(entrusted.json().at("/errors/0/field").asString()).isEqualTo("officeNo");
        assertThat(documents()).as("the assignment document went with the refusal").isEqualTo(before);
        assertThat(assign(officer, caseId, "{\"staffLoginId\":\"desk.clerk\"}").json().at("/errors/0/field")
                .asString()).as("S8: the surveyor is a MUNICIPAL_OFFICER").isEqualTo("staffLoginId");
        assertThat(assign(officer, caseId, "{\"staffLoginId\":\"nobody\"}").status()).isEqualTo(400);
        assertThat(assign(officer, caseId, "{\"staffLoginId\":\"surveyor\",\"officeNo\":\"" + officeNo + "\"}")
                .status()).as("one assignee").isEqualTo(400);
        assertThat(assign(officer, caseId, "{\"staffLoginId\":\"surveyor\",\"dueOn\":\"" + TODAY.minusDays(1) + "\"}")
                .json().at("/errors/0/field").asString()).isEqualTo("dueOn");
        assertThat(outcome(assign(clerk(), caseId, "{\"staffLoginId\":\"surveyor\"}")))
                .as("the administrator (事務) is not the clerk of the case").isEqualTo("403:OFFICER_ONLY");
        assertThat(assign(officer, java.util.UUID.randomUUID().toString(), "{\"staffLoginId\":\"surveyor\"}")
                .json().at("/errors/0/field").asString()).as("not the person's open case").isEqualTo("caseId");
        assertThat(current("progress")).as("nothing assigned yet").isEqualTo("1");

        assertThat(outcome(survey(surveyor, null, survey()))).as("not assigned yet").isEqualTo("403:NOT_INVOLVED");
        ApiClient.Response assigned = assign(officer, caseId, "{\"staffLoginId\":\"surveyor\",\"dueOn\":\""
                + TODAY.plusDays(14) + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().path("documentId").isString()).as("no document for the own surveyor").isFalse();
        assertThat(assign(officer, caseId, "{\"staffLoginId\":\"surveyor\",\"requestKind\":\"1\"}").json()
                .at("/errors/0/field").asString()).as("assigned already, not yet answered").isEqualTo("caseId");
        assertThat(audited("certification.assign-survey")).startsWith("municipality:" + insurer + ":deny:OFFICER_ONLY")
                .contains("municipality:" + insurer + ":permit:OWN_INSURED");
        assertThat(current("progress")).isEqualTo("2");

        assertThat(outcome(survey(officer, null, survey()))).as("another officer").isEqualTo("403:NOT_INVOLVED");
        ApiClient.Response sent = survey(surveyor, null, survey());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String document = sent.json().get("location").asString();
        ApiClient.Response opened = officer.get(document);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        ApiClient.Response accepted = officer.post(document + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(sql.sql("""
                select source || ':' || case_id || ':' || entrustment || ':' || request_kind || ':'
                       || coalesce(entrusted_office_no, '-') from certification.care_survey_records
                 where insurer_no = :i and insured_no = :p and current
                """).param("i", insurer).param("p", PERSON).query(String.class).list())
                .containsExactly("online:" + caseId + ":1:0:-");
        assertThat(current("surveyed_on")).isEqualTo(TODAY.toString());
        assertThat(outcome(survey(surveyor, null, with(survey(), "notes3", "追記")))).as("the assignment is closed")
                .isEqualTo("403:NOT_INVOLVED");
    }

    // ---------------------------------------------------------------- helpers

    /** An office in charge (43) sends the application; the officer opens and accepts it; answers the case id. */
    private String openCase(Map<String, String> application) {
        inCharge("43");
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer, application,
                null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String document = sent.json().get("location").asString();
        ApiClient officer = officer();
        assertThat(officer.get(document).status()).isEqualTo(200);
        assertThat(officer.post(document + "/accept", "").status()).isEqualTo(200);
        return sql.sql("select case_id::text from certification.cases where insurer_no = :i and status = 'open'")
                .param("i", insurer).query(String.class).single();
    }

    private ApiClient officer;

    private ApiClient officer() {
        if (officer == null) {
            officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        }
        return officer;
    }

    private ApiClient.Response assign(ApiClient by, String caseId, String body) {
        return by.post("/api/certification/cases/" + insurer + "/" + PERSON + "/" + caseId + "/survey-assignment", body);
    }

    /** The clerk entrusts the survey to the office; answers the survey-assignment document's id. */
    private String assignToOffice(ApiClient officer, String caseId, String office) {
        ApiClient.Response assigned = assign(officer, caseId, "{\"officeNo\":\"" + office + "\",\"dueOn\":\""
                + TODAY.plusDays(14) + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        return assigned.json().get("documentId").asString();
    }

    /** A care-survey to the municipality, answering the assignment document (null: the own surveyor's). */
    private ApiClient.Response survey(ApiClient from, String assignment, Map<String, String> payload) {
        String body = "{\"kind\":\"care-survey\",\"to\":{\"kind\":\"municipality\",\"number\":\"" + insurer
                + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\","
                + (assignment == null ? "" : "\"inReplyTo\":\"" + assignment + "\",")
                + "\"payload\":" + JSON.writeValueAsString(payload) + "}";
        return from.post("/api/exchange/documents", body);
    }

    /** A complete 調査票: at home, no services, every item answered. */
    private static Map<String, String> survey() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("surveyedOn", TODAY.toString());
        v.put("place", "1");
        v.put("surveyorName", "調査 花子");
        v.put("textImage", "1");
        v.put("serviceKubun", "9");
        v.put("facility", "1");
        for (int i = 1; i <= 74; i++) {
            v.put("item%02d".formatted(i), "1");
        }
        v.put("item12", "2");
        v.put("disabilityIndependence", "2");
        v.put("dementiaIndependence", "1");
        v.put("notes1", "1-5: 手すりにつかまれば座位を保てる");
        v.put("notes4", "4-12: 最近の出来事を忘れる");
        return v;
    }

    /** A 更新申請 of a person certified until 30 days from now (a 更新 survey may be entrusted, §4.1). */
    private Map<String, String> renewal() {
        LocalDate validTo = TODAY.plusDays(30);
        var report = api.uploadPartialCsv(insurer, "certification", "full",
                "insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,progress,opinionInstitution,"
                        + "opinionRequestedOn,firstJudgement,standardMinutes,minutesMeal,score1,result,certifiedOn,"
                        + "certValidFrom,certValidTo\n"
                        + String.join(",", insurer, PERSON, "1", "2026-04-01", "2", "2026-04-01", "6", clinicCode,
                                "2026-04-02", "22", "68.4", "21.2", "55.0", "23", "2026-05-10",
                                validTo.minusYears(1).toString(), validTo.toString()) + "\n").json();
        assertThat(report.get("inserted").asLong()).as(report.toString()).isEqualTo(1);
        return with(application(), "applicationType", "2");
    }

    /** A column of the person's current certification record of the online case. */
    private String current(String column) {
        return sql.sql("select " + column + "::text from certification.certification_records"
                + " where insurer_no = :i and insured_no = :p and current and source = 'online'")
                .param("i", insurer).param("p", PERSON).query((rs, i) -> rs.getString(1)).list().get(0);
    }

    private int count(String from) {
        return sql.sql("select count(*) from " + from + (from.contains(" where ") ? " and" : " where")
                + " insurer_no = :i").param("i", insurer).query(Integer.class).single();
    }

    private String documentPath(String documentId) {
        return "/api/exchange/documents/%s/%s/%s".formatted(insurer, PERSON, documentId);
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
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
