package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A representative (成年後見人) registered by the municipality signs in with their own card for the person,
 * reads the person's records and decides consent for them; ending the registration ends that at once.
 */
class RepresentativeIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    @Autowired
    SimulatedJlis jlis;

    private ApiClient.Response signInFor(SimulatedCard card, String insuredNo) {
        ApiClient home = ApiClient.anonymous(pki, port);
        JsonNode challenge = home.post("/api/person/challenge", "").json();
        var signed = PersonCards.sign(card, challenge);
        return home.post("/api/person/sign-in", "{\"challengeId\":\"" + challenge.get("challengeId").asString()
                + "\",\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\",\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"" + insuredNo + "\"}");
    }

    private String representative(SimulatedCard card, String kind) throws Exception {
        return "{\"certificate\":\"" + Base64.getEncoder().encodeToString(card.authCertificate().getEncoded())
                + "\",\"insuredNo\":\"" + PERSON + "\",\"kind\":\"" + kind + "\"}";
    }

    @Test
    void aGuardianActsForThePersonUntilTheRegistrationEnds() throws Exception {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-01-02", null) + "\n");
        SimulatedCard guardianCard = jlis.issueCard();
        assertThat(signInFor(guardianCard, PERSON).status()).as("not registered yet").isEqualTo(403);
        assertThat(atCounter(guardianCard, PERSON, "uncle").status()).isEqualTo(400);
        assertThat(api.post("/api/municipalities/" + insurer + "/representatives", representative(guardianCard, "guardian"))
                .status()).as("the certificate alone, no staff member, no card at the counter").isEqualTo(401);
        assertThat(atCounter(guardianCard, PERSON, "guardian").status()).isEqualTo(201);

        ApiClient.Response signedIn = signInFor(guardianCard, PERSON);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("actingAs").asString()).isEqualTo("guardian");
        assertThat(signInFor(guardianCard, "0000000002").status()).as("for someone else").isEqualTo(403);
        ApiClient guardian = ApiClient.anonymous(pki, port).withToken(signedIn.json().get("accessToken").asString());
        assertThat(guardian.get("/api/person/records/insurance-card").json().get("reason").asString()).isEqualTo("SELF");
        assertThat(guardian.post("/api/person/consents", "{\"decision\":\"refuse\"}").status()).isEqualTo(201);
        assertThat(guardian.get("/api/person/consents").json().get(0).get("source").asString()).isEqualTo("representative");
        JsonNode accesses = guardian.get("/api/person/accesses").json();
        assertThat(accesses.toString()).contains("\"actorKind\":\"representative\"").contains("\"staffJob\":\"guardian\"");

        assertThat(clerk().post("/api/municipalities/" + insurer + "/representatives/end", representative(guardianCard, "guardian"))
                .status()).isEqualTo(204);
        assertThat(guardian.get("/api/person/consents").status()).as("the token ends with the registration").isEqualTo(401);
        assertThat(signInFor(guardianCard, PERSON).status()).isEqualTo(403);
    }
}
