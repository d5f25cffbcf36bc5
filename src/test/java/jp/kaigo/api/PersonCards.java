package jp.kaigo.api;

import java.util.Base64;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.SimulatedCard;
import tools.jackson.databind.JsonNode;

/** The person at home with their card and reader: answers the platform's challenge and signs in. */
final class PersonCards {
    private PersonCards() {
    }

    static ApiClient.Response signIn(ApiClient home, SimulatedCard card) {
        JsonNode challenge = home.post("/api/person/challenge", "").json();
        var signed = sign(card, challenge);
        return home.post("/api/person/sign-in", "{\"challengeId\":\"" + challenge.get("challengeId").asString()
                + "\",\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}");
    }

    /** The home client with the person signed in. */
    static ApiClient signedIn(ApiClient home, SimulatedCard card) {
        ApiClient.Response response = signIn(home, card);
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
        return home.withToken(response.json().get("accessToken").asString());
    }

    static CardReader.SignedChallenge sign(SimulatedCard card, JsonNode challenge) {
        return CardReader.sign(card.authCertificate(), card.authKey(),
                Base64.getDecoder().decode(challenge.get("challenge").asString()));
    }
}
