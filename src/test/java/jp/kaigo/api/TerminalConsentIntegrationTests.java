package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Consent at the office terminal with the My Number card: the 利用者証明用 key answers the challenge, the
 * 署名用 key signs the statement the platform worded; the signature is kept and the consent applies at once.
 */
class TerminalConsentIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    @Autowired
    SimulatedJlis jlis;
    SimulatedCard card;
    ApiClient careManager;

    @BeforeEach
    void setUpPersonWithCard() throws Exception {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        card = jlis.issueCard();
        assertThat(atCounter(card, PERSON, null).status()).isEqualTo(201);
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
        registerInCharge(careManager, PERSON, "1940-05-06", "43", RECENT_START);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The terminal: challenge, the platform's statement, the card's two signatures, the consent. */
    private ApiClient.Response consent(SimulatedCard signer, String signedCategory, String sentCategory) throws Exception {
        JsonNode challenge = careManager.post("/api/card/challenge", "").json();
        String id = challenge.get("challengeId").asString();
        String statement = careManager.post("/api/consents/terminal/statement", "{\"challengeId\":\"" + id
                + "\",\"category\":\"" + signedCategory + "\",\"decision\":\"give\"}").json().get("statement").asString();
        var auth = CardReader.sign(card.authCertificate(), card.authKey(),
                Base64.getDecoder().decode(challenge.get("challenge").asString()));
        var signed = CardReader.sign(signer.signCertificate(), signer.signKey(), statement.getBytes(StandardCharsets.UTF_8));
        return careManager.post("/api/consents/terminal", "{\"challengeId\":\"" + id + "\",\"certificate\":\""
                + b64(auth.certificate()) + "\",\"signature\":\"" + b64(auth.signature()) + "\",\"signingCertificate\":\""
                + b64(signed.certificate()) + "\",\"statementSignature\":\"" + b64(signed.signature())
                + "\",\"category\":\"" + sentCategory + "\",\"decision\":\"give\"}");
    }

    @Test
    void aConsentSignedWithTheCardAppliesAtOnceAndIsKept() throws Exception {
        String records = "/api/records/" + insurer + "/" + PERSON + "/insurance-card";
        assertThat(careManager.get(records).json().get("reason").asString()).isEqualTo("NO_CONSENT");

        ApiClient.Response given = consent(card, "insurance-card", "insurance-card");
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(given.json().get("insuredNo").asString()).isEqualTo(PERSON);
        assertThat(careManager.get(records).json().get("reason").asString()).isEqualTo("CONSENTED");
        assertThat(careManager.get("/api/records/" + insurer + "/" + PERSON + "/care-plan").json().get("reason")
                .asString()).as("only the category signed for").isEqualTo("NO_CONSENT");

        ApiClient me = PersonCards.signedIn(ApiClient.anonymous(pki, port), card);
        JsonNode decision = me.get("/api/person/consents").json().get(0);
        assertThat(decision.get("source").asString()).isEqualTo("terminal");
        assertThat(decision.get("party").get("number").asString()).isEqualTo(officeNo);
    }

    @Test
    void anotherCardsSignatureOrAnAlteredStatementIsRefused() throws Exception {
        assertThat(consent(jlis.issueCard(), "insurance-card", "insurance-card").status())
                .as("署名用 certificate of another card").isEqualTo(403);
        assertThat(consent(card, "insurance-card", "life").status()).as("signed one category, sent another")
                .isEqualTo(403);
        assertThat(careManager.get("/api/records/" + insurer + "/" + PERSON + "/life").json().get("reason").asString())
                .isEqualTo("NO_CONSENT");
    }
}
