package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static jp.kaigo.api.PersonCards.sign;
import static jp.kaigo.api.PersonCards.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The person with their card: links it, signs in, sees who looked and their offices, ends one. */
class PersonIntegrationTests extends MunicipalityApiTests {
    @Autowired
    SimulatedJlis jlis;

    @Test
    void aPersonLinksTheirCardSignsInAndSeesWhoLookedAndTheirOffices() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        SimulatedCard card = jlis.issueCard();
        ApiClient home = ApiClient.anonymous(pki, port);

        assertThat(home.get("/api/person/accesses").status()).isEqualTo(401);
        assertThat(linkOwn(home, card, "1940-05-07").status()).as("wrong birth date").isEqualTo(404);
        assertThat(signIn(home, card).status()).as("not linked yet").isEqualTo(403);
        assertThat(linkOwn(home, card, "1940-05-06").status()).isEqualTo(201);

        String confirmation = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\",\"asOf\":\"2026-10-01\"}")
                .json().get("confirmation").asString();
        String relationshipId = office.post("/api/relationships", "{\"confirmation\":\"" + confirmation
                + "\",\"serviceType\":\"43\",\"startDate\":\"" + RECENT_START + "\"}").json().get("relationshipId").asString();

        ApiClient.Response signedIn = signIn(home, card);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        ApiClient me = home.withToken(signedIn.json().get("accessToken").asString());
        JsonNode accesses = me.get("/api/person/accesses").json();
        assertThat(accesses.toString()).contains("\"event\":\"eligibility\"").contains(officeNo).contains("\"staffJob\":\"CLERK\"");
        assertThat(accesses.toString()).doesNotContain("admin");

        JsonNode offices = me.get("/api/person/offices").json();
        assertThat(offices).hasSize(1);
        assertThat(offices.get(0).has("endDate")).as("current").isFalse();
        assertThat(me.post("/api/person/offices/" + relationshipId + "/end", "{\"endDate\":\"2026-11-30\"}").status())
                .isEqualTo(204);
        assertThat(me.get("/api/person/offices").json().get(0).get("endReason").asString()).isEqualTo("person");
    }

    @Test
    void aBirthDateCannotBeFoundByTrying() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        SimulatedCard card = jlis.issueCard();
        ApiClient home = ApiClient.anonymous(pki, port);
        for (int day = 1; day <= 5; day++) {
            assertThat(linkOwn(home, card, "1940-05-%02d".formatted(day + 10)).status()).isEqualTo(404);
        }
        ApiClient.Response locked = linkOwn(home, card, "1940-05-06");
        assertThat(locked.status()).as("even the right birth date, after five wrong ones").isEqualTo(403);
        assertThat(locked.json().get("detail").asString()).contains("試行回数");
        assertThat(linkOwn(home, jlis.issueCard(), "1940-05-06").status()).as("another card, same person")
                .isEqualTo(403);
    }

    private ApiClient.Response linkOwn(ApiClient home, SimulatedCard card, String birthDate) {
        JsonNode challenge = home.post("/api/person/challenge", "").json();
        var signed = sign(card, challenge);
        return home.post("/api/person/card-link", "{\"challengeId\":\"" + challenge.get("challengeId").asString()
                + "\",\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\",\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"" + birthDate + "\"}");
    }
}
