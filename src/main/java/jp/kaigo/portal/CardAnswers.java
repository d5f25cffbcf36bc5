package jp.kaigo.portal;

import jp.kaigo.ingest.Inputs;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A card's answer pasted into a form: the JSON the card-reader app ({@code card sign}) prints, with the
 * card's certificate and its signature of the challenge, both Base64; for consent at a terminal also the
 * 署名用 certificate and its signature of the statement.
 */
final class CardAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNREADABLE =
            "カード読取アプリが出力した応答(certificate と signature を含む JSON)を貼り付けてください";

    private CardAnswers() {
    }

    /** A signed consent statement: who (the challenge answer) and what (the 署名用 signature). */
    record Signed(Inputs.CardAnswer card, byte[] signingCertificate, byte[] statementSignature) {
    }

    /** The answer; an unreadable one is a violation collected into {@code in} (checked by the caller). */
    static Inputs.CardAnswer parse(Inputs in, String challengeId, String pasted) {
        JsonNode json = read(pasted);
        if (json != null && json.hasNonNull("certificate") && json.hasNonNull("signature")) {
            return in.cardAnswer(challengeId, json.get("certificate").asString(), json.get("signature").asString());
        }
        in.reject("cardAnswer", "カードの応答", UNREADABLE);
        return null;
    }

    static Signed parseSigned(Inputs in, String challengeId, String pasted) {
        Inputs.CardAnswer card = parse(in, challengeId, pasted);
        JsonNode json = read(pasted);
        if (card == null || !json.hasNonNull("signingCertificate") || !json.hasNonNull("statementSignature")) {
            in.reject("cardAnswer", "カードの応答",
                    "署名用電子証明書で同意書に署名した応答(signingCertificate と statementSignature を含む JSON)を貼り付けてください");
            return null;
        }
        return new Signed(card,
                in.value(json.get("signingCertificate").asString(), v -> Inputs.base64(v, "signingCertificate", "署名用電子証明書")),
                in.value(json.get("statementSignature").asString(), v -> Inputs.base64(v, "statementSignature", "同意書への署名")));
    }

    private static JsonNode read(String pasted) {
        try {
            JsonNode json = JSON.readTree(pasted == null ? "" : pasted.strip());
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
