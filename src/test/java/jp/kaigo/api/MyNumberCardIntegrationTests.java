package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 資格確認 by My Number card: challenge, signature, J-LIS certificate checks, and the card-to-person link. */
class MyNumberCardIntegrationTests extends MunicipalityApiTests {
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    DataSource dataSource;
    SimulatedCard card;

    @BeforeEach
    void insuredPersonWithALinkedCard() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        card = jlis.issueCard();
        ApiClient.Response linked = link(card, "0000000001");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
    }

    @Test
    void theCardAnswersLikeTheTypedNumbers(@TempDir Path dir) {
        Path file = dir.resolve("card.p12");
        card.write(file, "1234", "abc12345");
        JsonNode challenge = office.post("/api/card/challenge", "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("challenge").asString());
        CardReader.SignedChallenge signed = CardReader.sign(file, "1234", nonce);
        ApiClient.Response answer = office.post("/api/eligibility/card", body(challenge, signed));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("INSURED");
        assertThat(answer.json().get("insuredNo").asString()).isEqualTo("0000000001");

        ApiClient.Response replayed = office.post("/api/eligibility/card", body(challenge, signed));
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().get("detail").asString()).contains("使用済み");
    }

    @Test
    void refusesAStaleChallengeAnotherCardsSignatureARevokedAndAnUnlinkedCard() throws Exception {
        JsonNode stale = office.post("/api/card/challenge", "").json();
        try (Connection owner = dataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("reset role");
            try {
                sql.execute("update identity.card_challenges set created_at = now() - interval '61 seconds' "
                        + "where challenge_id = '" + stale.get("challengeId").asString() + "'");
            } finally {
                sql.execute("set role kaigo_app");
            }
        }
        assertThat(answer(stale, signedBy(card, stale)).json().get("detail").asString()).contains("有効期限");

        SimulatedCard other = jlis.issueCard();
        JsonNode challenge = office.post("/api/card/challenge", "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("challenge").asString());
        var forged = new CardReader.SignedChallenge(CardReader.sign(card.authCertificate(), card.authKey(), nonce).certificate(),
                CardReader.sign(other.authCertificate(), other.authKey(), nonce).signature());
        assertThat(answer(challenge, forged).json().get("detail").asString()).contains("署名");

        JsonNode unlinkedChallenge = office.post("/api/card/challenge", "").json();
        assertThat(answer(unlinkedChallenge, signedBy(other, unlinkedChallenge)).json().get("detail").asString())
                .contains("紐付けられていません");

        jlis.revoke(card.authCertificate());
        JsonNode afterRevocation = office.post("/api/card/challenge", "").json();
        assertThat(answer(afterRevocation, signedBy(card, afterRevocation)).json().get("detail").asString())
                .contains("無効");
    }

    @Test
    void aRenewedCardKeepsItsLinkAndTheOldOneStopsWorking() {
        SimulatedCard renewed = jlis.renew(jlis.renew(card));
        JsonNode challenge = office.post("/api/card/challenge", "").json();
        ApiClient.Response answer = office.post("/api/eligibility/card", body(challenge, signedBy(renewed, challenge)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("insuredNo").asString()).isEqualTo("0000000001");
        JsonNode old = office.post("/api/card/challenge", "").json();
        assertThat(answer(old, signedBy(card, old)).json().get("detail").asString()).contains("無効");
    }

    @Test
    void aChallengeIsGoodOnlyAtTheOfficeThatAskedForIt() {
        JsonNode challenge = office.post("/api/card/challenge", "").json();
        ApiClient elsewhere = newSignedInOffice();
        ApiClient.Response response = elsewhere.post("/api/eligibility/card", body(challenge, signedBy(card, challenge)));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("チャレンジが無効");
        assertThat(officeTerminal.post("/api/card/challenge", "").status()).as("no staff signed in").isEqualTo(401);
    }

    @Test
    void onlyTheMunicipalityOfThePersonLinksACardAndOnlyOnce() throws Exception {
        assertThat(link(card, "0000000001").status()).isEqualTo(400);
        assertThat(link(jlis.issueCard(), "0000000099").status()).isEqualTo(404);
        String otherNo = MunicipalityFiles.newInsurerNumber();
        ApiClient other = municipality(otherNo);
        MunicipalityFiles.register(other, otherNo);
        assertThat(other.post("/api/municipalities/" + insurer + "/card-links", "{\"insuredNo\":\"0000000001\",\"certificate\":\""
                + encoded(jlis.issueCard()) + "\"}").status()).isEqualTo(403);
        // the certificate alone, without the card answering at the counter and without a staff member, links nothing
        assertThat(api.post("/api/municipalities/" + insurer + "/card-links", "{\"insuredNo\":\"0000000001\",\"certificate\":\""
                + encoded(jlis.issueCard()) + "\"}").status()).isEqualTo(401);
        JsonNode challenge = clerk().post("/api/municipalities/" + insurer + "/card-challenge", "").json();
        SimulatedCard present = jlis.issueCard();
        SimulatedCard copied = jlis.issueCard();
        var forged = new CardReader.SignedChallenge(copied.authCertificate().getEncoded(),
                PersonCards.sign(present, challenge).signature());
        assertThat(clerk().post("/api/municipalities/" + insurer + "/card-links", "{\"challengeId\":\""
                + challenge.get("challengeId").asString() + "\",\"certificate\":\""
                + Base64.getEncoder().encodeToString(forged.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(forged.signature()) + "\",\"insuredNo\":\"0000000001\"}").status())
                .as("a certificate whose card did not answer").isEqualTo(403);
        assertThat(office.post("/api/municipalities/" + insurer + "/card-links", "{}").status()).isEqualTo(403);
    }

    private ApiClient.Response link(SimulatedCard c, String insuredNo) {
        return atCounter(c, insuredNo, null);
    }

    private static String encoded(SimulatedCard c) {
        try {
            return Base64.getEncoder().encodeToString(c.authCertificate().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CardReader.SignedChallenge signedBy(SimulatedCard c, JsonNode challenge) {
        return CardReader.sign(c.authCertificate(), c.authKey(), Base64.getDecoder().decode(challenge.get("challenge").asString()));
    }

    private ApiClient.Response answer(JsonNode challenge, CardReader.SignedChallenge signed) {
        ApiClient.Response response = office.post("/api/eligibility/card", body(challenge, signed));
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        return response;
    }

    private static String body(JsonNode challenge, CardReader.SignedChallenge signed) {
        return "{\"challengeId\":\"" + challenge.get("challengeId").asString() + "\",\"certificate\":\""
                + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
    }
}
