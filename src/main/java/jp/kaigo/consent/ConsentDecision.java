package jp.kaigo.consent;

import java.time.Instant;
import java.util.UUID;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;

/**
 * One consent decision: {@code party} null = every organisation, {@code category} null = every category;
 * {@code source} municipality (包括同意), person (own sign-in) or terminal (signed with the card at an office).
 */
public record ConsentDecision(UUID decisionId, Party party, InformationCategory category, boolean give, String source,
        String occasion, Instant decidedAt) {

    /** The municipality's 包括同意: every organisation, every category. */
    public boolean blanket() {
        return "municipality".equals(source);
    }

    /** Recorded by an office as given orally or in writing: it never lifts the person's own refusal. */
    boolean recordedByOffice() {
        return "office".equals(source);
    }

    boolean covers(Party asking, InformationCategory asked) {
        return (party == null || party.equals(asking)) && (category == null || category == asked);
    }
}
