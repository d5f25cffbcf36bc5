package jp.kaigo.access;

import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;

/**
 * Who asks: the insured person themselves or their registered representative (signed in with their own
 * card), or a signed-in staff member of an organisation (municipality, office, medical institution) with
 * their job type.
 */
public record Actor(Party organisation, JobType job, String personInsurer, String personInsured, String representing) {

    public static Actor person(String insurerNo, String insuredNo) {
        return person(insurerNo, insuredNo, null);
    }

    /** Signed in with a card: the person ({@code representing} null) or their registered representative of that kind. */
    public static Actor person(String insurerNo, String insuredNo, String representing) {
        return new Actor(null, null, insurerNo, insuredNo, representing);
    }

    /** A registered representative (法定代理人 {@code legal-agent}, 成年後見人 {@code guardian}) acting for the person. */
    public static Actor representative(String insurerNo, String insuredNo, String kind) {
        return person(insurerNo, insuredNo, kind);
    }

    public static Actor staff(Party organisation, JobType job) {
        return new Actor(organisation, job, null, null, null);
    }

    public boolean isPerson() {
        return organisation == null;
    }

    PartyKind kind() {
        return organisation == null ? null : organisation.kind();
    }
}
