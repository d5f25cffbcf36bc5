package jp.kaigo.consent;

import java.util.Comparator;
import java.util.List;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;

/**
 * What holds: the newest decision that covers the organisation and the category, with one exception: a
 * 包括同意 registered later does not lift the person's own refusal of that particular organisation (the
 * person named it; a renewal's blanket consent is not about it).
 */
public final class ConsentRules {
    private ConsentRules() {
    }

    public static ConsentState resolve(List<ConsentDecision> decisions, Party asking, InformationCategory category) {
        ConsentState state = ConsentState.NONE;
        boolean refusedByName = false;
        for (ConsentDecision d : decisions.stream().sorted(Comparator.comparing(ConsentDecision::decidedAt)).toList()) {
            if (!d.covers(asking, category)) {
                continue;
            }
            if (d.blanket()) {
                state = refusedByName ? ConsentState.REFUSED : ConsentState.BLANKET;
            } else {
                state = d.give() ? ConsentState.GIVEN : ConsentState.REFUSED;
                refusedByName = !d.give() && d.party() != null;
            }
        }
        return state;
    }
}
