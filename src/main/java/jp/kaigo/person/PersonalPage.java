package jp.kaigo.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.access.Disclosure;
import jp.kaigo.careplan.CarePlans;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.audit.AccessGroup;
import jp.kaigo.audit.AccessGroups;
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
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.Party;
import org.springframework.stereotype.Service;

/**
 * The person's own view (facade), for the person signed in with their card or their registered representative:
 * every read of their records passes {@code access} (no consent needed for oneself) and is audited there.
 */
@Service
public class PersonalPage {
    /** How many "who looked" lines a page shows. */
    public static final int LOOKED_PER_PAGE = 10;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String PURPOSE = "本人による閲覧";
    private final AccessDecisions access;
    private final AuditLog audit;
    private final Consents consents;
    private final OfficesInCharge offices;
    private final OfficeMaster master;
    private final Visits visits;
    private final CarePlans plans;
    private final InsuredRegistry registry;

    PersonalPage(AccessDecisions access, AuditLog audit, Consents consents, OfficesInCharge offices, OfficeMaster master,
            Visits visits, CarePlans plans, InsuredRegistry registry) {
        this.visits = visits;
        this.plans = plans;
        this.registry = registry;
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
            LookedPage looked, List<EmergencyOpening> openings, Map<String, String> names, Instant lastVisit,
            int newLooks, List<ConsentDecision> consentsByOthersSinceLastVisit) {
        /** An organisation as the person reads it: its name from the master, with the services it gives me. */
        public String who(Party party) {
            return PersonalPage.who(party == null ? null : party.kind().code(), party == null ? null : party.number(),
                    names, offices);
        }

        /** The same for an organisation kept as its kind's code and number (an audit entry, an opening). */
        public String who(String kindCode, String number) {
            return PersonalPage.who(kindCode, number, names, offices);
        }

        /** An office of mine by its number. */
        public String office(String officeNo) {
            return who(Party.office(officeNo));
        }
    }

    /** One "who looked" line in plain Japanese; {@code isNew}: since my last visit; break-glass lines are marked. */
    public record LookedLine(String text, boolean emergency, boolean isNew) {
    }

    /** One page of "who looked" lines, {@value #LOOKED_PER_PAGE} a page, newest day first. */
    public record LookedPage(List<LookedLine> lines, int page, int pages) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /**
     * Everything the person's page shows, gathered in one call, and this page counted as a visit; {@code lookedPage}:
     * which page of "who looked" (from 1).
     */
    public Home home(LinkedPerson me, int lookedPage) {
        Instant now = Instant.now();
        Instant lastVisit = visits.arrive(me.insurerNo(), me.insuredNo(), me.actingAs() == null ? "person" : me.actingAs(),
                now).orElse(null);
        List<ConsentDecision> decisions = new ArrayList<>(consents.decisions(me.insurerNo(), me.insuredNo()));
        Collections.reverse(decisions);
        List<OfficeInCharge> mine = offices.officesOf(me.insurerNo(), me.insuredNo());
        AccessGroups groups = audit.accessGroups(me.insurerNo(), me.insuredNo(), lookedPage, LOOKED_PER_PAGE);
        List<EmergencyOpening> openings = access.emergencyOpeningsOf(me.insurerNo(), me.insuredNo());
        Set<Party> named = new HashSet<>();
        mine.forEach(o -> named.add(Party.office(o.officeNo())));
        for (AccessGroup g : groups.groups()) {
            PartyKind.ofCode(g.actorKind()).filter(k -> k != PartyKind.MUNICIPALITY && g.actorNumber() != null)
                    .ifPresent(k -> named.add(new Party(k, g.actorNumber())));
        }
        openings.forEach(o -> PartyKind.ofCode(o.actorKind()).filter(k -> k != PartyKind.MUNICIPALITY)
                .ifPresent(k -> named.add(new Party(k, o.actorNumber()))));
        decisions.stream().map(ConsentDecision::party).filter(p -> p != null).forEach(named::add);
        Map<String, String> names = master.namesOf(named);
        LocalDate today = LocalDate.now(JAPAN);
        List<LookedLine> lines = groups.groups().stream().map(g -> new LookedLine(
                LookedWords.line(g, who(g.actorKind(), g.actorNumber(), names, mine), today), g.emergency(),
                lastVisit != null && g.lastAt().isAfter(lastVisit))).toList();
        List<ConsentDecision> byOthers = lastVisit == null ? List.of() : decisions.stream()
                .filter(d -> d.decidedAt().isAfter(lastVisit) && !"person".equals(d.source())
                        && !"representative".equals(d.source())).toList();
        return new Home(access.readAll(Actor.person(me), me.insurerNo(), me.insuredNo(), PURPOSE), decisions, mine,
                new LookedPage(lines, groups.page(), groups.pages()), openings, names, lastVisit,
                lastVisit == null ? 0 : audit.accessGroupsSince(me.insurerNo(), me.insuredNo(), lastVisit), byOthers);
    }

    /** An organisation in words: 「〇〇事業所(訪問介護)」, or its kind and number when the master has no name for it. */
    static String who(String kindCode, String number, Map<String, String> names, List<OfficeInCharge> mine) {
        if ("representative".equals(kindCode)) {
            return "代理人";
        }
        PartyKind kind = PartyKind.ofCode(kindCode).orElse(null);
        if (kind == null) {
            return "本人以外の人";
        }
        if (kind == PartyKind.MUNICIPALITY) {
            return "保険者(市町村)";
        }
        if (number == null) {
            return kind.label();
        }
        String name = names.get(new Party(kind, number).toString());
        String services = kind != PartyKind.OFFICE ? "" : String.join("・", mine.stream()
                .filter(o -> o.officeNo().equals(number)).map(OfficeInCharge::serviceName).distinct().toList());
        return (name == null ? kind.label() + "(番号 " + number + ")" : name) + (services.isEmpty() ? "" : "(" + services + ")");
    }

    /** My own records of one category (audited like every read). */
    public Disclosure records(LinkedPerson me, InformationCategory category) {
        return access.read(Actor.person(me), me.insurerNo(), me.insuredNo(), category, PURPOSE);
    }

    /**
     * My answer to a care plan's 原案 shown to me (or my representative's, recorded as theirs): agree, or not with why
     * (docs/design/care-documents.md §7.1 P4); {@code access} decides and audits it as my own plan; answers the new status.
     */
    public PlanStatus answerPlan(LinkedPerson me, UUID planId, boolean agree, String note) {
        Decision decision = access.decide(Actor.person(me), me.insurerNo(), me.insuredNo(), InformationCategory.CARE_PLAN,
                agree ? "ケアプラン原案への同意" : "ケアプラン原案に同意しない");
        if (!decision.permitted()) {
            throw new InvalidValue("planId", "計画", decision.message());
        }
        return plans.answer(InsuredPerson.of(me.insurerNo(), me.insuredNo()), me.actingAs() == null ? "person"
                : me.actingAs(), planId, agree, note).status();
    }

    /** Whether I asked for a paper 資格確認書(仮称) (docs/design/care-documents.md §8.2). */
    public boolean wantsPaperCertificate(LinkedPerson me) {
        return registry.wantsPaperCertificate(new InsurerNumber(me.insurerNo()), new InsuredNumber(me.insuredNo()));
    }

    /** I (or my representative) ask for a paper 資格確認書, or no longer; the municipality prints it when it changes. */
    public void wantPaperCertificate(LinkedPerson me, boolean wanted) {
        registry.wantPaperCertificate(new InsurerNumber(me.insurerNo()), new InsuredNumber(me.insuredNo()), wanted,
                me.actingAs() == null ? "self" : "representative");
    }

    /** My 介護給付費通知, month by month, newest first, from my 給付実績 (read through access like every read). */
    public List<BenefitStatement> benefitStatements(LinkedPerson me) {
        List<Map<String, Object>> claims = records(me, InformationCategory.CLAIMS).records();
        Set<Party> offices = new HashSet<>();
        claims.forEach(c -> {
            if (c.get("officeNo") != null) {
                offices.add(Party.office(c.get("officeNo").toString()));
            }
        });
        Map<String, String> names = master.namesOf(offices);
        return BenefitStatement.of(claims, office -> names.get(Party.office(office).toString()));
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

    /**
     * Give or refuse (withdraw): one organisation or all ({@code party} null), one category or all (null); answers
     * what changed, in a sentence the person reads.
     */
    public ConsentChange decide(LinkedPerson me, Party party, InformationCategory category, boolean give) {
        UUID id = consents.decide(me.insurerNo(), me.insuredNo(), party, category, give, me.actingAs());
        return new ConsentChange(id, party == null ? ConsentChange.EVERYONE
                : who(party.kind().code(), party.number(), master.namesOf(Set.of(party)),
                        offices.officesOf(me.insurerNo(), me.insuredNo())), category, give);
    }

    /** Break-glass openings of my records: who, why, until when, and whether the municipality reviewed it. */
    public List<EmergencyOpening> openings(LinkedPerson me) {
        return access.emergencyOpeningsOf(me.insurerNo(), me.insuredNo());
    }
}
