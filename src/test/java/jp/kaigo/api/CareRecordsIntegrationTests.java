package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 要介護認定 records from the municipality's files, read by the right parties only: the office in charge
 * with consent (assessments only by its care manager), the medical institution asked for the 意見書, the
 * municipality, the person; consent withdrawal, the end of the relationship and 資格喪失 apply at once.
 */
class CareRecordsIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final AtomicInteger NEXT_INSTITUTION = new AtomicInteger();
    /** The institution asked for this test's person's 意見書 (a new one per test: its first administrator is enrolled once). */
    private final String DOCTOR_INSTITUTION = MedicalInstitutionCode.withCheckDigit(
            "4713" + String.format("%05d", NEXT_INSTITUTION.getAndIncrement())).value();
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient sql;
    /** The office's care manager (介護支援専門員), signed in. */
    ApiClient careManager;

    @BeforeEach
    void setUpPersonWithCertification() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        JsonNode report = api.uploadPartialCsv(insurer, "certification", "full",
                "insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,progress,opinionInstitution,"
                        + "opinionRequestedOn,firstJudgement,standardMinutes,minutesMeal,score1,result,certifiedOn,"
                        + "certValidFrom,certValidTo\n"
                        + String.join(",", insurer, PERSON, "1", "2026-04-01", "2", "2026-04-01", "6", DOCTOR_INSTITUTION,
                                TODAY.minusDays(10).toString(), "22", "68.4", "21.2", "55.0", "23", "2026-05-10", "2026-06-01", "2027-05-31")
                        + "\n"
                        // 認定 without its result: refused with the field and the line
                        + String.join(",", insurer, "0000000002", "1", "2026-04-01", "1", "2026-04-01", "6", "", "", "",
                                "", "", "", "", "", "", "") + "\n"
                        + String.join(",", insurer, "0000000003", "1", "2026-04-01", "1", "2026-04-01", "5", "", "", "",
                                "68,4", "", "", "", "", "", "") + "\n").json();
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("result");
        assertThat(report.get("rejections").get(1).get("line").asLong()).isEqualTo(4);
        String items = IntStream.rangeClosed(1, 74).mapToObj(i -> "item%02d".formatted(i)).collect(Collectors.joining(","));
        String answers = IntStream.rangeClosed(1, 74).mapToObj(i -> i == 14 ? "2" : "1").collect(Collectors.joining(","));
        assertThat(api.uploadPartialCsv(insurer, "care-survey", "full", "insurerNo,insuredNo,historyNo,validFrom,surveyedOn,"
                + items + ",notes\n" + String.join(",", insurer, PERSON, "1", "2026-04-10", "2026-04-10", answers,
                "夜間に一人で歩こうとする") + "\n").json().get("inserted").asLong()).isEqualTo(1);
        assertThat(api.uploadPartialCsv(insurer, "doctor-opinion", "full", "insurerNo,insuredNo,historyNo,validFrom,"
                + "institutionCode,doctorName,writtenOn,diagnosis1,shortTermMemory\n" + String.join(",", insurer, PERSON,
                "1", "2026-04-20", DOCTOR_INSTITUTION, "医師 一郎", "2026-04-20", "アルツハイマー型認知症", "2") + "\n")
                .json().get("inserted").asLong()).isEqualTo(1);
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
    }

    private String path(String category) {
        return "/api/records/" + insurer + "/" + PERSON + "/" + category;
    }

    /** The status and, for a denial, the reason code. */
    /** Waits until the platform has delivered every alert published so far (the listener runs after the commit). */
    private void awaitAlertsDelivered() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sql.sql("""
                select count(*) from public.event_publication where completion_date is null
                   and event_type in ('jp.kaigo.shared.OrganisationFirstAccess', 'jp.kaigo.shared.EmergencyOpened')
                """).query(Integer.class).single() == 0);
    }

    /** The person's alerts of the kind, each as the organisation's kind and number. */
    private List<String> alerts(String kind) {
        return sql.sql("""
                select params ->> 'organisationKind' || ':' || (params ->> 'organisationNumber') from notification.notices
                 where insurer_no = :i and insured_no = :p and kind = :k order by created_at
                """).param("i", insurer).param("p", PERSON).param("k", kind).query(String.class).list();
    }

    private static String outcome(ApiClient.Response response) {
        return response.status() == 200 ? "200" : response.status() + ":" + response.json().path("reason").asString();
    }

    /** 資格確認 by numbers, then registration as 担当事業所; returns the relationship's ID. */
    private String registerInCharge(String serviceType) {
        return registerInCharge(careManager, PERSON, "1940-05-06", serviceType, TODAY.minusDays(20).toString());
    }

    private void blanketConsent() {
        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"更新申請\"}").status()).isEqualTo(201);
    }

    private ApiClient personSignedIn() throws Exception {
        SimulatedCard card = jlis.issueCard();
        assertThat(atCounter(card, PERSON, null).status()).isEqualTo(201);
        return PersonCards.signedIn(ApiClient.anonymous(pki, port), card);
    }

    @Test
    void theOfficeInChargeSeesWithConsentUntilThePersonWithdrawsIt() throws Exception {
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("403:NOT_INVOLVED");
        registerInCharge("43");
        ApiClient.Response noConsent = careManager.get(path("certification"));
        assertThat(outcome(noConsent)).isEqualTo("403:NO_CONSENT");
        assertThat(noConsent.json().get("detail").asString()).isEqualTo("本人の同意がありません");
        assertThat(noConsent.body()).doesNotContain("2026-05-10");

        blanketConsent();
        JsonNode certification = careManager.get(path("certification")).json();
        assertThat(certification.get("reason").asString()).isEqualTo("CONSENTED");
        JsonNode record = certification.get("records").get(0);
        assertThat(record.get("progressName").asString()).isEqualTo("認定");
        assertThat(record.get("resultName").asString()).isEqualTo("要介護3");
        assertThat(record.get("standardMinutes").asString()).isEqualTo("68.4");
        assertThat(record.get("score1").asString()).isEqualTo("55.0");
        JsonNode survey = careManager.get(path("care-survey")).json().get("records").get(0);
        assertThat(survey.get("item14Name").asString()).isEqualTo("何かにつかまればできる");
        assertThat(careManager.get(path("doctor-opinion")).json().get("records").get(0).get("shortTermMemoryName")
                .asString()).isEqualTo("問題あり");
        assertThat(outcome(careManager.get(path("burden-ratio")))).isEqualTo("200");
        // the office's clerk (its administrator) sees the certificates and 給付実績, not the assessments
        assertThat(outcome(office.get(path("insurance-card")))).isEqualTo("200");
        api.uploadPartialCsv(insurer, "claims", "full", "insurerNo,insuredNo,historyNo,validFrom,serviceMonth,officeNo,"
                + "serviceType,units,insuranceClaim,userCharge\n" + String.join(",", insurer, PERSON, "1", "2026-10-01",
                "2026-10", officeNo, "43", "1421", "14210", "0") + "\n");
        JsonNode claim = office.get(path("claims")).json().get("records").get(0);
        assertThat(claim.get("serviceTypeName").asString()).isEqualTo("居宅介護支援");
        assertThat(claim.get("units").asInt()).isEqualTo(1421);
        assertThat(outcome(office.get(path("care-survey")))).isEqualTo("403:CLERK");
        awaitAlertsDelivered();
        assertThat(alerts("first-access")).as("the person is told once of the office's first look, however many follow")
                .containsExactly("office:" + officeNo);

        ApiClient me = personSignedIn();
        assertThat(me.get("/api/person/records/certification").json().get("reason").asString()).isEqualTo("SELF");
        assertThat(me.post("/api/person/consents", "{\"partyKind\":\"office\",\"partyNumber\":\"" + officeNo
                + "\",\"decision\":\"refuse\"}").status()).isEqualTo(201);
        assertThat(outcome(careManager.get(path("certification")))).as("the very next request")
                .isEqualTo("403:REFUSED");
        assertThat(outcome(newSignedInOffice().get(path("insurance-card")))).as("another office, not in charge")
                .isEqualTo("403:NOT_INVOLVED");
        awaitAlertsDelivered();
        assertThat(alerts("first-access")).as("a refused look is no look").containsExactly("office:" + officeNo);
        assertThat(me.get("/api/person/consents").json()).hasSize(2);

        List<String> accesses = new ArrayList<>();
        me.get("/api/person/accesses").json().forEach(a -> accesses.add(a.get("event").asString() + "/"
                + a.path("actorNumber").asString() + "/" + a.path("staffJob").asString() + "/" + a.get("outcome").asString()));
        assertThat(accesses).contains("disclosure/" + officeNo + "/CARE_MANAGER/permit:CONSENTED",
                "disclosure/" + officeNo + "/CARE_MANAGER/deny:REFUSED", "disclosure/" + officeNo + "/CLERK/deny:CLERK");
    }

    @Test
    void assessmentsOnlyForTheCareManagerOfTheCarePlanningOffice() {
        registerInCharge("11");
        blanketConsent();
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("200");
        assertThat(outcome(careManager.get(path("care-survey")))).isEqualTo("403:CARE_MANAGER_ONLY");
        registerInCharge("43");
        assertThat(outcome(careManager.get(path("care-survey")))).isEqualTo("200");
    }

    @Test
    void assessmentsNeedTheCareManagersRegistrationAttestedAndInForce() throws Exception {
        registerInCharge("43");
        blanketConsent();
        ApiClient.Response created = office.post("/api/staff", "{\"loginId\":\"new.cm\",\"password\":\""
                + STAFF_PASSWORD + "\",\"jobType\":\"CARE_MANAGER\"}");
        ApiClient unattested = signedIn(office.withToken(null), "new.cm",
                org.bouncycastle.util.encoders.Base32.decode(created.json().get("totpSecret").asString()));
        assertThat(outcome(unattested.get(path("care-survey")))).as("the job alone").isEqualTo("403:CARE_MANAGER_ONLY");
        assertThat(outcome(unattested.get(path("certification")))).isEqualTo("200");
        assertThat(office.post("/api/staff/new.cm/qualifications", "{\"qualification\":\"CARE_MANAGER\",\"number\":\"47001234\","
                + "\"validUntil\":\"" + TODAY.plusYears(5) + "\"}").status()).isEqualTo(201);
        assertThat(careManager.post("/api/staff/new.cm/qualifications", "{\"qualification\":\"CARE_MANAGER\","
                + "\"number\":\"47001234\",\"validUntil\":\"" + TODAY.plusYears(5) + "\"}").status())
                .as("only the administrator attests").isEqualTo(403);
        assertThat(outcome(unattested.get(path("care-survey")))).as("attested by the administrator").isEqualTo("200");
        assertThat(office.post("/api/staff/new.cm/qualifications/CARE_MANAGER/revoke", "").status()).isEqualTo(204);
        assertThat(outcome(unattested.get(path("care-survey")))).as("withdrawn").isEqualTo("403:CARE_MANAGER_ONLY");
        assertThat(office.post("/api/staff/new.cm/qualifications", "{\"qualification\":\"CARE_MANAGER\",\"number\":\"47001234\","
                + "\"validUntil\":\"" + TODAY.plusYears(5) + "\"}").status()).isEqualTo(201);
        assertThat(outcome(unattested.get(path("care-survey")))).as("attested again").isEqualTo("200");

        // the registration card expires: it no longer counts
        try (Connection owner = dataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("reset role");
            try {
                sql.execute("update identity.staff_qualifications set valid_until = current_date - 1 where number = '47001234'");
            } finally {
                sql.execute("set role kaigo_app");
            }
        }
        Thread.sleep(5_100); // a token check is trusted for 5 s in the tests (kaigo.staff.token-recheck)
        assertThat(outcome(unattested.get(path("care-survey")))).isEqualTo("403:CARE_MANAGER_ONLY");

        // who looked, pinned to the account: the office's administrator and the municipality see it
        JsonNode log = office.get("/api/staff/access-log").json();
        assertThat(log.toString()).contains("\"staffId\":").contains("\"qualification\":\"介護支援専門員\"");
        assertThat(careManager.get("/api/staff/access-log").status()).isEqualTo(403);
        JsonNode investigation = clerk().post("/api/insured/investigation", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"" + PERSON + "\"}").json();
        String staffId = investigation.get(0).path("staffId").asString();
        assertThat(staffId).isNotBlank();
        assertThat(clerk().get("/api/municipalities/" + insurer + "/investigations/staff/" + staffId).json())
                .isNotEmpty();
        // the operator's staff investigate across municipalities; a municipality cannot use the operator's reports
        ApiClient operatorTerminal = client(Party.operator(String.valueOf(System.nanoTime() % 1_000_000_000L)));
        ApiClient operator = signedIn(operatorTerminal, "auditor", enrolFirstAdmin(operatorTerminal, "auditor"));
        assertThat(operator.get("/api/operator/investigations/staff/" + staffId).json()).isNotEmpty();
        assertThat(operator.post("/api/operator/investigations/person", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"" + PERSON + "\"}").json().toString()).contains(staffId);
        assertThat(operator.get(path("certification")).status()).as("the operator reads no records").isEqualTo(403);
        assertThat(clerk().get("/api/operator/investigations/staff/" + staffId).status()).isEqualTo(403);
    }

    @Test
    void medicalInstitutionsMunicipalitiesAndThePersonSeeWhatTheRulesAllow() throws Exception {
        // a second opinion, by another institution
        String otherDoctor = MedicalInstitutionCode.withCheckDigit("471303333").value();
        api.uploadPartialCsv(insurer, "doctor-opinion", "differential", "処理区分,insurerNo,insuredNo,historyNo,validFrom,"
                + "institutionCode,doctorName,writtenOn\n" + String.join(",", "1", insurer, PERSON, "2", "2026-09-01",
                otherDoctor, "医師 二郎", "2026-09-01") + "\n");
        ApiClient doctor = staffOf(newSignedIn(Party.medicalInstitution(DOCTOR_INSTITUTION)), "doctor", "DOCTOR");
        JsonNode own = doctor.get(path("doctor-opinion")).json().get("records");
        assertThat(own).as("only its own opinion").hasSize(1);
        assertThat(own.get(0).get("institutionCode").asString()).isEqualTo(DOCTOR_INSTITUTION);
        assertThat(outcome(doctor.get(path("certification")))).as("asked for the 意見書, no consent needed")
                .isEqualTo("200");
        assertThat(outcome(doctor.get(path("burden-ratio")))).isEqualTo("403:NOT_FOR_MEDICAL");
        assertThat(outcome(doctor.get(path("care-survey")))).isEqualTo("403:CARE_MANAGER_ONLY");
        String otherCode = MedicalInstitutionCode.withCheckDigit("471302222").value();
        ApiClient otherHospital = staffOf(newSignedIn(Party.medicalInstitution(otherCode)), "doctor", "DOCTOR");
        assertThat(outcome(otherHospital.get(path("insurance-card")))).isEqualTo("403:NOT_INVOLVED");
        blanketConsent();
        assertThat(outcome(otherHospital.get(path("insurance-card")))).as("the 包括同意 covers only those involved")
                .isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(doctor.get(path("care-plan")))).as("the institution asked, under the 包括同意").isEqualTo("200");
        ApiClient me = personSignedIn();
        assertThat(me.post("/api/person/consents", "{\"partyKind\":\"medical-institution\",\"partyNumber\":\""
                + otherCode + "\",\"decision\":\"give\"}").status()).isEqualTo(201);
        assertThat(outcome(otherHospital.get(path("insurance-card")))).as("consent naming it").isEqualTo("200");
        assertThat(outcome(otherHospital.get(path("burden-ratio")))).isEqualTo("403:NOT_FOR_MEDICAL");
        assertThat(outcome(otherHospital.get(path("doctor-opinion")))).isEqualTo("403:CARE_MANAGER_ONLY");

        assertThat(outcome(clerk().get(path("care-survey")))).isEqualTo("200");
        assertThat(clerk().get(path("doctor-opinion")).json().get("records")).as("the municipality sees both").hasSize(2);
        String otherInsurer = MunicipalityFiles.newInsurerNumber();
        ApiClient otherMunicipality = municipality(otherInsurer);
        assertThat(outcome(otherMunicipality.get(path("care-survey")))).as("a certificate alone reads nothing")
                .isEqualTo("401:");
        assertThat(outcome(signedIn(otherMunicipality, "clerk", enrolFirstAdmin(otherMunicipality, "clerk"))
                .get(path("care-survey")))).isEqualTo("403:OTHER_INSURER");

        JsonNode overview = careManager.get("/api/records/" + insurer + "/" + PERSON).json();
        assertThat(overview).as("every category a record module holds (the 審査会資料 and 入退院時の情報連携 are documents,"
                + " not records)").hasSize(InformationCategory.values().length - 2);
        assertThat(overview.get(0).get("category").asString()).isEqualTo("insurance-card");
        overview.forEach(d -> assertThat(d.get("reason").asString()).isEqualTo("NOT_INVOLVED"));
    }

    @Test
    void theEndOfTheRelationshipAndLossOfQualificationApplyAtOnce() {
        registerInCharge("43");
        blanketConsent();
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("200");
        assertThat(api.uploadCsv(insurer, "insured", "differential", "処理区分," + INSURED_HEADER + "\n" + "2,"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", "2026-06-30") + "\n").json()
                .get("updated").asLong()).isEqualTo(1);
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("403:QUALIFICATION_LOST");
        assertThat(outcome(clerk().get(path("certification")))).as("the municipality still sees").isEqualTo("200");
    }

    @Test
    void relationshipEndedByTheOfficeAppliesAtOnce() {
        String id = registerInCharge("43");
        blanketConsent();
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("200");
        assertThat(careManager.get(path("no-such-category")).status()).isEqualTo(400);
        assertThat(careManager.post("/api/relationships/" + id + "/end", "{\"endDate\":\"" + TODAY.minusDays(1) + "\"}").status())
                .isEqualTo(204);
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void breakGlassIsOneStaffMembersWithinTheJobRulesAndNeverAgainstARefusal() throws Exception {
        String id = registerInCharge("43");
        ApiClient nurse = staffOf(office, "nurse", "NURSE");
        assertThat(outcome(nurse.get(path("certification")))).isEqualTo("403:NO_CONSENT");
        String emergency = "/api/records/" + insurer + "/" + PERSON + "/emergency";
        assertThat(nurse.post(emergency, "{\"reason\":\"急変\"}").status()).as("a reason is required").isEqualTo(400);
        JsonNode opening = nurse.post(emergency, "{\"reason\":\"訪問時に意識低下、救急搬送先へ要介護度と主治医を伝えるため\"}").json();
        assertThat(opening.get("staffJob").asString()).isEqualTo("NURSE");
        awaitAlertsDelivered();
        assertThat(alerts("break-glass")).as("the person is told of the opening at once").containsExactly("office:" + officeNo);
        assertThat(outcome(nurse.get(path("certification")))).isEqualTo("200");
        assertThat(nurse.get(path("certification")).json().get("reason").asString()).isEqualTo("BREAK_GLASS");
        assertThat(outcome(nurse.get(path("doctor-opinion")))).as("the job rules still hold").isEqualTo("403:CARE_MANAGER_ONLY");
        assertThat(outcome(office.get(path("certification")))).as("not the whole organisation").isEqualTo("403:CLERK");
        assertThat(outcome(careManager.get(path("certification")))).as("not a colleague").isEqualTo("403:NO_CONSENT");
        assertThat(outcome(nurse.get(path("burden-limit")))).as("not the 負担限度額").isEqualTo("403:BURDEN_LIMIT_CONSENT");

        // a stranger office may not open at all
        ApiClient strangerNurse = staffOf(newSignedInOffice(), "nurse", "NURSE");
        assertThat(strangerNurse.post(emergency, "{\"reason\":\"訪問時に意識低下、救急搬送先へ伝えるため\"}").status())
                .isEqualTo(403);

        JsonNode toReview = clerk().get("/api/municipalities/" + insurer + "/emergency-openings").json();
        assertThat(toReview).hasSize(1);
        ApiClient me = personSignedIn();
        assertThat(me.get("/api/person/emergency-openings").json().get(0).get("reason").asString()).contains("救急搬送");
        assertThat(clerk().post("/api/municipalities/" + insurer + "/emergency-openings/"
                + opening.get("openingId").asString() + "/review", "{\"note\":\"救急隊からの要請を確認\"}").status())
                .isEqualTo(204);
        assertThat(clerk().get("/api/municipalities/" + insurer + "/emergency-openings").json()).isEmpty();

        // the person's refusal holds against break-glass
        assertThat(me.post("/api/person/consents", "{\"partyKind\":\"office\",\"partyNumber\":\"" + officeNo
                + "\",\"decision\":\"refuse\"}").status()).isEqualTo(201);
        assertThat(outcome(nurse.get(path("certification")))).isEqualTo("403:REFUSED");
        // a relationship ended recently still allows an opening
        assertThat(careManager.post("/api/relationships/" + id + "/end", "{\"endDate\":\"" + TODAY.minusDays(1) + "\"}")
                .status()).isEqualTo(204);
        assertThat(outcome(careManager.get(path("insurance-card")))).isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void inADisasterTheNamedOrganisationsMayOpenEvenWithoutARelationship() throws Exception {
        ApiClient clerk = clerk();
        ApiClient shelterOffice = newSignedInOffice();
        ApiClient shelterNurse = staffOf(shelterOffice, "nurse", "NURSE");
        String shelter = shelterNurse.get("/api/staff/me").json().get("organisation").asString().substring("office:".length());
        String emergency = "/api/records/" + insurer + "/" + PERSON + "/emergency";
        String reason = "{\"reason\":\"避難所で体調悪化、服薬と要介護度を確認するため\"}";
        assertThat(shelterNurse.post(emergency, reason).status()).isEqualTo(403);
        String declare = "{\"area\":\"○○町全域(災害救助法適用)\",\"validFrom\":\"" + TODAY + "\",\"validTo\":\""
                + TODAY.plusDays(14) + "\",\"parties\":[{\"kind\":\"office\",\"number\":\"" + shelter + "\"}]}";
        assertThat(api.post("/api/municipalities/" + insurer + "/disaster-modes", declare).status())
                .as("a municipal staff member declares it, not the certificate alone").isEqualTo(401);
        String disaster = clerk.post("/api/municipalities/" + insurer + "/disaster-modes", declare).json()
                .get("disasterId").asString();
        ApiClient me = personSignedIn();
        me.post("/api/person/consents", "{\"decision\":\"refuse\"}");
        assertThat(shelterNurse.post(emergency, reason).status()).isEqualTo(201);
        assertThat(outcome(shelterNurse.get(path("certification")))).as("a disaster overrides even a refusal")
                .isEqualTo("200");
        assertThat(outcome(shelterNurse.get(path("care-survey")))).isEqualTo("403:CARE_MANAGER_ONLY");
        assertThat(clerk.post("/api/municipalities/" + insurer + "/disaster-modes/" + disaster + "/end", "").status())
                .isEqualTo(204);
        assertThat(outcome(shelterNurse.get(path("certification")))).as("ended with the disaster mode")
                .isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void theInstitutionAskedForTheOpinionSeesUntilThirtyDaysAfterItArrived() {
        ApiClient doctor = staffOf(newSignedIn(Party.medicalInstitution(DOCTOR_INSTITUTION)), "doctor", "DOCTOR");
        assertThat(outcome(doctor.get(path("certification")))).isEqualTo("200");
        String header = "処理区分,insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,progress,"
                + "opinionInstitution,opinionRequestedOn,opinionReceivedOn,firstJudgement,standardMinutes,result,"
                + "certifiedOn,certValidFrom,certValidTo\n";
        api.uploadPartialCsv(insurer, "certification", "differential", header + String.join(",", "2", insurer, PERSON, "1",
                "2026-04-01", "2", "2026-04-01", "6", DOCTOR_INSTITUTION, TODAY.minusDays(60).toString(),
                TODAY.minusDays(40).toString(), "22", "68.4", "23", "2026-05-10", "2026-06-01", "2027-05-31") + "\n");
        assertThat(outcome(doctor.get(path("certification")))).isEqualTo("403:NOT_INVOLVED");
        assertThat(outcome(doctor.get(path("doctor-opinion")))).isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void aRefusalHoldsAgainstTheInstitutionAskedForTheOpinionButForItsOwnOpinion() throws Exception {
        ApiClient doctor = staffOf(newSignedIn(Party.medicalInstitution(DOCTOR_INSTITUTION)), "doctor", "DOCTOR");
        assertThat(outcome(doctor.get(path("certification")))).isEqualTo("200");
        personSignedIn().post("/api/person/consents", "{\"partyKind\":\"medical-institution\",\"partyNumber\":\""
                + DOCTOR_INSTITUTION + "\",\"decision\":\"refuse\"}");
        assertThat(outcome(doctor.get(path("certification")))).isEqualTo("403:REFUSED");
        assertThat(outcome(doctor.get(path("doctor-opinion")))).as("the 意見書 it wrote").isEqualTo("200");
    }

    @Test
    void aRelationshipGrantsNothingBeforeItsStartDate() {
        registerInCharge(careManager, PERSON, "1940-05-06", "43", TODAY.plusDays(10).toString());
        blanketConsent();
        assertThat(outcome(careManager.get(path("certification")))).isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void theBurdenLimitNeedsThePersonsOwnConsentNotTheBlanketOne() throws Exception {
        registerInCharge("43");
        blanketConsent();
        assertThat(outcome(careManager.get(path("burden-ratio")))).isEqualTo("200");
        assertThat(outcome(careManager.get(path("burden-limit")))).isEqualTo("403:BURDEN_LIMIT_CONSENT");
        personSignedIn().post("/api/person/consents", "{\"partyKind\":\"office\",\"partyNumber\":\"" + officeNo
                + "\",\"category\":\"burden-limit\",\"decision\":\"give\"}");
        assertThat(outcome(careManager.get(path("burden-limit")))).isEqualTo("200");
    }

    @Test
    void searchAndCountShowOnlyWhatTheDecisionPermits() throws Exception {
        registerInCharge("43");
        String search = "/api/records/search?category=certification";
        assertThat(careManager.get(search).json().get("count").asInt()).as("no consent yet").isZero();
        blanketConsent();
        JsonNode found = careManager.get(search).json();
        assertThat(found.get("count").asInt()).isEqualTo(1);
        assertThat(found.get("results").get(0).get("insuredNo").asString()).isEqualTo(PERSON);
        assertThat(careManager.get(search + "&careLevel=23").json().get("count").asInt()).isEqualTo(1);
        assertThat(careManager.get(search + "&careLevel=21").json().get("count").asInt()).isZero();
        assertThat(careManager.get(search + "&expiringWithinDays=60").json().get("count").asInt())
                .as("valid until 2027-05-31").isZero();
        assertThat(careManager.get(search + "&expiringWithinDays=366").json().get("count").asInt()).isEqualTo(1);
        assertThat(careManager.get("/api/records/search?category=life&expiringWithinDays=60").status()).isEqualTo(400);
        String export = careManager.get("/api/records/export?category=certification").body();
        assertThat(export).startsWith("\uFEFFinsurerNo,insuredNo,recordType,historyNo").contains("progressName")
                .contains(insurer + "," + PERSON + ",\"certification\"");

        personSignedIn().post("/api/person/consents", "{\"partyKind\":\"office\",\"partyNumber\":\"" + officeNo
                + "\",\"category\":\"certification\",\"decision\":\"refuse\"}");
        assertThat(careManager.get(search).json().get("count").asInt()).as("withdrawn: not counted").isZero();
        assertThat(careManager.get("/api/records/export?category=certification").body()).as("nor exported")
                .isEqualTo("\uFEFFinsurerNo,insuredNo\r\n");
    }

    /** A new organisation's terminal with its administrator signed in. */
    private ApiClient newSignedIn(Party party) {
        ApiClient terminal = client(party);
        return signedIn(terminal, "admin", enrolFirstAdmin(terminal, "admin"));
    }
}
