package jp.kaigo.access;

import java.time.ZoneOffset;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.consent.Consents;
import jp.kaigo.registry.InsuredList;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.EmergencyOpened;
import jp.kaigo.shared.CarePlanDelivery;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.OwnCarePlan;
import jp.kaigo.shared.OwnPlanMonth;
import jp.kaigo.shared.PlanExchangeSource;
import jp.kaigo.shared.StandardPlanFiles;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OrganisationFirstAccess;
import jp.kaigo.shared.Party;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.StatisticalSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access decision (facade). Every decision, permit or deny, is audited before it is returned; a
 * permitted read reads the records through their module only after that. Nothing is cached: a withdrawn
 * consent, an ended relationship or a lost qualification applies from the very next request.
 */
@Service
public class AccessDecisions {
    static final Duration EMERGENCY = Duration.ofHours(72);
    /** Break-glass on a relationship that ended at most this many days ago. */
    static final int RECENTLY_ENDED_DAYS = 30;
    /** How many (organisation, person) looks {@link #looked} keeps before it starts again. */
    private static final int LOOKED_MAX = 200_000;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final Consents consents;
    private final InsuredRegistry registry;
    private final OfficesInCharge offices;
    private final AuditLog audit;
    private final JdbcClient sql;
    private final OfficeMaster master;
    private final Map<InformationCategory, CareRecordSource> sources = new EnumMap<>(InformationCategory.class);
    private final List<StatisticalSource> statisticalSources;
    private final PlanExchangeSource planExchange;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate alertTransaction;
    /**
     * Organisations known (on this instance) to have seen a person, so that a system reading the same persons all
     * day asks the audit once, not on every read (the audit query grows with the looks; the bench's 認定 reads
     * halved without this). Bounded: emptied when full, which only costs the query again.
     */
    private final Set<String> looked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    AccessDecisions(Consents consents, OfficesInCharge offices, InsuredRegistry registry, AuditLog audit,
            JdbcClient sql, List<CareRecordSource> sources, OfficeMaster master, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, List<StatisticalSource> statisticalSources,
            PlanExchangeSource planExchange) {
        this.statisticalSources = List.copyOf(statisticalSources);
        this.planExchange = planExchange;
        this.master = master;
        this.events = events;
        this.alertTransaction = new TransactionTemplate(transactions);
        this.alertTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.registry = registry;
        this.consents = consents;
        this.offices = offices;
        this.audit = audit;
        this.sql = sql;
        for (CareRecordSource source : sources) {
            source.categories().forEach(c -> this.sources.put(c, source));
        }
    }

    /** The categories whose records the platform holds (and can read). */
    public Set<InformationCategory> categoriesHeld() {
        return sources.keySet();
    }

    /**
     * Whether the actor may run 資格確認 at all ({@link EligibilityRules}); reads nothing. The 資格確認 is
     * audited once, with what it showed, by the use case that runs it.
     */
    public EligibilityScope eligibilityScope(Actor actor) {
        return EligibilityRules.decide(eligibilityFacts(actor, ConsentState.NONE));
    }

    /** A medical institution designated for a care service today (みなし指定, from the office and institution master). */
    private boolean designatedForCare(Actor actor) {
        return actor.kind() == PartyKind.MEDICAL_INSTITUTION
                && master.designatedForCare(actor.organisation().number(), LocalDate.now(JAPAN));
    }

    /**
     * What a 資格確認 about the person may show the actor, the 負担限度額認定証 included: asked only when the
     * person has one in force (most have none), so that the common answer costs no consent lookup.
     */
    public EligibilityScope eligibilityScope(Actor actor, String insurerNo, String insuredNo) {
        ConsentState limit = actor.isPerson() || actor.kind() == PartyKind.MUNICIPALITY ? ConsentState.NONE
                : consents.state(insurerNo, insuredNo, actor.organisation(), InformationCategory.BURDEN_LIMIT);
        return EligibilityRules.decide(eligibilityFacts(actor, limit));
    }

    private EligibilityRules.Facts eligibilityFacts(Actor actor, ConsentState burdenLimit) {
        return new EligibilityRules.Facts(actor.kind(), actor.job(), !actor.isPerson() && actor.staffId() != null,
                designatedForCare(actor), burdenLimit);
    }

    /** Decides and audits; reads nothing. */
    public Decision decide(Actor actor, String insurerNo, String insuredNo, InformationCategory category, String purpose) {
        AccessRules.Facts facts = facts(actor, insurerNo, insuredNo, category);
        Decision decision = Decision.of(category, AccessRules.decide(facts));
        audit.record(entry(actor, insurerNo, insuredNo, category.label(), purpose,
                (decision.permitted() ? "permit:" : "deny:") + decision.reason().name())
                .by(actor.staffId(), AccessRules.qualificationRelied(facts, decision.reason())));
        return decision;
    }

    /**
     * Decides, audits, and when permitted reads the category's records; the person is alerted when this is the first
     * look by an office or medical institution ({@link OrganisationFirstAccess}).
     */
    public Disclosure read(Actor actor, String insurerNo, String insuredNo, InformationCategory category, String purpose) {
        return noticed(actor, insurerNo, insuredNo, () -> disclose(actor, insurerNo, insuredNo, category, purpose),
                Disclosure::decision);
    }

    /**
     * Runs a look at the person's records and, when it was permitted and is the first by a care organisation new to the
     * person, tells the person ({@link OrganisationFirstAccess}).
     */
    private <T> T noticed(Actor actor, String insurerNo, String insuredNo, java.util.function.Supplier<T> look,
            java.util.function.Function<T, Decision> decision) {
        String key = careOrganisation(actor) ? actor.kind().code() + ":" + actor.organisation().number() + ":"
                + insurerNo + ":" + insuredNo : null;
        boolean firstLook = key != null && !looked.contains(key)
                && audit.lastSeenBy(actor.kind().code(), actor.organisation().number(), insurerNo, insuredNo).isEmpty();
        T result = look.get();
        if (key != null && decision.apply(result).permitted()) {
            remember(key);
            if (firstLook) {
                firstAccess(actor, insurerNo, insuredNo);
            }
        }
        return result;
    }

    private void remember(String look) {
        if (looked.size() >= LOOKED_MAX) {
            looked.clear();
        }
        looked.add(look);
    }

    private Disclosure disclose(Actor actor, String insurerNo, String insuredNo, InformationCategory category,
            String purpose) {
        CareRecordSource source = sources.get(category);
        if (source == null) {
            throw new InvalidValue("category", "情報の種類", "この情報はまだ扱っていません");
        }
        Decision decision = decide(actor, insurerNo, insuredNo, category, purpose);
        if (!decision.permitted()) {
            return new Disclosure(decision, List.of());
        }
        List<Map<String, Object>> records = source.read(category, insurerNo, insuredNo);
        if (category == InformationCategory.CARE_PLAN) {
            records = records.stream().filter(r -> AccessRules.seesPlanRecord(actor, r.get("recordType"), r.get("officeNo")))
                    .toList();
        }
        if (decision.reason() == AccessReason.OPINION_REQUESTED && category == InformationCategory.DOCTOR_OPINION) {
            // the institution asked for the 意見書 sees its own opinions, not other doctors'
            String institution = actor.organisation().number();
            records = records.stream().filter(r -> institution.equals(r.get("institutionCode"))).toList();
        }
        return new Disclosure(decision, records);
    }

    /**
     * A staff member's look at a person: every category as {@link #readAll} gives it, with when the actor's
     * organisation last saw the person's records before this look (null if not within the audit's report window),
     * so the page can say what is new since.
     */
    public record PersonFile(List<Disclosure> disclosures, Instant lastSeen) {
    }

    public PersonFile readFile(Actor actor, String insurerNo, String insuredNo, String purpose) {
        Instant lastSeen = actor.isPerson() ? null : audit.lastSeenBy(actor.kind().code(),
                actor.organisation().number(), insurerNo, insuredNo).orElse(null);
        List<Disclosure> disclosures = readAll(actor, insurerNo, insuredNo, purpose);
        if (careOrganisation(actor) && lastSeen == null && disclosures.stream().anyMatch(d -> d.decision().permitted())) {
            firstAccess(actor, insurerNo, insuredNo);
        }
        return new PersonFile(disclosures, lastSeen);
    }

    private static boolean careOrganisation(Actor actor) {
        return !actor.isPerson() && (actor.kind() == PartyKind.OFFICE || actor.kind() == PartyKind.MEDICAL_INSTITUTION);
    }

    /**
     * The person is told that an organisation with no look at them in the audit's report window saw their records;
     * the notice is made once per organisation (its deduplication key), however often this runs.
     */
    private void firstAccess(Actor actor, String insurerNo, String insuredNo) {
        alert(new OrganisationFirstAccess(InsuredPerson.of(insurerNo, insuredNo), actor.organisation(),
                master.nameOf(actor.organisation()).orElse(null), Instant.now()));
    }

    /**
     * Publishes an alert to the person in a transaction of its own, so that the event publication registry keeps it
     * and delivers it after that commit whatever the caller runs in (a read runs in none, or in a read-only one).
     */
    private void alert(Object event) {
        alertTransaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Every category held, in order, each decided, audited and (when permitted) read on its own. */
    public List<Disclosure> readAll(Actor actor, String insurerNo, String insuredNo, String purpose) {
        return categoriesHeld().stream().sorted().map(c -> disclose(actor, insurerNo, insuredNo, c, purpose)).toList();
    }

    /**
     * Whether the actor may write the person's records of the category: a care plan (the 介護支援専門員 of
     * the 居宅介護支援 or 介護予防支援 office in charge), LIFE assessments (an office in charge); audited.
     */
    public Decision mayWrite(Actor actor, String insurerNo, String insuredNo, InformationCategory category) {
        if (category != InformationCategory.CARE_PLAN && category != InformationCategory.LIFE) {
            throw new IllegalArgumentException("not written by organisations through access: " + category);
        }
        AccessRules.Facts facts = facts(actor, insurerNo, insuredNo, category);
        Decision decision = Decision.of(category, AccessRules.write(facts));
        audit.record(entry(actor, insurerNo, insuredNo, category.label() + "の登録", "記録の登録",
                (decision.permitted() ? "permit:" : "deny:") + decision.reason().name())
                .by(actor.staffId(), AccessRules.qualificationRelied(facts, decision.reason())));
        return decision;
    }

    /** The office's plans for a person (drafts included), or the decision that refused them. */
    public record OwnPlans(Decision decision, List<OwnCarePlan> plans, List<OwnPlanMonth> months) {
    }

    /**
     * The office's own plans for the person, drafts included, for its care manager: decided (and audited) as a write of
     * the person's plan (docs/design/care-documents.md §7).
     */
    public OwnPlans ownPlans(Actor actor, InsuredPerson person) {
        Decision decision = mayWrite(actor, person.insurerNo(), person.insuredNo(), InformationCategory.CARE_PLAN);
        if (!decision.permitted()) {
            return new OwnPlans(decision, List.of(), List.of());
        }
        return new OwnPlans(decision, planExchange.ownPlans(actor.organisation().number(), person),
                planExchange.ownMonths(actor.organisation().number(), person));
    }

    /** A delivery to the office with the decision about its person (numbers are shown only when permitted). */
    public record ReceivedPlan(CarePlanDelivery delivery, Decision decision) {
    }

    /**
     * What was delivered to the actor's office (plans naming it, 実績 of its persons), newest first, each entry decided
     * and audited for its person: an office no longer (or not yet) in charge sees that it cannot open it.
     */
    public List<ReceivedPlan> receivedPlans(Actor actor) {
        if (actor.isPerson() || actor.kind() != PartyKind.OFFICE) {
            return List.of();
        }
        return planExchange.deliveriesTo(actor.organisation().number(), 100).stream().map(d -> new ReceivedPlan(d,
                noticed(actor, d.person().insurerNo(), d.person().insuredNo(), () -> decide(actor, d.person().insurerNo(),
                        d.person().insuredNo(), InformationCategory.CARE_PLAN, "届いたケアプランの一覧"), x -> x)))
                .toList();
    }

    /** A delivery's files, or the decision that refused them. */
    public record PlanFiles(StandardPlanFiles files, Decision refused) {
    }

    /**
     * A delivery to the actor's office as the ケアプランデータ連携 standard's files, decided and audited for its person at the
     * download; empty when there is no such delivery to this office.
     */
    public Optional<PlanFiles> receivedPlanFiles(Actor actor, UUID deliveryId) {
        if (actor.isPerson() || actor.kind() != PartyKind.OFFICE) {
            return Optional.empty();
        }
        return planExchange.delivery(deliveryId, actor.organisation().number()).map(d -> {
            Decision decision = noticed(actor, d.person().insurerNo(), d.person().insuredNo(), () -> decide(actor,
                    d.person().insurerNo(), d.person().insuredNo(), InformationCategory.CARE_PLAN,
                    "ケアプラン標準CSVのダウンロード"), x -> x);
            return decision.permitted() ? new PlanFiles(planExchange.download(d, master.nameOf(
                    Party.office(d.senderNo())).orElse(null)), null) : new PlanFiles(null, decision);
        });
    }

    /**
     * Whether the actor may record the services its office provided to the person (第6表 実績): any office
     * that is the person's 担当事業所; audited.
     */
    public Decision mayRecordServices(Actor actor, String insurerNo, String insuredNo) {
        Decision decision = Decision.of(InformationCategory.CARE_PLAN,
                AccessRules.writeAsOfficeInCharge(facts(actor, insurerNo, insuredNo, InformationCategory.CARE_PLAN)));
        audit.record(entry(actor, insurerNo, insuredNo, "サービス提供実績の登録", "記録の登録",
                (decision.permitted() ? "permit:" : "deny:") + decision.reason().name()));
        return decision;
    }

    /**
     * A municipality's list of its own insured persons (保険者事務): only the municipality's staff, only its own
     * insurer; every person listed is a disclosure and audited as one.
     */
    public InsuredList.Page listOwnInsured(Actor actor, InsuredList.Query query, String purpose) {
        if (actor.isPerson() || actor.kind() != PartyKind.MUNICIPALITY || actor.job() == JobType.COMMITTEE_MEMBER) {
            // design §6.4 K1: not the 審査会委員
            throw new InvalidValue("actor", "利用者", "被保険者の一覧は保険者(市町村)の職員(認定審査会委員を除く)だけが使えます");
        }
        String insurer = actor.organisation().number();
        InsuredList.Page page = registry.list(new InsurerNumber(insurer), query);
        audit.recordAll(page.entries().stream().map(e -> entry(actor, insurer, e.insuredNo(), "被保険者の一覧",
                purpose, "permit:" + AccessReason.OWN_INSURED.name())).toList());
        return page;
    }

    /**
     * One person found by a search, with the records of the category the caller may read and the services for
     * which the office is their 担当事業所 (names).
     */
    public record Found(String insurerNo, String insuredNo, List<Map<String, Object>> records, List<String> services) {
    }

    /**
     * Search over the persons an office is 担当事業所 of: each person passes the same decision as a read
     * (audited), and only permitted persons appear, so no result or count reveals a record the caller may
     * not read. A person appears when one of their records passes the filter.
     */
    public List<Found> searchInCharge(Actor actor, InformationCategory category, String purpose, SearchFilter filter) {
        filter.check(category);
        LocalDate today = LocalDate.now(JAPAN);
        return searchInCharge(actor, category, purpose).stream()
                .filter(f -> f.records().stream().anyMatch(r -> filter.matches(r, today))).toList();
    }

    private List<Found> searchInCharge(Actor actor, InformationCategory category, String purpose) {
        if (actor.isPerson() || actor.kind() != PartyKind.OFFICE) {
            throw new InvalidValue("actor", "利用者", "担当利用者の検索は介護事業所の職員だけが使えます");
        }
        List<Found> found = new ArrayList<>();
        Map<List<String>, List<String>> services = new java.util.LinkedHashMap<>();
        offices.currentOf(actor.organisation().number()).forEach(o -> services.computeIfAbsent(
                List.of(o.insurerNo(), o.insuredNo()), k -> new ArrayList<>()).add(o.serviceName()));
        // the office's own persons in charge: listed, audited, but no first-look alert per row (read/readFile give it)
        services.forEach((person, names) -> {
            Disclosure disclosure = disclose(actor, person.get(0), person.get(1), category, purpose);
            if (disclosure.decision().permitted()) {
                found.add(new Found(person.get(0), person.get(1), disclosure.records(), names));
            }
        });
        return found;
    }

    private AccessRules.Facts facts(Actor actor, String insurerNo, String insuredNo, InformationCategory category) {
        LocalDate today = LocalDate.now(JAPAN);
        boolean self = actor.isPerson() && insurerNo.equals(actor.personInsurer()) && insuredNo.equals(actor.personInsured());
        boolean ownInsured = actor.kind() == PartyKind.MUNICIPALITY && insurerNo.equals(actor.organisation().number());
        Set<String> inCharge = Set.of();
        Set<String> recentlyEnded = Set.of();
        ConsentState consent = ConsentState.NONE;
        boolean opinionOpen = false;
        boolean lost = false;
        AccessRules.Emergency emergency = AccessRules.Emergency.NONE;
        if (actor.kind() == PartyKind.OFFICE || actor.kind() == PartyKind.MEDICAL_INSTITUTION) {
            lost = !registry.lostOnOrBefore(insurerNo, List.of(insuredNo), today).isEmpty();
            emergency = emergency(actor, insurerNo, insuredNo, today);
            if (actor.kind() == PartyKind.OFFICE) {
                List<OfficeInCharge> own = offices.officesOf(insurerNo, insuredNo).stream()
                        .filter(o -> o.officeNo().equals(actor.organisation().number())).toList();
                inCharge = own.stream().filter(o -> o.inChargeOn(today)).map(OfficeInCharge::serviceType)
                        .collect(Collectors.toSet());
                recentlyEnded = own.stream().filter(o -> o.endedWithin(today, RECENTLY_ENDED_DAYS))
                        .map(OfficeInCharge::serviceType).collect(Collectors.toSet());
            } else {
                opinionOpen = opinionRequestOpen(actor, insurerNo, insuredNo, today);
            }
            consent = consents.state(insurerNo, insuredNo, actor.organisation(), category);
        }
        boolean qualifiedCareManager = actor.qualifiedCareManager();
        return new AccessRules.Facts(actor, self, ownInsured, category, lost, inCharge, recentlyEnded,
                qualifiedCareManager, consent,
                opinionOpen, designatedForCare(actor), emergency);
    }

    private boolean opinionRequestOpen(Actor actor, String insurerNo, String insuredNo, LocalDate today) {
        return sources.values().stream().distinct().anyMatch(
                s -> s.opinionRequestOpen(actor.organisation().number(), insurerNo, insuredNo, today));
    }

    /** The side of the exchange rules a document's recipient is on; null for a person (no document goes to one). */
    private static ExchangeRules.Side side(Correspondent to) {
        return switch (to.kind()) {
            case MUNICIPALITY -> ExchangeRules.Side.MUNICIPALITY;
            case OFFICE -> ExchangeRules.Side.OFFICE;
            case MEDICAL_INSTITUTION -> ExchangeRules.Side.MEDICAL;
            case BOARD -> ExchangeRules.Side.BOARD;
            case PERSON -> null;
        };
    }

    /**
     * What the certification and exchange modules know about the person's case, as the use case read it from them
     * (design §2.10 facts; until a {@code shared.ExchangeFacts} lets this module ask them itself).
     *
     * @param caseOpen         the caller knows the case open (this module also asks the certification records)
     * @param assignmentOpen   an open survey assignment of this case to the sending office, or to the staff member
     * @param requestOpen      an opinion-request to the sending institution for this person, neither withdrawn nor
     *                         returned, and not yet answered by an accepted opinion
     * @param institutionNamed the recipient institution is the application's 主治医医療機関 or the 指定医 chosen
     * @param onAgenda         the case is on an agenda of the recipient board
     * @param admittedHere     an 入院時情報提供書 about the person, addressed to the institution sending a 退院・退所情報記録書,
     *                         was sent in the last 180 days and neither withdrawn nor returned (S21)
     */
    public record CaseFacts(boolean caseOpen, boolean assignmentOpen, boolean requestOpen, boolean institutionNamed,
            boolean onAgenda, boolean admittedHere) {
        public static final CaseFacts NONE = new CaseFacts(false, false, false, false, false);

        public CaseFacts(boolean caseOpen, boolean assignmentOpen, boolean requestOpen, boolean institutionNamed,
                boolean onAgenda) {
            this(caseOpen, assignmentOpen, requestOpen, institutionNamed, onAgenda, false);
        }
    }

    /**
     * A document already sent, as the exchange module holds it, for a decision on reading or acting on it.
     *
     * @param sender    the sending organisation; null when the person (or their representative) sent it
     * @param withdrawn the sender withdrew the document (a document its recipient returned stays readable to both)
     */
    public record SentDocument(UUID documentId, DocumentKind kind, Party sender, Correspondent recipient, String insurerNo,
            String insuredNo, boolean accepted, boolean withdrawn, boolean purged) {
    }

    /** What may be done to a document already sent. */
    public enum DocumentAct {
        READ("exchange.read"), WITHDRAW("exchange.withdraw"), ACCEPT("exchange.accept"), RETURN("exchange.return");

        private final String action;

        DocumentAct(String action) {
            this.action = action;
        }
    }

    /**
     * Whether the actor may send a document of the kind about the person to the addressee ({@link ExchangeRules},
     * design §2.10 S1–S17); audited, permit or deny, as action {@code exchange.send}. A person's card speaks for its
     * own numbers only; the platform sends the progress notices as a municipality's actor with no staff and no job.
     */
    public Decision maySend(Actor actor, DocumentKind kind, Correspondent to, String insurerNo, String insuredNo,
            CaseFacts known) {
        LocalDate today = LocalDate.now(JAPAN);
        ExchangeRules.Side sender = side(actor);
        AccessReason reason;
        if (sender == null || side(to) == null) {
            reason = AccessReason.WRONG_DIRECTION; // §2.3: the operator neither sends nor receives documents
        } else if (actor.isPerson() && !actor.speaksFor(insurerNo, insuredNo)) {
            reason = AccessReason.NOT_INVOLVED; // S17: a card is for its own person only
        } else {
            Party office = actor.kind() == PartyKind.OFFICE ? actor.organisation()
                    : to.kind() == Correspondent.Kind.OFFICE ? to.party().orElseThrow() : null;
            Set<String> designations = to.kind() == Correspondent.Kind.OFFICE
                    ? master.designatedServices(to.number(), today) : Set.of();
            reason = ExchangeRules.send(new ExchangeRules.SendFacts(kind, sender, actor.job(),
                    actor.qualifiedCareManager(), side(to), ownInsurer(actor, insurerNo),
                    to.kind() == Correspondent.Kind.MUNICIPALITY && insurerNo.equals(to.number()),
                    office == null ? Set.of() : inCharge(office, insurerNo, insuredNo, today), designations,
                    actor.isPerson() && actor.representing() != null, known.assignmentOpen() || ownSurveyor(actor,
                            kind, insurerNo, insuredNo), known.requestOpen(),
                    known.caseOpen() || certificationRecords().caseOpen(insurerNo, insuredNo),
                    known.institutionNamed(), known.onAgenda(),
                    !registry.lostOnOrBefore(insurerNo, List.of(insuredNo), today).isEmpty(),
                    institutionInvolved(actor, kind, to, insurerNo, insuredNo, known, today),
                    actor.qualifiedForHomeModificationReason()));
        }
        Decision decision = Decision.of(categoryOf(kind), reason);
        audit.record(entry(actor, insurerNo, insuredNo, "document:" + kind.key() + " → " + to, "exchange.send",
                (decision.permitted() ? "permit:" : "deny:") + reason.name()));
        return decision;
    }

    /**
     * S20, S21: whether the medical institution at the other end of an 入院時情報提供書 (its recipient) or at this end of
     * a 退院・退所情報記録書 (its sender) is involved with the person: not refused by the person, and a consent given to it
     * (入退院時の情報連携, or to every organisation), an open 意見書 request, or the admission it answers.
     */
    private boolean institutionInvolved(Actor actor, DocumentKind kind, Correspondent to, String insurerNo,
            String insuredNo, CaseFacts known, LocalDate today) {
        Party institution = kind == DocumentKind.ADMISSION_INFO ? to.party().orElse(null)
                : kind == DocumentKind.DISCHARGE_RECORD && !actor.isPerson() ? actor.organisation() : null;
        if (institution == null || institution.kind() != PartyKind.MEDICAL_INSTITUTION) {
            return false;
        }
        ConsentState consent = consents.state(insurerNo, insuredNo, institution, InformationCategory.CARE_TRANSITION);
        if (consent == ConsentState.REFUSED) {
            return false;
        }
        return consent == ConsentState.GIVEN || consent == ConsentState.GIVEN_ALL
                || kind == DocumentKind.DISCHARGE_RECORD && known.admittedHere()
                || sources.values().stream().distinct().anyMatch(
                        s -> s.opinionRequestOpen(institution.number(), insurerNo, insuredNo, today));
    }

    /** The steps of a 認定 case the municipality takes, each audited under its own action. */
    public enum CaseStep {
        ASSIGN_SURVEY("certification.assign-survey", "認定調査の依頼"),
        FIRST_JUDGEMENT("certification.first-judgement", "一次判定の取込"),
        RESULT("certification.result", "二次判定の記録"),
        WITHDRAW("certification.withdraw", "申請の取下げ"),
        AGENDA("certification.agenda", "介護認定審査会の準備"),
        READ("certification.read", "認定案件の閲覧");

        private final String action;
        private final String label;

        CaseStep(String action, String label) {
            this.action = action;
            this.label = label;
        }
    }

    /**
     * Whether the actor may take this step of the person's 認定 case ({@link CaseRules}): the person's municipality's
     * 市町村職員; audited, permit or deny.
     */
    public Decision mayWorkOnCase(Actor actor, String insurerNo, String insuredNo, CaseStep step) {
        AccessReason reason = CaseRules.decide(actor.kind(), actor.job(), ownInsurer(actor, insurerNo));
        Decision decision = Decision.of(InformationCategory.CERTIFICATION, reason);
        audit.record(entry(actor, insurerNo, insuredNo, step.label, step.action,
                (decision.permitted() ? "permit:" : "deny:") + reason.name()));
        return decision;
    }

    /**
     * What the application asks for, as the use case read it (design §3.1 facts the registry and the certification
     * records do not hold; those this module reads itself).
     *
     * @param applicationType      申請区分 code (1 新規, 2 更新, 3 区分変更, 4 転入)
     * @param applicationPending   another application of the person is sent and not yet accepted or returned
     * @param specificDiseaseGiven the application names a 特定疾病
     */
    public record ApplicationFacts(String applicationType, boolean applicationPending, boolean specificDiseaseGiven) {
    }

    /**
     * Whether this application may be made for the person today ({@link ApplicantRules}, design §3.1 A1–A10), after
     * {@link #maySend} said the actor may apply at all; audited as action {@code certification.apply}. The registry's
     * 資格 (insured by this municipality, lost on, 生年月日), the open case and the latest 認定 are read here. The
     * denial's message for A5 names the first day a 更新申請 is possible.
     */
    public Decision mayApply(Actor actor, String insurerNo, String insuredNo, ApplicationFacts facts) {
        LocalDate today = LocalDate.now(JAPAN);
        var standing = registry.standing(new InsurerNumber(insurerNo), new InsuredNumber(insuredNo), today);
        CareRecordSource certification = certificationRecords();
        ApplicantRules.Certified latest = certification.latestCertified(insurerNo, insuredNo)
                .map(p -> new ApplicantRules.Certified(p.from(), p.to())).orElse(null);
        ApplicantRules.ApplicationType type = java.util.Arrays.stream(ApplicantRules.ApplicationType.values())
                .filter(t -> t.code().equals(facts.applicationType())).findFirst()
                .orElseThrow(() -> new InvalidValue("applicationType", "申請区分", "コードが正しくありません"));
        boolean insured = standing.isPresent() && standing.get().acquiredOn() != null
                && !standing.get().acquiredOn().isAfter(today);
        int age = standing.map(s -> s.birthDate() == null ? 0 : java.time.Period.between(s.birthDate(), today).getYears())
                .orElse(0);
        AccessReason reason = ApplicantRules.decide(new ApplicantRules.Facts(type, today, insured,
                standing.map(s -> s.lostOn()).orElse(null),
                facts.applicationPending() || certification.caseOpen(insurerNo, insuredNo), latest, age,
                facts.specificDiseaseGiven()));
        Decision decision = Decision.of(InformationCategory.CERTIFICATION, reason);
        if (reason == AccessReason.RENEWAL_NOT_YET && latest != null) {
            decision = new Decision(decision.category(), false, reason, reason.message() + "(この方は "
                    + ApplicantRules.firstRenewalDay(latest) + " から申請できます)");
        }
        audit.record(entry(actor, insurerNo, insuredNo, "document:" + DocumentKind.CERTIFICATION_APPLICATION.key()
                + " 申請区分" + type.code(), "certification.apply",
                (decision.permitted() ? "permit:" : "deny:") + reason.name()));
        return decision;
    }

    /**
     * Whether the actor may read, withdraw, accept or return the document ({@link ExchangeRules}, design §2.10
     * R1–R7); audited, permit or deny, as action {@code exchange.read|withdraw|accept|return}. A committee packet is
     * never opened here (§6.4: its own decision with the agenda's facts); a 審査会委員 is refused here.
     */
    public Decision mayAct(Actor actor, SentDocument document, DocumentAct act, CaseFacts known) {
        LocalDate today = LocalDate.now(JAPAN);
        ExchangeRules.Side reader = side(actor);
        AccessReason reason;
        if (reader == null) {
            reason = AccessReason.NOT_INVOLVED; // the operator sees no person's documents
        } else {
            String insurerNo = document.insurerNo();
            String insuredNo = document.insuredNo();
            boolean toReader = !actor.isPerson()
                    && document.recipient().party().filter(actor.organisation()::equals).isPresent();
            reason = ExchangeRules.readOrAct(new ExchangeRules.ReadFacts(document.kind(),
                    ExchangeRules.Act.valueOf(act.name()), reader, actor.job(), actor.qualifiedCareManager(),
                    !actor.isPerson() && actor.organisation().equals(document.sender()), toReader,
                    actor.isPerson() && actor.speaksFor(insurerNo, insuredNo), ownInsurer(actor, insurerNo),
                    document.withdrawn(), known.assignmentOpen(),
                    actor.kind() == PartyKind.OFFICE ? inCharge(actor.organisation(), insurerNo, insuredNo, today)
                            : Set.of(),
                    document.accepted(), document.purged(), AccessReason.NOT_ON_AGENDA));
        }
        Decision decision = Decision.of(categoryOf(document.kind()), reason);
        audit.record(entry(actor, document.insurerNo(), document.insuredNo(),
                "document:" + document.kind().key() + ":" + document.documentId(), act.action,
                (decision.permitted() ? "permit:" : "deny:") + reason.name()));
        return decision;
    }

    /** A document on a page of an inbox or outbox, as listed (envelope only: kind, person, no content). */
    public record ListedDocument(UUID documentId, DocumentKind kind, String insurerNo, String insuredNo) {
    }

    /** The two lists of an organisation's documents. */
    public enum DocumentBox {
        INBOX, OUTBOX
    }

    /**
     * Whether the actor may list its organisation's inbox and outbox (design §2.10): the staff of a municipality,
     * office or medical institution; not a 審査会委員 (K1: packets only, through the committee room), not the
     * operator (who neither sends nor receives), not a person (whose documents are in their own pages). Listing
     * itself discloses nothing until {@link #listed} records what the page showed.
     */
    public Decision mayListDocuments(Actor actor) {
        AccessReason reason = actor.isPerson() || actor.kind() == PartyKind.OPERATOR ? AccessReason.NOT_INVOLVED
                : actor.job() == JobType.COMMITTEE_MEMBER ? AccessReason.COMMITTEE_PACKET_ONLY : AccessReason.OWN_BOX;
        return Decision.of(InformationCategory.CERTIFICATION, reason);
    }

    /**
     * Records each document a page of the box showed (its kind and whose it is), so that the person's "who looked"
     * view lists the organisation that saw the envelope; action {@code exchange.inbox|outbox}.
     */
    public void listed(Actor actor, DocumentBox box, List<ListedDocument> documents) {
        if (!mayListDocuments(actor).permitted()) {
            throw new IllegalArgumentException("the actor may not list documents");
        }
        audit.recordAll(documents.stream().map(d -> entry(actor, d.insurerNo(), d.insuredNo(),
                "document:" + d.kind().key() + ":" + d.documentId(), "exchange." + box.name().toLowerCase(java.util.Locale.ROOT),
                "permit:" + AccessReason.OWN_BOX.name())).toList());
    }

    /**
     * What the certification module knows about a packet's agenda and the asker's membership, as the use case read
     * it (design §6.4 facts).
     *
     * @param onOwnAgenda        the packet is on an agenda of the asker's municipality (false for an unknown id)
     * @param memberOfBoard      the asker was ever a member of the agenda's 合議体
     * @param memberOnMeetingDay the asker's membership of that 合議体 is valid on the meeting date
     * @param published          the agenda is published or held (neither a draft nor cancelled)
     * @param publishedAt        when the agenda was (or is to be) published; null if never
     * @param meetingOn          the meeting date
     */
    public record AgendaFacts(boolean onOwnAgenda, boolean memberOfBoard, boolean memberOnMeetingDay, boolean published,
            Instant publishedAt, LocalDate meetingOn) {
    }

    /**
     * Whether the actor may open the committee packet ({@link CommitteeRules}, design §6.4 K2–K8; R6); audited,
     * permit or deny, as category 介護認定審査会資料 with the purpose 介護認定審査会の審査 for a member, so that the
     * person's "who looked" view shows the 審査会委員 of the municipality (never a name). NOT_ON_AGENDA and
     * OTHER_BOARD are to be answered as "not found".
     */
    public Decision mayReadPacket(Actor actor, SentDocument packet, AgendaFacts agenda) {
        return mayReadPacket(actor, packet, agenda, Instant.now());
    }

    Decision mayReadPacket(Actor actor, SentDocument packet, AgendaFacts agenda, Instant now) {
        if (packet.kind() != DocumentKind.COMMITTEE_PACKET) {
            throw new IllegalArgumentException("not a committee packet: " + packet.kind());
        }
        CommitteeRules.Membership membership = !agenda.memberOfBoard() ? CommitteeRules.Membership.NEVER
                : agenda.memberOnMeetingDay() ? CommitteeRules.Membership.ON_MEETING_DAY
                : CommitteeRules.Membership.NOT_ON_MEETING_DAY;
        AccessReason answer = CommitteeRules.decide(new CommitteeRules.Facts(actor, agenda.onOwnAgenda(), membership,
                agenda.published() ? CommitteeRules.AgendaStatus.PUBLISHED : CommitteeRules.AgendaStatus.DRAFT,
                agenda.publishedAt(), agenda.meetingOn(), now));
        // the members' answer is R6 of the exchange rules; the municipality's other staff read their own packets (K8)
        AccessReason reason = actor.job() == JobType.COMMITTEE_MEMBER ? ExchangeRules.readOrAct(
                new ExchangeRules.ReadFacts(packet.kind(), ExchangeRules.Act.READ, ExchangeRules.Side.BOARD, actor.job(),
                        false, false, false, false, false, false, false, Set.of(), false, packet.purged(), answer))
                : answer;
        Decision decision = Decision.of(InformationCategory.COMMITTEE_PACKET, reason);
        audit.record(entry(actor, packet.insurerNo(), packet.insuredNo(), InformationCategory.COMMITTEE_PACKET.label()
                + "(document:" + packet.kind().key() + ":" + packet.documentId() + ")",
                Purpose.of(actor.isPerson() ? PartyKind.MUNICIPALITY : actor.kind(), actor.job()).label(),
                (decision.permitted() ? "permit:" : "deny:") + reason.name()));
        return decision;
    }

    /** The category a document of the kind is disclosed as in the person's "who looked" view (design §2.10). */
    static InformationCategory categoryOf(DocumentKind kind) {
        return switch (kind) {
            case CARE_SURVEY -> InformationCategory.CARE_SURVEY;
            case DOCTOR_OPINION -> InformationCategory.DOCTOR_OPINION;
            case COMMITTEE_PACKET -> InformationCategory.COMMITTEE_PACKET;
            case CERTIFICATION_APPLICATION, SURVEY_ASSIGNMENT, OPINION_REQUEST, PROGRESS_NOTICE ->
                    InformationCategory.CERTIFICATION;
            case ADMISSION_INFO, DISCHARGE_RECORD -> InformationCategory.CARE_TRANSITION;
            case CARE_PLAN_NOTIFICATION, HOME_MODIFICATION_REASON -> InformationCategory.INSURANCE_CARD;
            case LIVING_SUPPORT_NOTIFICATION -> InformationCategory.CARE_PLAN;
        };
    }

    private static ExchangeRules.Side side(Actor actor) {
        if (actor.isPerson()) {
            return actor.representing() == null ? ExchangeRules.Side.PERSON_SELF : ExchangeRules.Side.PERSON_REP;
        }
        return switch (actor.kind()) {
            case MUNICIPALITY -> actor.job() == JobType.COMMITTEE_MEMBER ? ExchangeRules.Side.BOARD
                    : ExchangeRules.Side.MUNICIPALITY;
            case OFFICE -> ExchangeRules.Side.OFFICE;
            case MEDICAL_INSTITUTION -> ExchangeRules.Side.MEDICAL;
            case OPERATOR -> null;
        };
    }

    private static boolean ownInsurer(Actor actor, String insurerNo) {
        return actor.kind() == PartyKind.MUNICIPALITY && insurerNo.equals(actor.organisation().number());
    }

    /**
     * S8: a municipality's staff member sending a care-survey answers no document; the assignment is open to them
     * when an open assignment of the person's open case names them as the municipality's own surveyor (design §4.1).
     */
    private boolean ownSurveyor(Actor actor, DocumentKind kind, String insurerNo, String insuredNo) {
        return kind == DocumentKind.CARE_SURVEY && !actor.isPerson() && actor.kind() == PartyKind.MUNICIPALITY
                && actor.staffId() != null && certificationRecords().surveyAssignedTo(insurerNo, insuredNo,
                        actor.staffId());
    }

    /** The 要介護認定 records, or none (a platform without the certification module knows of no case and no 認定). */
    private CareRecordSource certificationRecords() {
        CareRecordSource source = sources.get(InformationCategory.CERTIFICATION);
        return source != null ? source : new CareRecordSource() {
            @Override
            public List<InformationCategory> categories() {
                return List.of();
            }

            @Override
            public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
                return List.of();
            }
        };
    }

    /**
     * The offices the platform tells of the person's 認定 progress (S14): those in charge of the person today for a
     * service with care management built in ({@link AccessRules#CARE_MANAGEMENT}). Each send is still decided.
     */
    public List<Party> progressRecipients(InsurerNumber insurer, InsuredNumber insured) {
        LocalDate today = LocalDate.now(JAPAN);
        return offices.officesOf(insurer.value(), insured.value()).stream()
                .filter(o -> o.inChargeOn(today) && AccessRules.CARE_MANAGEMENT.contains(o.serviceType()))
                .map(o -> Party.office(o.officeNo())).distinct().toList();
    }

    /** The service types for which the office is the person's 担当事業所 today. */
    private Set<String> inCharge(Party office, String insurerNo, String insuredNo, LocalDate today) {
        return offices.officesOf(insurerNo, insuredNo).stream()
                .filter(o -> o.officeNo().equals(office.number()) && o.inChargeOn(today))
                .map(OfficeInCharge::serviceType).collect(Collectors.toSet());
    }

    /**
     * Break-glass: a staff member of an office or medical institution opens the person's records in an
     * emergency, with a reason, for 72 hours. Only with a current or recently ended ({@value #RECENTLY_ENDED_DAYS}
     * days) 担当事業所 relationship of the office (an institution: the person's consent naming it or an open
     * 意見書 request), or under a disaster mode the person's municipality declared for the organisation. It
     * opens for this staff member alone, within the job rules, and never against the person's refusal outside
     * a disaster. Audited; shown to the person and in the municipality's review list.
     */
    public EmergencyOpening openInEmergency(Actor actor, String insurerNo, String insuredNo, String reason) {
        if (actor.isPerson() || actor.kind() == PartyKind.MUNICIPALITY || actor.staffId() == null) {
            throw new NotPermitted("緊急時の閲覧は介護事業所・医療機関の職員だけが使えます");
        }
        if (reason == null || reason.strip().length() < 10 || reason.length() > 500) {
            throw new InvalidValue("reason", "理由", "緊急に閲覧が必要な理由を10〜500文字で入力してください");
        }
        LocalDate today = LocalDate.now(JAPAN);
        String basis;
        UUID disaster = null;
        if (actor.kind() == PartyKind.OFFICE && offices.officesOf(insurerNo, insuredNo).stream()
                .anyMatch(o -> o.officeNo().equals(actor.organisation().number())
                        && (o.inChargeOn(today) || o.endedWithin(today, RECENTLY_ENDED_DAYS)))) {
            basis = "relationship";
        } else if (actor.kind() == PartyKind.MEDICAL_INSTITUTION
                && (opinionRequestOpen(actor, insurerNo, insuredNo, today)
                        || consents.state(insurerNo, insuredNo, actor.organisation(), null) == ConsentState.GIVEN)) {
            basis = "involved";
        } else {
            disaster = disasterCovering(insurerNo, actor.organisation(), today)
                    .orElseThrow(() -> new NotPermitted("緊急時の閲覧は、この方の担当(終了後" + RECENTLY_ENDED_DAYS
                            + "日以内を含む)の事業所・関わりのある医療機関、または保険者が宣言した災害時の対象機関だけが使えます"));
            basis = "disaster";
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        sql.sql("""
                insert into access.emergency_openings (opening_id, actor_kind, actor_number, staff_job, staff_id,
                                                       insurer_no, insured_no, reason, basis, disaster_id, opened_at,
                                                       expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, actor.kind().code(), actor.organisation().number(), actor.job().name(), actor.staffId(),
                insurerNo, insuredNo, reason.strip(), basis, disaster, now.atOffset(ZoneOffset.UTC),
                now.plus(EMERGENCY).atOffset(ZoneOffset.UTC)).update();
        audit.record(entry(actor, insurerNo, insuredNo, "緊急時の閲覧の開始", "緊急時の閲覧", "break-glass:" + basis));
        alert(new EmergencyOpened(id, InsuredPerson.of(insurerNo, insuredNo), actor.organisation(),
                master.nameOf(actor.organisation()).orElse(null), now, now.plus(EMERGENCY)));
        return openings("where opening_id = ?", id).get(0);
    }

    /** The staff member's open break-glass openings for the person, and whether a disaster mode in force backs one. */
    private AccessRules.Emergency emergency(Actor actor, String insurerNo, String insuredNo, LocalDate today) {
        if (actor.staffId() == null) {
            return AccessRules.Emergency.NONE;
        }
        record Open(String basis, UUID disaster) {
        }
        List<Open> open = sql.sql("""
                select basis, disaster_id from access.emergency_openings
                 where insurer_no = ? and insured_no = ? and staff_id = ? and expires_at > now()
                """).params(insurerNo, insuredNo, actor.staffId())
                .query((rs, n) -> new Open(rs.getString(1), rs.getObject(2, UUID.class))).list();
        AccessRules.Emergency found = AccessRules.Emergency.NONE;
        for (Open o : open) {
            if (o.disaster() == null) {
                found = found == AccessRules.Emergency.NONE ? AccessRules.Emergency.OPEN : found;
            } else if (disasterInForce(o.disaster(), actor.organisation(), today)) {
                found = AccessRules.Emergency.DISASTER;
            }
        }
        return found;
    }

    /** Whether the disaster mode an opening was made under is still in force today and names the organisation. */
    private boolean disasterInForce(UUID disasterId, Party party, LocalDate today) {
        return sql.sql("""
                select exists (select 1 from access.disaster_modes
                                where disaster_id = ? and ended_at is null and ? between valid_from and valid_to
                                  and ? = any(parties))
                """).params(disasterId, today, party.toString()).query(Boolean.class).single();
    }

    /** The disaster mode of the person's municipality in force today that names the organisation. */
    private Optional<UUID> disasterCovering(String insurerNo, Party party, LocalDate today) {
        return sql.sql("""
                select disaster_id from access.disaster_modes
                 where insurer_no = ? and ended_at is null and ? between valid_from and valid_to and ? = any(parties)
                 order by declared_at desc limit 1
                """).params(insurerNo, today, party.toString()).query(UUID.class).optional();
    }

    /**
     * The municipality declares a disaster mode for its insured (national-design.md A3, S123): an area under
     * the Disaster Relief Act, a period of at most 90 days, and the organisations allowed. Audited.
     */
    public UUID declareDisaster(Actor actor, String area, LocalDate from, LocalDate to, List<Party> parties) {
        if (!municipalOfficer(actor)) {
            throw new NotPermitted("災害時の閲覧は保険者(市町村)の職員が宣言します");
        }
        if (area == null || area.isBlank() || area.length() > 200) {
            throw new InvalidValue("area", "対象地域", "災害救助法の適用地域を1〜200文字で入力してください");
        }
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(90))) {
            throw new InvalidValue("validTo", "期間", "開始日から90日以内の終了日を指定してください");
        }
        if (parties == null || parties.isEmpty() || parties.stream().anyMatch(p -> p.kind() == PartyKind.MUNICIPALITY)) {
            throw new InvalidValue("parties", "対象機関", "対象の介護事業所・医療機関を1つ以上指定してください");
        }
        UUID id = UUID.randomUUID();
        String insurer = actor.organisation().number();
        sql.sql("""
                insert into access.disaster_modes (disaster_id, insurer_no, area, valid_from, valid_to, parties, declared_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, insurer, area.strip(), from, to,
                parties.stream().map(Party::toString).distinct().toArray(String[]::new), actor.staffId()).update();
        audit.record(entry(actor, null, null, "災害時の閲覧の宣言(" + from + "〜" + to + "、" + parties.size() + "機関)",
                "災害時の閲覧", "DECLARED"));
        return id;
    }

    /** The municipality ends its disaster mode early; break-glass openings under it stop at once. */
    public void endDisaster(Actor actor, UUID disasterId) {
        if (!municipalOfficer(actor)) {
            throw new NotPermitted("災害時の閲覧は保険者(市町村)の職員が終了します");
        }
        int ended = sql.sql("update access.disaster_modes set ended_at = now() where disaster_id = ? and insurer_no = ?"
                + " and ended_at is null").params(disasterId, actor.organisation().number()).update();
        if (ended == 0) {
            throw new InvalidValue("disasterId", "災害時の閲覧", "終了できる宣言が見つかりません");
        }
        audit.record(entry(actor, null, null, "災害時の閲覧の終了", "災害時の閲覧", "ENDED"));
    }

    /** The person's break-glass openings, newest first (for the person's view). */
    public List<EmergencyOpening> emergencyOpeningsOf(String insurerNo, String insuredNo) {
        return openings("where insurer_no = ? and insured_no = ? order by opened_at desc", insurerNo, insuredNo);
    }

    /** The municipality's review list: openings about its insured not yet reviewed, oldest first. */
    public List<EmergencyOpening> emergencyOpeningsToReview(String insurerNo) {
        return openings("where insurer_no = ? and reviewed_at is null order by opened_at", insurerNo);
    }

    /** The municipality's staff member records the review of an opening about one of its insured (audited). */
    public void review(Actor actor, UUID openingId, String note) {
        if (!municipalOfficer(actor)) {
            throw new NotPermitted("緊急時の閲覧の確認は保険者(市町村)の職員が行います");
        }
        String insurerNo = actor.organisation().number();
        var reviewed = sql.sql("update access.emergency_openings set reviewed_at = now(), review_note = ?, reviewed_by = ? "
                + "where opening_id = ? and insurer_no = ? and reviewed_at is null returning insured_no")
                .params(note == null ? null : note.strip(), actor.staffId(), openingId, insurerNo).query(String.class)
                .optional().orElseThrow(() -> new InvalidValue("openingId", "緊急時の閲覧", "確認待ちの緊急時の閲覧が見つかりません"));
        audit.record(entry(actor, insurerNo, reviewed, "緊急時の閲覧の事後確認", "緊急時の閲覧", "REVIEWED"));
    }

    private List<EmergencyOpening> openings(String where, Object... params) {
        return sql.sql("select opening_id, actor_kind, actor_number, staff_job, insurer_no, insured_no, reason, opened_at,"
                + " expires_at, reviewed_at, review_note from access.emergency_openings " + where).params(params)
                .query((rs, n) -> new EmergencyOpening(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getString(11))).list();
    }

    /** A signed-in staff member of a municipality other than a 審査会委員 (design §6.4 K1). */
    private static boolean municipalOfficer(Actor actor) {
        return actor.kind() == PartyKind.MUNICIPALITY && actor.staffId() != null
                && actor.job() != JobType.COMMITTEE_MEMBER;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static AuditEntry entry(Actor actor, String insurerNo, String insuredNo, String subject, String purpose,
            String outcome) {
        return new AuditEntry("disclosure", actor.isPerson() ? (actor.representing() == null ? "person" : "representative")
                : actor.kind().code(),
                actor.isPerson() ? null : actor.organisation().number(),
                actor.job() != null ? actor.job().name() : actor.representing(),
                insurerNo, insuredNo, subject, purpose, outcome).by(actor.staffId(), null);
    }

    // ---------------------------------------------------------------- 介護認定審査会 (design §6.2–§6.4)

    /**
     * The cases of an agenda of the actor's municipality, for its 市町村職員 ({@link CaseRules}); empty for anyone
     * else. The use case has asked {@link #mayWorkOnCase} (audited) before.
     */
    public List<jp.kaigo.shared.AgendaCase> agendaCases(Actor actor, UUID agendaId) {
        return officer(actor) ? certificationRecords().agendaCases(actor.organisation().number(), agendaId) : List.of();
    }

    /**
     * The masked packet of a case on an agenda of the actor's municipality, built now (design §6.3), for its
     * 市町村職員 who asked {@link #mayWorkOnCase} for the person (audited); empty for anyone else.
     */
    public Map<String, String> committeePacket(Actor actor, jp.kaigo.shared.AgendaCase agendaCase,
            List<String> otherNames, List<String> phones) {
        return officer(actor) ? certificationRecords().committeePacket(actor.organisation().number(), agendaCase,
                otherNames, phones) : Map.of();
    }

    /**
     * The published cases of the boards a 審査会委員 sits on, within their window (K2–K4 as a list: the 事例番号, no
     * person's data); empty for anyone else.
     */
    public List<jp.kaigo.shared.AgendaCase> boardPackets(Actor actor) {
        return !actor.isPerson() && actor.kind() == PartyKind.MUNICIPALITY && actor.job() == JobType.COMMITTEE_MEMBER
                ? certificationRecords().boardPackets(actor.organisation().number(), actor.staffId()) : List.of();
    }

    /**
     * The agenda of a packet of the actor's municipality with the actor's membership of its board: the facts of
     * {@link #mayReadPacket}; empty for a packet on no agenda of the actor's municipality.
     */
    public java.util.Optional<jp.kaigo.shared.AgendaCase.OfMember> packetAgenda(Actor actor, UUID packetDocumentId) {
        return !actor.isPerson() && actor.kind() == PartyKind.MUNICIPALITY
                ? certificationRecords().packetAgenda(actor.organisation().number(), packetDocumentId, actor.staffId())
                : java.util.Optional.empty();
    }

    /**
     * The boards of the actor's municipality with their members' terms, for its 市町村職員 ({@link CaseRules}); empty
     * for anyone else. The use case has asked {@link #mayWorkOnCase} (audited) before.
     */
    public List<jp.kaigo.shared.AgendaSummary.Board> committeeBoards(Actor actor) {
        return officer(actor) ? certificationRecords().committeeBoards(actor.organisation().number()) : List.of();
    }

    /**
     * The agendas of the actor's municipality, the latest meeting first, for its 市町村職員 ({@link CaseRules});
     * empty for anyone else. The use case has asked {@link #mayWorkOnCase} (audited) before.
     */
    public List<jp.kaigo.shared.AgendaSummary> agendas(Actor actor) {
        return officer(actor) ? certificationRecords().agendas(actor.organisation().number()) : List.of();
    }

    /**
     * The packet of a case on an agenda of the actor's municipality with its free texts as written, for the masking
     * review of its 市町村職員 who asked {@link #mayWorkOnCase} for the person (audited); empty for anyone else.
     */
    public Map<String, String> committeePacketAsWritten(Actor actor, jp.kaigo.shared.AgendaCase agendaCase) {
        return officer(actor) ? certificationRecords().committeePacketAsWritten(actor.organisation().number(),
                agendaCase) : Map.of();
    }

    private static boolean officer(Actor actor) {
        return !actor.isPerson() && CaseRules.decide(actor.kind(), actor.job(), true).permits();
    }
    // ---------------------------------------------------------------- the own surveyor's worklist (design §4.1, S8)

    /**
     * Whether the staff member may list the 認定調査 assigned to them: a 市町村職員 of a municipality (only such a one
     * is ever assigned, S8), by {@link CaseRules} for the municipality's own insured. Listing itself discloses
     * nothing until {@link #surveysListed} records what the page showed.
     */
    public Decision mayListOwnSurveys(Actor actor) {
        AccessReason reason = actor.isPerson() ? AccessReason.NOT_INVOLVED
                : CaseRules.decide(actor.kind(), actor.job(), true);
        return Decision.of(InformationCategory.CERTIFICATION, reason);
    }

    /** Records each person whose assigned survey the surveyor's list showed; action {@code certification.surveys}. */
    public void surveysListed(Actor actor, String insurerNo, List<String> insuredNos) {
        Decision decision = mayListOwnSurveys(actor);
        if (!decision.permitted()) {
            throw new IllegalArgumentException("the actor may not list surveys");
        }
        audit.recordAll(insuredNos.stream().map(insuredNo -> entry(actor, insurerNo, insuredNo, "認定調査の一覧",
                "certification.surveys", "permit:" + decision.reason().name())).toList());
    }

    // ---------------------------------------------------------------- the officer's case list (design §8.3)

    /**
     * Whether the actor may list its municipality's 認定 cases ({@link CaseRules} for its own insured: the
     * municipality's 市町村職員). Listing itself discloses nothing until {@link #casesListed} records what the page
     * showed; a denial is not audited, as no person is named.
     */
    public Decision mayListCases(Actor actor) {
        AccessReason reason = actor.isPerson() ? AccessReason.NOT_INVOLVED
                : CaseRules.decide(actor.kind(), actor.job(), true);
        return Decision.of(InformationCategory.CERTIFICATION, reason);
    }

    /** A case on a page of the municipality's case list, as listed (its id and whose it is). */
    public record ListedCase(UUID caseId, String insurerNo, String insuredNo) {
    }

    /** Records each case the list showed, so the person's "who looked" view lists the municipality; {@code certification.cases}. */
    public void casesListed(Actor actor, List<ListedCase> cases) {
        if (!mayListCases(actor).permitted()) {
            throw new IllegalArgumentException("the actor may not list cases");
        }
        audit.recordAll(cases.stream().map(c -> entry(actor, c.insurerNo(), c.insuredNo(), "case:" + c.caseId(),
                "certification.cases", "permit:" + AccessReason.OWN_INSURED.name())).toList());
    }

    // ---------------------------------------------------------------- 2次利用 (docs/design/analytics.md)

    /** What the insurer's data are used for: statistics (indicators) or a pseudonymised row-level extract. */
    public enum StatisticsUse {
        INDICATORS("統計の集計"),
        EXTRACT("個票データ(仮名化)の作成");

        private final String label;

        StatisticsUse(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the actor may use the insurer's data so ({@link StatisticsRules}); names no person, so not audited. */
    public Decision mayUseStatistics(Actor actor, InsurerNumber insurer, StatisticsUse use) {
        boolean own = !actor.isPerson() && actor.kind() == PartyKind.MUNICIPALITY
                && actor.organisation().number().equals(insurer.value());
        return Decision.of(null, StatisticsRules.decide(actor.kind(), actor.job(), own, use));
    }

    /**
     * Decides a use of the insurer's data and audits it (the staff member, the use, {@code subject}, purpose 2次利用;
     * no person is named: an extract's own register names the persons it includes); refused with its reason.
     */
    public void useStatistics(Actor actor, InsurerNumber insurer, StatisticsUse use, String subject) {
        Decision decision = mayUseStatistics(actor, insurer, use);
        audit.record(entry(actor, insurer.value(), null, use.label() + " " + subject, Purpose.SECONDARY_USE.label(),
                (decision.permitted() ? "permit:" : "deny:") + decision.reason().name()));
        if (!decision.permitted()) {
            throw new NotPermitted(decision.message());
        }
    }

    /**
     * Reads the facts of every person of the insurer for the months, for statistics or an extract, after the
     * decision ({@link #useStatistics}, audited), streamed to the sink.
     */
    public void readForStatistics(Actor actor, InsurerNumber insurer, StatisticsUse use, String subject,
            java.time.YearMonth from, java.time.YearMonth to, StatisticalSource.Sink sink) {
        useStatistics(actor, insurer, use, subject);
        statisticalSources.forEach(source -> source.statistics(insurer.value(), from, to, sink));
    }
}
