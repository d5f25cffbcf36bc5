package jp.kaigo.person;

import java.util.UUID;
import jp.kaigo.shared.InformationCategory;

/**
 * What a consent decision changed, as one sentence the person reads right after it: 「〇〇事業所 に、要介護認定の情報を
 * 見せないようにしました」. {@code decisionId}: the decision recorded; {@code party}: the organisation's name (or "すべての事業所・医療機関"), {@code category}: null
 * for every kind of information.
 */
public record ConsentChange(UUID decisionId, String party, InformationCategory category, boolean give) {
    public static final String EVERYONE = "すべての事業所・医療機関";

    /** The sentence. */
    public String text() {
        String what = category == null ? "すべての情報"
                : category.label().endsWith("情報") ? category.label() : category.label() + "の情報";
        return party + " に、" + what + "を" + (give ? "見せるようにしました" : "見せないようにしました");
    }
}
