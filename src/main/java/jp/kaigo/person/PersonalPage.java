package jp.kaigo.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Disclosure;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.audit.AccessRecord;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.ConsentDecision;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.MyNumberCards.LinkedPerson;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Service;

/**
 * The person's own view (facade), for the person signed in with their card or their registered representative:
 * every read of their records passes {@code access} (no consent needed for oneself) and is audited there.
 */
@Service
public class PersonalPage {
    /** How many of the newest accesses by others the page lists. */
    public static final int SHOWN_ACCESSES = 200;
    private static final String PURPOSE = "本人による閲覧";
    private final AccessDecisions access;
    private final AuditLog audit;
    private final Consents consents;
    private final OfficesInCharge offices;
    private final OfficeMaster master;

    PersonalPage(AccessDecisions access, AuditLog audit, Consents consents, OfficesInCharge offices, OfficeMaster master) {
        this.master = master;
        this.access = access;
        this.audit = audit;
        this.consents = consents;
        this.offices = offices;
    }

    /**
     * Everything the person's page shows, gathered in one call; {@code names}: the name of every organisation
     * on the page, by {@code kind:number} (from the office and institution master), so the person reads names,
     * not numbers.
     */
    public record Home(List<Disclosure> records, List<ConsentDecision> consentsNewestFirst, List<OfficeInCharge> offices,
            List<AccessRecord> accessesByOthers, List<EmergencyOpening> openings, Map<String, String> names) {
    }

    public Home home(LinkedPerson me) {
        List<ConsentDecision> decisions = new ArrayList<>(consents.decisions(me.insurerNo(), me.insuredNo()));
        Collections.reverse(decisions);
        List<OfficeInCharge> mine = offices.officesOf(me.insurerNo(), me.insuredNo());
        List<AccessRecord> accesses = audit.recentAccessesByOthers(me.insurerNo(), me.insuredNo(), SHOWN_ACCESSES);
        List<EmergencyOpening> openings = access.emergencyOpeningsOf(me.insurerNo(), me.insuredNo());
        Set<Party> named = new HashSet<>();
        mine.forEach(o -> named.add(Party.office(o.officeNo())));
        for (AccessRecord a : accesses) {
            PartyKind.ofCode(a.actorKind()).filter(k -> k != PartyKind.MUNICIPALITY && a.actorNumber() != null)
                    .ifPresent(k -> named.add(new Party(k, a.actorNumber())));
        }
        decisions.stream().map(ConsentDecision::party).filter(p -> p != null).forEach(named::add);
        return new Home(access.readAll(Actor.person(me), me.insurerNo(), me.insuredNo(), PURPOSE), decisions, mine,
                accesses, openings, master.namesOf(named));
    }

    /** My own records of one category (audited like every read). */
    public Disclosure records(LinkedPerson me, InformationCategory category) {
        return access.read(Actor.person(me), me.insurerNo(), me.insuredNo(), category, PURPOSE);
    }

    /** Who accessed my data: organisation, staff job type (never the name), when, what, why. */
    public List<AccessRecord> accesses(LinkedPerson me) {
        return audit.accessesTo(me.insurerNo(), me.insuredNo());
    }

    public List<OfficeInCharge> offices(LinkedPerson me) {
        return offices.officesOf(me.insurerNo(), me.insuredNo());
    }

    /** The person (or their representative) ends an office's 担当 (audited). */
    public void endOffice(LinkedPerson me, UUID relationshipId, LocalDate endDate) {
        offices.endByPerson(me.insurerNo(), me.insuredNo(), relationshipId, endDate, me.actingAs());
    }

    /** My consent decisions, oldest first. */
    public List<ConsentDecision> consents(LinkedPerson me) {
        return consents.decisions(me.insurerNo(), me.insuredNo());
    }

    /** Give or refuse (withdraw): one organisation or all ({@code party} null), one category or all (null). */
    public UUID decide(LinkedPerson me, Party party, InformationCategory category, boolean give) {
        return consents.decide(me.insurerNo(), me.insuredNo(), party, category, give, me.actingAs());
    }

    /** Break-glass openings of my records: who, why, until when, and whether the municipality reviewed it. */
    public List<EmergencyOpening> openings(LinkedPerson me) {
        return access.emergencyOpeningsOf(me.insurerNo(), me.insuredNo());
    }
}
