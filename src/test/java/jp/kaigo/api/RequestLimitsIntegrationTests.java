package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An organisation that calls too fast, or a card read again and again, gets 429 with Retry-After, and everyone
 * else goes on being served.
 */
@TestPropertySource(properties = {"kaigo.limits.organisation-per-second=1", "kaigo.limits.organisation-burst=10",
    "kaigo.limits.card-per-minute=2"})
class RequestLimitsIntegrationTests extends MunicipalityApiTests {
    private static final String QUERY = "{\"insurerNo\":\"%s\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}";
    @Autowired
    SimulatedJlis jlis;

    @Test
    void anOrganisationBeyondItsAllowanceWaitsAndOthersAreServed() {
        ApiClient.Response answer = null;
        int served = 0;
        for (int i = 0; i < 30; i++) {
            answer = office.post("/api/eligibility", QUERY.formatted(insurer));
            if (answer.status() != 200) {
                break;
            }
            served++;
        }
        assertThat(served).as("the burst, less the office's sign-in").isBetween(5, 12);
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains("しばらく待って");
        assertThat(Long.parseLong(answer.retryAfter())).isBetween(1L, 2L);
        // another office, and the municipality, are not slowed by it
        assertThat(newSignedInOffice().post("/api/eligibility", QUERY.formatted(insurer)).status()).isEqualTo(200);
        assertThat(api.get("/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void aCardReadTooOftenIsRefusedForAMinute() {
        ApiClient other = newSignedInOffice();
        SimulatedCard card = jlis.issueCard();
        for (int i = 0; i < 2; i++) {
            assertThat(answerWith(other, card).json().get("detail").asString()).contains("紐付けられていません");
        }
        ApiClient.Response third = answerWith(other, card);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("detail").asString()).contains("このカード");
        assertThat(Long.parseLong(third.retryAfter())).isBetween(1L, 60L);
        // another card at the same office is read as usual
        assertThat(answerWith(other, jlis.issueCard()).status()).isEqualTo(403);
    }

    private static ApiClient.Response answerWith(ApiClient terminal, SimulatedCard card) {
        JsonNode challenge = terminal.post("/api/card/challenge", "").json();
        var signed = CardReader.sign(card.authCertificate(), card.authKey(),
                Base64.getDecoder().decode(challenge.get("challenge").asString()));
        return terminal.post("/api/eligibility/card", "{\"challengeId\":\"" + challenge.get("challengeId").asString()
                + "\",\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}");
    }
}
