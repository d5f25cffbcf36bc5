package jp.kaigo.access;

import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;

/**
 * Who asks: the insured person themselves (signed in with their card), or a signed-in staff member of an
 * organisation (municipality, office, medical institution) with their job type.
 */
public record Actor(Party organisation, JobType job, String personInsurer, String personInsured) {

    public static Actor person(String insurerNo, String insuredNo) {
        return new Actor(null, null, insurerNo, insuredNo);
    }

    public static Actor staff(Party organisation, JobType job) {
        return new Actor(organisation, job, null, null);
    }

    public boolean isPerson() {
        return organisation == null;
    }

    PartyKind kind() {
        return organisation == null ? null : organisation.kind();
    }
}
