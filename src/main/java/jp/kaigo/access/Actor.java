package jp.kaigo.access;

import java.util.Set;
import java.util.UUID;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Qualification;

/**
 * Who asks: the insured person themselves or their registered representative (signed in with their own
 * card), or a signed-in staff member of an organisation (municipality, office, medical institution: the
 * account's stable ID, job type and qualifications in force, never a name).
 */
public record Actor(Party organisation, UUID staffId, JobType job, Set<Qualification> qualifications,
        String personInsurer, String personInsured, String representing) {

    public Actor {
        qualifications = qualifications == null ? Set.of() : Set.copyOf(qualifications);
    }

    public static Actor person(String insurerNo, String insuredNo) {
        return person(insurerNo, insuredNo, null);
    }

    /** Signed in with a card: the person ({@code representing} null) or their registered representative of that kind. */
    public static Actor person(String insurerNo, String insuredNo, String representing) {
        return new Actor(null, null, null, Set.of(), insurerNo, insuredNo, representing);
    }

    /** The person signed in with their card, or their representative. */
    public static Actor person(MyNumberCards.LinkedPerson me) {
        return person(me.insurerNo(), me.insuredNo(), me.actingAs());
    }

    /** A signed-in staff member. */
    public static Actor staff(StaffSession session) {
        return new Actor(session.organisation(), session.staffId(), session.jobType(), session.qualifications(), null,
                null, null);
    }

    /** A staff member known by organisation, account, job and qualifications in force (tests and tools). */
    public static Actor staff(Party organisation, UUID staffId, JobType job, Set<Qualification> qualifications) {
        return new Actor(organisation, staffId, job, qualifications, null, null, null);
    }

    /**
     * A 介護支援専門員 by job whose registration (or 主任介護支援専門員's) is attested and in force: the rules on
     * 認定調査票・主治医意見書 and care plans rely on it (office-master.md §3).
     */
    public boolean qualifiedCareManager() {
        return job == JobType.CARE_MANAGER && (qualifications.contains(Qualification.CARE_MANAGER)
                || qualifications.contains(Qualification.CHIEF_CARE_MANAGER));
    }

    /**
     * Holds, attested and in force, a qualification that may write a 住宅改修 理由書 (office-master.md §3): 介護支援専門員,
     * 主任介護支援専門員, 保健師, 社会福祉士, 作業療法士, 理学療法士, 福祉住環境コーディネーター2級以上.
     */
    public boolean qualifiedForHomeModificationReason() {
        return !isPerson() && qualifications.stream().anyMatch(REASON_WRITERS::contains);
    }

    private static final Set<Qualification> REASON_WRITERS = Set.of(Qualification.CARE_MANAGER,
            Qualification.CHIEF_CARE_MANAGER, Qualification.PUBLIC_HEALTH_NURSE, Qualification.SOCIAL_WORKER,
            Qualification.OCCUPATIONAL_THERAPIST, Qualification.PHYSICAL_THERAPIST, Qualification.HOUSING_COORDINATOR);

    /** A person's card (their own, or their representative's) speaks for these numbers. */
    boolean speaksFor(String insurerNo, String insuredNo) {
        return isPerson() && insurerNo.equals(personInsurer) && insuredNo.equals(personInsured);
    }

    public boolean isPerson() {
        return organisation == null;
    }

    PartyKind kind() {
        return organisation == null ? null : organisation.kind();
    }
}
