package jp.kaigo.portal;

import jp.kaigo.ingest.Inputs;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A card's answer pasted into a form: the JSON the card-reader app ({@code card sign}) prints, with the
 * card's certificate and its signature of the challenge, both Base64.
 */
final class CardAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CardAnswers() {
    }

    /** The answer; an unreadable one is a violation collected into {@code in} (checked by the caller). */
    static Inputs.CardAnswer parse(Inputs in, String challengeId, String pasted) {
        try {
            JsonNode json = JSON.readTree(pasted == null ? "" : pasted.strip());
            if (json != null && json.isObject() && json.hasNonNull("certificate") && json.hasNonNull("signature")) {
                return in.cardAnswer(challengeId, json.get("certificate").asString(), json.get("signature").asString());
            }
        } catch (JacksonException e) {
            // reported below
        }
        in.reject("cardAnswer", "カードの応答",
                "カード読取アプリが出力した応答(certificate と signature を含む JSON)を貼り付けてください");
        return null;
    }
}
