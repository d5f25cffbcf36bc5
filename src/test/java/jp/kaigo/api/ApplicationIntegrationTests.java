package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The online application (design §3, increment 8) through the API: what may be applied for (A1–A10) on top of who
 * may apply (S1–S5), and the clerk's acceptance, which opens the 認定 case, a new certification history at
 * 申請受付 and the 包括同意 the application gives — all with the acceptance or not at all.
 */
class ApplicationIntegrationTests extends ExchangeApiTests {

    @Test
    void aRenewalSentByTheOfficeInChargeIsAcceptedAndOpensTheCaseWithItsBlanketConsent() {
        certified(TODAY.plusDays(30));
        inCharge("43");
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer,
                renewal(), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String application = sent.json().get("location").asString();
        ApiClient.Response again = send(careManager, "certification-application", "municipality", insurer, renewal(),
                null);
        assertThat(again.json().get("duplicate").asBoolean()).as("a double submit is the same application").isTrue();
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer,
                with(renewal(), "surveyNotes", "午後を希望"), null))).as("A3: a second, different application")
                .isEqualTo("403:ALREADY_OPEN");

        ApiClient officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        assertThat(outcome(officer.post(application + "/accept", ""))).as("read before accepted")
                .isEqualTo("409:wrong-status");
        assertThat(officer.get(application).status()).isEqualTo(200);
        assertThat(officer.post(application + "/accept", "").json().get("status").asString()).isEqualTo("accepted");
        assertThat(sql.sql("select application_type || ':' || status from certification.cases where insurer_no = :i")
                .param("i", insurer).query(String.class).list()).containsExactly("2:open");
        assertThat(sql.sql("""
                select history_no || ':' || progress || ':' || source || ':' || applied_on
                  from certification.certification_records where insurer_no = :i and current order by history_no
                """).param("i", insurer).query(String.class).list())
                .containsExactly("1:6:file:2026-04-01", "2:1:online:" + TODAY);
        assertThat(sql.sql("select count(*) from consent.decisions where insurer_no = :i and insured_no = :p")
                .param("i", insurer).param("p", PERSON).query(Integer.class).single())
                .as("the 包括同意 of the 更新申請").isEqualTo(1);
        assertThat(outcome(officer.post(application + "/accept", ""))).as("accepting twice opens nothing more")
                .isEqualTo("409:terminal-status");
        assertThat(sql.sql("select count(*) from certification.cases where insurer_no = :i").param("i", insurer)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer,
                with(renewal(), "surveyNotes", "午後を希望"), null))).as("A3: the case is open")
                .isEqualTo("403:ALREADY_OPEN");
    }

    @Test
    void theSocialWorkerOfTheCentreInChargeAppliesAndItsClerkMayNot() {
        inCharge("46");
        ApiClient clerkOfCentre = staffOf(office, "centre.clerk", "CLERK");
        assertThat(outcome(send(clerkOfCentre, "certification-application", "municipality", insurer, application(), null)))
                .as("S3: not a job that does 代行").startsWith("403:");
        ApiClient socialWorker = staffOf(office, "social.worker", "SOCIAL_WORKER");
        ApiClient.Response sent = send(socialWorker, "certification-application", "municipality", insurer, application(),
                null);
        assertThat(sent.status()).as("S3: the 地域包括支援センター in charge (46), its 社会福祉士").isEqualTo(201);
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void theWishToGetTheResultOnPaperIsRecordedWhenTheApplicationIsAccepted() {
        certified(TODAY.plusDays(30));
        inCharge("43");
        ApiClient.Response sent = send(careManager, "certification-application", "municipality", insurer,
                with(renewal(), "resultByPaper", "1"), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String application = sent.json().get("location").asString();
        assertThat(paperChoice()).as("nothing before the municipality accepts the application").isEmpty();

        ApiClient officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        assertThat(officer.get(application).status()).isEqualTo(200);
        assertThat(officer.post(application + "/accept", "").json().get("status").asString()).isEqualTo("accepted");
        assertThat(paperChoice()).as("the result notice will also go on the municipality's print list")
                .containsExactly("true:municipality");
    }

    private java.util.List<String> paperChoice() {
        return sql.sql("select paper || ':' || recorded_by from notification.preferences where insurer_no = :i"
                + " and insured_no = :p").param("i", insurer).param("p", PERSON).query(String.class).list();
    }

    @Test
    void whatMayBeAppliedForFollowsTheCertificationInForce() {
        inCharge("43");
        certified(TODAY.plusDays(90));
        ApiClient.Response early = send(careManager, "certification-application", "municipality", insurer, renewal(),
                null);
        assertThat(outcome(early)).isEqualTo("403:RENEWAL_NOT_YET");
        assertThat(early.json().get("detail").asString()).as("names the first possible day")
                .contains(TODAY.plusDays(30).toString());
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer, application(), null)))
                .as("A4: 新規 while certified").isEqualTo("403:USE_UPDATE_OR_CHANGE");
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer,
                with(application(), "applicationType", "3", "changeReason", "状態が悪化したため"), null)))
                .as("区分変更 while certified").isEqualTo("201");
        assertThat(audited("certification.apply")).containsExactly("office:" + officeNo + ":deny:RENEWAL_NOT_YET",
                "office:" + officeNo + ":deny:USE_UPDATE_OR_CHANGE", "office:" + officeNo + ":permit:APPLICABLE");
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void refusesAnotherMunicipalityAnOfficeInChargeOnlyForHomeHelpAndASecondInsuredWithoutTheirDisease() {
        inCharge("11");
        assertThat(outcome(send(careManager, "certification-application", "municipality", insurer, application(), null)))
                .as("S4: 代行 only by care management in charge").isEqualTo("403:NOT_IN_CHARGE");
        inCharge("43");
        String other = MunicipalityFiles.newInsurerNumber();
        MunicipalityFiles.register(municipality(other), other);
        assertThat(outcome(send(careManager, "certification-application", "municipality", other, application(), null)))
                .as("S5: another municipality").isEqualTo("403:OTHER_INSURER");

        String second = "0000000002";
        String born = TODAY.minusYears(56).toString();
        ApiClient.Response uploaded = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, BORN, null) + "\n"
                + insuredRow(insurer, second, 1, "2020-04-01", null, born, null)
                        .replace(",1,2005-04-01,", ",2,2020-04-01,") + "\n"); // 第2号被保険者 since 2020
        assertThat(uploaded.json().get("inserted").asLong()).as(uploaded.body()).isEqualTo(1);
        registerInCharge(careManager, second, born, "43", TODAY.minusDays(20).toString());
        ApiClient.Response noDisease = send(careManager, "certification-application", "municipality", insurer, second,
                with(application(), "medicalInsurer", "全国健康保険協会", "medicalInsuredSymbol", "123-45"), null);
        assertThat(noDisease.status()).as(noDisease.body()).isEqualTo(400);
        assertThat(noDisease.json().get("errors").get(0).get("field").asString()).isEqualTo("specificDisease");
        assertThat(send(careManager, "certification-application", "municipality", insurer, second,
                with(application(), "medicalInsurer", "全国健康保険協会", "medicalInsuredSymbol", "123-45",
                        "specificDisease", "13"), null).status()).isEqualTo(201);
        assertThat(documents()).isEqualTo(1);
    }

    /** The person's 認定 要介護3 from the file interface, its 有効期間 ending on the day. */
    private void certified(LocalDate validTo) {
        var report = api.uploadPartialCsv(insurer, "certification", "full",
                "insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,progress,opinionInstitution,"
                        + "opinionRequestedOn,firstJudgement,standardMinutes,minutesMeal,score1,result,certifiedOn,"
                        + "certValidFrom,certValidTo\n"
                        + String.join(",", insurer, PERSON, "1", "2026-04-01", "2", "2026-04-01", "6", clinicCode,
                                "2026-04-02", "22", "68.4", "21.2", "55.0", "23", "2026-05-10",
                                validTo.minusYears(1).toString(), validTo.toString()) + "\n").json();
        assertThat(report.get("inserted").asLong()).as(report.toString()).isEqualTo(1);
    }

    private Map<String, String> renewal() {
        return with(application(), "applicationType", "2");
    }

    private static Map<String, String> with(Map<String, String> values, String... keysAndValues) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(values);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }
}
