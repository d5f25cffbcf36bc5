package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.registry.ReimbursementTotals;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 福祉用具購入・住宅改修の償還払い積算額 (別紙02 ●(保→介); I17 §4) over the API: the municipality's 利用情報 imported through
 * its file interface, read through the access decision by the care manager of the office in charge (with what is used
 * and left of each limit), refused to an office not in charge and to an office in charge only for 訪問介護, read by the
 * person; every read audited with the individual who asked.
 */
class ReimbursementIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final String BIRTH = "1940-05-06";
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    JdbcClient sql;
    ApiClient careManager;

    /**
     * A 住宅改修 of 200,000 円 long ago, then, after a 転居, one of 45,000 円 (the count restarted); 福祉用具 bought on the last
     * day of the previous 年度 (90,000 円, not counted), on the first day of this 年度 (30,000 円) and today (累計 55,000 円).
     */
    @BeforeEach
    void aPersonWithTheirUses() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, BIRTH, null) + "\n");
        LocalDate yearStart = LocalDate.of(ReimbursementTotals.fiscalYear(TODAY), 4, 1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        String moved = TODAY.minusDays(30).toString();
        JsonNode homes = api.uploadPartialCsv(insurer, "home-modification", "full",
                "insurerNo,insuredNo,historyNo,validFrom,startedOn,cost,paid,countedTotal,resetReason\n"
                        + String.join(",", insurer, PERSON, "1", "2024-10-01", "2024-10-01", "260000", "180000",
                                "200000", "0") + "\n"
                        + String.join(",", insurer, PERSON, "2", moved, moved, "45000", "40500", "45000", "1") + "\n")
                .json();
        assertThat(homes.get("inserted").asLong()).as(homes.toString()).isEqualTo(2);
        String header = "insurerNo,insuredNo,historyNo,validFrom,validTo,purchasedOn,item,cost,paid,yearTotal\n";
        JsonNode purchases = api.uploadPartialCsv(insurer, "welfare-equipment", "full", header
                + purchase(1, yearStart.minusDays(1), yearStart.minusDays(1), "90000")
                + purchase(2, yearStart, yearEnd, "30000")
                + purchase(3, TODAY, yearEnd, "55000")).json();
        assertThat(purchases.get("inserted").asLong()).as(purchases.toString()).isEqualTo(3);
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
        registerInCharge(careManager, PERSON, BIRTH, "43", TODAY.minusDays(20).toString());
        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"更新申請\"}").status()).isEqualTo(201);
    }

    private String purchase(int history, LocalDate on, LocalDate validTo, String yearTotal) {
        return String.join(",", insurer, PERSON, String.valueOf(history), on.toString(), validTo.toString(), on.toString(),
                "04", yearTotal, String.valueOf(Integer.parseInt(yearTotal) * 9 / 10), yearTotal) + "\n";
    }

    private String path() {
        return "/api/records/" + insurer + "/" + PERSON + "/reimbursement";
    }

    @Test
    void theCareManagerInChargeSeesWhatIsUsedAndLeftAndOfficesNotGivenItAreRefused() throws Exception {
        ApiClient.Response read = careManager.get(path());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("records")).as("every 住宅改修 and 福祉用具 record").hasSize(5);
        assertTotals(read.json().get("totals"));
        awaitAudit(officeNo, "permit:CONSENTED");
        assertThat(sql.sql("select count(*) from audit.entries where person_insurer = :i and person_insured = :p"
                + " and subject = :s and actor_number = :o and staff_job = 'CARE_MANAGER' and staff_id is not null")
                .param("i", insurer).param("p", PERSON).param("s", InformationCategory.REIMBURSEMENT.label())
                .param("o", officeNo).query(Integer.class).single()).as("the individual who asked").isPositive();

        String otherNo = newOfficeNumber();
        designate(otherNo);
        ApiClient otherTerminal = client(Party.office(otherNo));
        ApiClient notInCharge = signedIn(otherTerminal, "admin", enrolFirstAdmin(otherTerminal, "admin"));
        ApiClient.Response refused = notInCharge.get(path());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asString()).isEqualTo("NOT_INVOLVED");
        assertThat(refused.body()).as("nothing disclosed").doesNotContain("45000", "55000", "countedTotal", "yearTotal");
        awaitAudit(otherNo, "deny:NOT_INVOLVED");

        String helperNo = newOfficeNumber();
        designate(helperNo);
        ApiClient helperTerminal = client(Party.office(helperNo));
        ApiClient helper = signedIn(helperTerminal, "admin", enrolFirstAdmin(helperTerminal, "admin"));
        registerInCharge(helper, PERSON, BIRTH, "11", TODAY.minusDays(5).toString());
        ApiClient.Response homeHelp = helper.get(path());
        assertThat(homeHelp.status()).as("訪問介護 is not given the 積算額").isEqualTo(403);
        assertThat(homeHelp.json().get("reason").asString()).isEqualTo("REIMBURSEMENT_OFFICES_ONLY");
        assertThat(homeHelp.body()).doesNotContain("45000", "55000", "countedTotal");
        assertThat(helper.get("/api/records/" + insurer + "/" + PERSON + "/insurance-card").status())
                .as("while it sees the 被保険者証").isEqualTo(200);

        ApiClient hospital = client(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("471398765").value()));
        ApiClient hospitalStaff = signedIn(hospital, "admin", enrolFirstAdmin(hospital, "admin"));
        assertThat(hospitalStaff.get(path()).status()).as("nor a medical institution").isEqualTo(403);
    }

    @Test
    void thePersonAndTheMunicipalitySeeIt() throws Exception {
        SimulatedCard card = jlis.issueCard();
        assertThat(atCounter(card, PERSON, null).status()).isEqualTo(201);
        ApiClient me = PersonCards.signedIn(ApiClient.anonymous(pki, port), card);
        ApiClient.Response mine = me.get("/api/person/records/reimbursement");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("reason").asString()).isEqualTo("SELF");
        assertTotals(mine.json().get("totals"));
        ApiClient.Response municipality = clerk().get(path());
        assertThat(municipality.status()).isEqualTo(200);
        assertTotals(municipality.json().get("totals"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sql.sql("select actor_kind || ':' || outcome"
                + " from audit.entries where person_insurer = :i and person_insured = :p and subject = :s")
                .param("i", insurer).param("p", PERSON).param("s", InformationCategory.REIMBURSEMENT.label())
                .query(String.class).list()).contains("person:permit:SELF", "municipality:permit:OWN_INSURED"));
    }

    private static void assertTotals(JsonNode totals) {
        assertThat(totals.get("homeModification").get("limit").asInt()).isEqualTo(200_000);
        assertThat(totals.get("homeModification").get("used").asInt()).as("the newest, after the 転居").isEqualTo(45_000);
        assertThat(totals.get("homeModification").get("remaining").asInt()).isEqualTo(155_000);
        assertThat(totals.get("welfareEquipment").get("limit").asInt()).isEqualTo(100_000);
        assertThat(totals.get("welfareEquipment").get("used").asInt()).as("this 年度's newest").isEqualTo(55_000);
        assertThat(totals.get("welfareEquipment").get("remaining").asInt()).isEqualTo(45_000);
        assertThat(totals.get("fiscalYear").asInt()).isEqualTo(ReimbursementTotals.fiscalYear(TODAY));
    }

    private void awaitAudit(String organisation, String outcome) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sql.sql("select outcome from audit.entries"
                + " where person_insurer = :i and person_insured = :p and subject = :s and actor_number = :o")
                .param("i", insurer).param("p", PERSON).param("s", InformationCategory.REIMBURSEMENT.label())
                .param("o", organisation).query(String.class).list()).contains(outcome));
    }
}
