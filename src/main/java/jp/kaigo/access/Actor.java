package jp.kaigo.access;

import java.util.UUID;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;

/**
 * Who asks: the insured person themselves or their registered representative (signed in with their own
 * card), a signed-in staff member of an organisation (municipality, office, medical institution: the
 * account's stable ID and job type, never a name), or a municipality's own system by its certificate alone.
 */
public record Actor(Party organisation, UUID staffId, JobType job, String personInsurer, String personInsured,
        String representing) {

    public static Actor person(String insurerNo, String insuredNo) {
        return person(insurerNo, insuredNo, null);
    }

    /** Signed in with a card: the person ({@code representing} null) or their registered representative of that kind. */
    public static Actor person(String insurerNo, String insuredNo, String representing) {
        return new Actor(null, null, null, insurerNo, insuredNo, representing);
    }

    /** The person signed in with their card, or their representative. */
    public static Actor person(MyNumberCards.LinkedPerson me) {
        return person(me.insurerNo(), me.insuredNo(), me.actingAs());
    }

    /** A registered representative (法定代理人 {@code legal-agent}, 成年後見人 {@code guardian}) acting for the person. */
    public static Actor representative(String insurerNo, String insuredNo, String kind) {
        return person(insurerNo, insuredNo, kind);
    }

    /** A signed-in staff member. */
    public static Actor staff(StaffSession session) {
        return new Actor(session.organisation(), session.staffId(), session.jobType(), null, null, null);
    }

    /** A municipality's own system, by its certificate alone (no staff member). */
    public static Actor system(Party municipality) {
        return new Actor(municipality, null, null, null, null, null);
    }

    /** A staff member known by organisation, account and job (tests and tools). */
    public static Actor staff(Party organisation, UUID staffId, JobType job) {
        return new Actor(organisation, staffId, job, null, null, null);
    }

    public boolean isPerson() {
        return organisation == null;
    }

    PartyKind kind() {
        return organisation == null ? null : organisation.kind();
    }
}
