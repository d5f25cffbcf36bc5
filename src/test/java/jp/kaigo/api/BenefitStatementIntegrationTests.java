package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.notification.ContactPreferences;
import jp.kaigo.notification.Notices;
import jp.kaigo.notification.RecordedBy;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 介護給付費通知 (issue 17 §5, docs/design/care-documents.md §8): each 給付実績 import gives every person in it one notice
 * per サービス提供年月 with the month's totals (on paper too for a person who asked for paper), and the person reads the
 * statement month by month: each service, its 費用の総額 and their share.
 */
class BenefitStatementIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final String OTHER = "0000000002";
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    JdbcClient sql;
    @Autowired
    Notices notices;

    @Test
    void thePersonIsToldOncePerMonthAndReadsEachServiceWithTheirShare() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, OTHER, 1, "2020-04-01", null, "1941-01-02", null) + "\n");
        notices.setPreferences(InsuredPerson.of(insurer, PERSON), new ContactPreferences(true, null, null),
                RecordedBy.MUNICIPALITY);
        String header = "insurerNo,insuredNo,historyNo,validFrom,serviceMonth,officeNo,serviceType,days,units,"
                + "insuranceClaim,userCharge,publicClaim\n";
        String claims = header + String.join("\n",
                row(PERSON, 1, "2026-10-01", "2026-10", "11", "8", "3152", "32338", "3594", "0"),
                row(PERSON, 2, "2026-10-01", "2026-10", "43", "", "1421", "14210", "0", "0"),
                row(PERSON, 3, "2026-11-01", "2026-11", "11", "4", "1576", "16169", "1797", "0"),
                row(OTHER, 1, "2026-10-01", "2026-10", "15", "10", "7000", "63000", "7000", "0")) + "\n";
        assertThat(api.uploadPartialCsv(insurer, "claims", "full", claims).json().get("rejectedRows").asInt()).isZero();
        awaitStatements();
        // a correction of November comes: the month's notice is not given again (the statement shows the correction)
        assertThat(api.uploadPartialCsv(insurer, "claims", "full", claims.replace(",1576,16169,1797,", ",1577,16179,1798,"))
                .json().get("rejectedRows").asInt()).isZero();
        awaitStatements();
        assertThat(sql.sql("""
                select params ->> 'serviceMonth' || ' ' || (params ->> 'services') || ' ' || (params ->> 'totalCost')
                       || ' ' || (params ->> 'userCharge')
                  from notification.notices where insurer_no = ? and insured_no = ? and kind = 'benefit-statement'
                 order by 1
                """).params(insurer, PERSON).query(String.class).list())
                .as("one per month, however often the file comes").containsExactly("2026-10 2 50142 3594",
                        "2026-11 1 17966 1797");
        assertThat(notices.printList(new InsurerNumber(insurer))).as("on paper for the person who asked")
                .filteredOn(item -> item.person().insuredNo().equals(PERSON)).hasSize(2)
                .anySatisfy(item -> assertThat(item.lines()).anyMatch(l -> l.contains("費用の総額:50,142円")
                        && l.contains("うちあなたの負担:3,594円")));

        JsonNode statements = personSignedIn(PERSON).get("/api/person/benefit-statements").json();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).get("month").asString()).isEqualTo("2026-11");
        assertThat(statements.get(0).get("userCharge").asLong()).isEqualTo(1798);
        JsonNode october = statements.get(1);
        assertThat(october.get("totalCost").asLong()).isEqualTo(50142);
        assertThat(october.get("userCharge").asLong()).isEqualTo(3594);
        assertThat(october.get("lines")).hasSize(2);
        assertThat(october.get("lines").get(0).get("serviceTypeName").asString()).isEqualTo("訪問介護");
        assertThat(october.get("lines").get(0).get("days").asInt()).isEqualTo(8);
        assertThat(statements.toString()).as("another person's services").doesNotContain("63000", "70000");
    }

    private void awaitStatements() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.sql("""
                select count(*) from public.event_publication where completion_date is null
                   and event_type = 'jp.kaigo.shared.BenefitsRecorded'
                """).query(Integer.class).single() == 0);
    }

    private String row(String insured, int history, String from, String month, String type, String days, String units,
            String insurance, String charge, String publicClaim) {
        return String.join(",", insurer, insured, String.valueOf(history), from, month, officeNo, type, days, units,
                insurance, charge, publicClaim);
    }

    private ApiClient personSignedIn(String insuredNo) {
        SimulatedCard card = jlis.issueCard();
        assertThat(atCounter(card, insuredNo, null).status()).isEqualTo(201);
        return PersonCards.signedIn(ApiClient.anonymous(pki, port), card);
    }
}
