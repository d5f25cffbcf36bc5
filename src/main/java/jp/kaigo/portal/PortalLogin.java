package jp.kaigo.portal;

import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;

/** Who signed in to the portal (kept in the session; never a name, never a password). */
sealed interface PortalLogin {
    String OFFICE = "PORTAL_OFFICE";
    String MUNICIPALITY = "PORTAL_MUNICIPALITY";
    String PERSON = "PORTAL_PERSON";
    /**
     * A 介護認定審査会委員 (docs/design/certification-online.md §6.4 K1): no console page at all, only the committee
     * area, sign-out and the own-account pages.
     */
    String COMMITTEE = "PORTAL_COMMITTEE";

    String role();

    /**
     * A staff member under their organisation's certificate: the tokens of their staff session (access 60
     * minutes, refresh 8 hours), renewed as they go.
     */
    record Staff(Party organisation, String loginId, JobType job, boolean admin, String accessToken,
            String refreshToken) implements PortalLogin {
        @Override
        public String role() {
            if (job == JobType.COMMITTEE_MEMBER) {
                return COMMITTEE;
            }
            return organisation.kind() == jp.kaigo.shared.PartyKind.MUNICIPALITY ? MUNICIPALITY : OFFICE;
        }
    }

    /** The insured person, or their registered representative, signed in with a My Number card. */
    record Person(String token, String actingAs) implements PortalLogin {
        @Override
        public String role() {
            return PERSON;
        }
    }
}
