package jp.kaigo.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;

/**
 * What holds for one organisation and one category, from every decision about the person (issue "the person's
 * word stands"):
 * <ul>
 * <li>the person's refusal — of one organisation or of all, of one category or of all — holds until the person
 *     lifts it with a later consent at least as specific (a consent to every organisation does not lift the
 *     refusal of a named one; a consent naming an organisation lifts a refusal of all for that one);
 * <li>the municipality's 包括同意 never lifts a refusal, whenever it was registered; nor does a consent an office
 *     recorded for the person (oral or written, {@code source} office): only the person lifts their refusal;
 * <li>otherwise the person's newest consent, then the 包括同意.
 * </ul>
 */
public final class ConsentRules {
    private ConsentRules() {
    }

    public static ConsentState resolve(List<ConsentDecision> decisions, Party asking, InformationCategory category) {
        boolean blanket = false;
        List<ConsentDecision> refusals = new ArrayList<>();
        ConsentDecision consent = null;
        for (ConsentDecision d : decisions.stream().sorted(Comparator.comparing(ConsentDecision::decidedAt)).toList()) {
            if (!d.covers(asking, category)) {
                continue;
            }
            if (d.blanket()) {
                blanket = true;
            } else if (!d.give()) {
                refusals.add(d);
                consent = null;
            } else {
                if (!d.recordedByOffice()) {
                    refusals.removeIf(refusal -> atLeastAsSpecific(d, refusal));
                }
                if (refusals.isEmpty()) {
                    consent = d;
                }
            }
        }
        if (!refusals.isEmpty()) {
            return ConsentState.REFUSED;
        }
        if (consent != null) {
            return consent.party() != null ? ConsentState.GIVEN : ConsentState.GIVEN_ALL;
        }
        return blanket ? ConsentState.BLANKET : ConsentState.NONE;
    }

    private static boolean atLeastAsSpecific(ConsentDecision consent, ConsentDecision refusal) {
        return (refusal.party() == null || consent.party() != null)
                && (refusal.category() == null || consent.category() != null);
    }
}
