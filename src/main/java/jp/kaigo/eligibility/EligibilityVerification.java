package jp.kaigo.eligibility;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.EligibilityScope;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.registry.Eligibility;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.Standing;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.ServiceType;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Service;

/**
 * 資格確認 and what follows it at the office (facade): by typed numbers, by My Number card, 一括照会; the
 * registration as 担当事業所 with the proof a single 資格確認 handed out; the 負担限度額 consent recorded at the
 * office. Who may do it and what the answer shows is asked of {@code access}; every 資格確認 is audited here,
 * with the staff account that asked and what was shown.
 */
@Service
public class EligibilityVerification {
    /** 一括照会: at most this many persons per request. */
    public static final int BATCH_LIMIT = 1000;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final InsuredRegistry registry;
    private final AccessDecisions access;
    private final OfficesInCharge offices;
    private final MyNumberCards cards;
    private final Consents consents;
    private final AuditLog audit;
    private final BirthDateGuesses guesses;
    private final OfficeMaster master;

    EligibilityVerification(InsuredRegistry registry, AccessDecisions access, OfficesInCharge offices,
            MyNumberCards cards, Consents consents, AuditLog audit, BirthDateGuesses guesses, OfficeMaster master) {
        this.master = master;
        this.registry = registry;
        this.access = access;
        this.offices = offices;
        this.cards = cards;
        this.consents = consents;
        this.audit = audit;
        this.guesses = guesses;
    }

    /** 資格確認 by the numbers typed from the paper 被保険者証 and the birth date (with the proof of 本人確認). */
    public EligibilityAnswer verify(StaffSession asking, EligibilityQuery query) {
        Actor actor = permitted(asking);
        guesses.checkNotLocked(asking.organisation());
        Eligibility result = registry.verify(query);
        countMismatch(asking, query, result);
        return answered(asking, actor, null, result, "numbers", query.insurer(), query.insured());
    }

    /** A one-time challenge for the card reader at this office's terminal. */
    public MyNumberCards.Challenge cardChallenge(StaffSession asking) {
        permitted(asking);
        return cards.newChallenge(asking.organisation());
    }

    /** 資格確認 by My Number card: the card's answer to this terminal's challenge identifies the person. */
    public EligibilityAnswer verifyByCard(StaffSession asking, UUID challengeId, byte[] certificate, byte[] signature,
            LocalDate asOf) {
        Actor actor = permitted(asking);
        MyNumberCards.LinkedPerson person = cards.identify(asking.organisation(), challengeId, certificate, signature);
        InsurerNumber insurer = new InsurerNumber(person.insurerNo());
        InsuredNumber insured = new InsuredNumber(person.insuredNo());
        return answered(asking, actor, null, registry.verifyIdentified(insurer, insured, asOf), "card", insurer, insured);
    }

    /** One line of an 一括照会: the query, or why it could not be read. */
    public record BatchItem(EligibilityQuery query, List<Violation> errors) {
    }

    /**
     * 一括照会: each person answered on its own, audited together; no proof of 本人確認 is handed out, and wrong
     * birth dates count as in single 資格確認 (once the office is stopped, the remaining lines are not answered).
     */
    public List<EligibilityAnswer> verifyBatch(StaffSession asking, List<BatchItem> items) {
        Actor actor = permitted(asking);
        if (items == null || items.isEmpty()) {
            throw new InvalidValue("queries", "照会対象", "1件以上指定してください");
        }
        if (items.size() > BATCH_LIMIT) {
            throw new InvalidValue("queries", "照会対象", "一度に照会できるのは" + BATCH_LIMIT + "件までです");
        }
        guesses.checkNotLocked(asking.organisation());
        List<EligibilityAnswer> answers = new ArrayList<>(items.size());
        List<AuditEntry> entries = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (stopped) {
                answers.add(EligibilityAnswer.refused(i, EligibilityAnswer.Status.STOPPED, null));
            } else if (item.query() == null) {
                answers.add(EligibilityAnswer.refused(i, EligibilityAnswer.Status.INVALID, item.errors()));
            } else {
                Eligibility result = registry.verify(item.query());
                stopped = countMismatch(asking, item.query(), result);
                EligibilityAnswer answer = answer(actor, i, result, null);
                answers.add(answer);
                entries.add(entry(asking, item.query().insurer(), item.query().insured(), false, answer));
            }
        }
        audit.recordAll(entries);
        return answers;
    }

    /** A registration made: the relationship, and the warnings the rules gave with it. */
    public record Registered(OfficeInCharge relationship, List<RegistrationDecision.Finding> warnings) {
    }

    /**
     * Registers the office as the person's 担当事業所 with the proof its 資格確認 handed out (within the hour), if
     * {@link RegistrationRules} allow it on the facts of the registry and the office master for the start date;
     * otherwise {@link RegistrationRefused} with every rule that failed. Audited by the relationship module.
     */
    public Registered registerInCharge(StaffSession asking, String confirmation, String serviceType,
            LocalDate startDate) {
        requireOffice(asking);
        String officeNo = asking.organisation().number();
        var person = offices.confirmedPerson(officeNo, confirmation);
        var type = ServiceType.find(serviceType == null ? "" : serviceType.strip());
        List<Violation> missing = new ArrayList<>();
        if (person.isEmpty()) {
            missing.add(new Violation("confirmation", "本人確認",
                    "本人確認の結果が無効か期限切れです(1時間以内に、この事業所で資格確認を行ってください)"));
        }
        if (type.isEmpty()) {
            missing.add(new Violation("serviceType", ServiceType.LABEL, serviceType == null || serviceType.isBlank()
                    ? "必須です" : "サービス種類コードが正しくありません"));
        }
        if (startDate == null) {
            missing.add(new Violation("startDate", "開始日", "必須です"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidValue(missing);
        }
        var standing = registry.standing(new InsurerNumber(person.get().insurerNo()),
                new InsuredNumber(person.get().insuredNo()), startDate);
        RegistrationDecision decision = RegistrationRules.decide(new RegistrationRules.Facts(startDate,
                LocalDate.now(JAPAN), standing.map(Standing::acquiredOn).orElse(null),
                standing.map(Standing::lostOn).orElse(null), standing.map(Standing::careLevel).orElse(null),
                standing.map(Standing::stay).orElse(null), type.get(), master.designatedServices(officeNo, startDate)));
        if (decision.refused()) {
            throw new RegistrationRefused(decision.refusals());
        }
        UUID id = offices.register(officeNo, confirmation, type.get().code(), startDate, asking.jobType().name(),
                asking.staffId());
        return new Registered(offices.relationship(id).orElseThrow(), decision.warnings());
    }

    /**
     * An office's or institution's page of one person: every category decided and audited for this staff member,
     * when the organisation last saw the person, and the services this office serves them with (which it may end).
     */
    public record PersonPage(AccessDecisions.PersonFile file, List<OfficeInCharge> services) {
    }

    public PersonPage personPage(StaffSession asking, String insurerNo, String insuredNo) {
        Actor actor = Actor.staff(asking);
        boolean institution = asking.organisation().kind() == PartyKind.MEDICAL_INSTITUTION;
        var file = access.readFile(actor, insurerNo, insuredNo, institution ? "医療の提供" : "介護サービスの提供");
        return new PersonPage(file, asking.organisation().kind() != PartyKind.OFFICE ? List.of()
                : offices.servicesFor(asking.organisation().number(), insurerNo, insuredNo, LocalDate.now(JAPAN)));
    }

    /** The office ends one of its own relationships (audited). */
    public OfficeInCharge endInCharge(StaffSession asking, UUID relationshipId, LocalDate endDate) {
        requireOffice(asking);
        return offices.endByOffice(asking.organisation().number(), relationshipId, endDate, asking.jobType().name(),
                asking.staffId());
    }

    /**
     * The person's consent to show this office the 負担限度額認定証 (別紙02 ※1), given orally or in writing at the
     * office and recorded by the staff member (who, how, when), for the person the office just confirmed.
     */
    public UUID recordBurdenLimitConsent(StaffSession asking, String confirmation, String how) {
        permitted(asking);
        OfficesInCharge.ConfirmedPerson person = offices.confirmedPerson(asking.organisation().number(), confirmation)
                .orElseThrow(() -> new InvalidValue("confirmation", "本人確認",
                        "本人確認の結果が無効か期限切れです(1時間以内に、この事業所で資格確認を行ってください)"));
        return consents.recordAtOffice(person.insurerNo(), person.insuredNo(), asking.organisation(), asking.staffId(),
                asking.jobType().name(), InformationCategory.BURDEN_LIMIT, how);
    }

    /** The statement the person signs with the card's 署名用 key at this terminal (this office, the category, the decision). */
    public String terminalStatement(StaffSession asking, UUID challengeId, InformationCategory category, boolean give) {
        permitted(asking);
        return Consents.terminalStatement(asking.organisation(), category, give, challengeId);
    }

    /** What the person decided with the card at the office terminal: who the card is linked to, and the decision. */
    public record TerminalConsent(String insurerNo, String insuredNo, UUID decisionId) {
    }

    /**
     * Consent given or refused at this office's terminal with the My Number card: the 利用者証明用 key answers the
     * terminal's challenge (who), the 署名用 key signs the statement (what: this office, the category, the
     * decision); the statement, signature and certificate are kept as evidence (audited by {@code consent}).
     */
    public TerminalConsent consentAtTerminal(StaffSession asking, UUID challengeId, byte[] authCertificate,
            byte[] authSignature, byte[] signingCertificate, byte[] statementSignature, InformationCategory category,
            boolean give) {
        permitted(asking);
        String statement = Consents.terminalStatement(asking.organisation(), category, give, challengeId);
        MyNumberCards.LinkedPerson person = cards.identifySigned(asking.organisation(), challengeId, authCertificate,
                authSignature, signingCertificate, statement.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                statementSignature);
        UUID id = consents.recordSigned(person.insurerNo(), person.insuredNo(), asking.organisation(), asking.staffId(),
                asking.jobType().name(), category, give, statement, statementSignature, signingCertificate);
        return new TerminalConsent(person.insurerNo(), person.insuredNo(), id);
    }

    /** For the municipality's staff: offices that tried wrong birth dates on its insured in the last 30 days. */
    public List<GuessingAlert> guessingAlerts(StaffSession municipalStaff) {
        if (municipalStaff.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new NotPermitted("保険者(市町村)の職員だけが見られます");
        }
        return guesses.alertsFor(municipalStaff.organisation().number());
    }

    private Actor permitted(StaffSession asking) {
        Actor actor = Actor.staff(asking);
        if (!access.eligibilityScope(actor).permitted()) {
            throw new NotPermitted(EligibilityScope.REFUSED);
        }
        return actor;
    }

    private static void requireOffice(StaffSession asking) {
        if (asking.organisation().kind() != PartyKind.OFFICE) {
            throw new NotPermitted("担当事業所の登録は介護事業所の職員だけが行えます");
        }
    }

    /**
     * Counts an unknown answer — a wrong birth date or numbers that name nobody: the platform does not tell them
     * apart, not even in its own work, so both cost the same. True when the office is now stopped.
     */
    private boolean countMismatch(StaffSession asking, EligibilityQuery query, Eligibility result) {
        return result instanceof Eligibility.Unknown
                && guesses.record(asking, query.insurer().value(), query.insured().value());
    }

    private EligibilityAnswer answered(StaffSession asking, Actor actor, Integer index, Eligibility result, String method,
            InsurerNumber insurer, InsuredNumber insured) {
        EligibilityAnswer answer = answer(actor, index, result, method);
        audit.record(entry(asking, insurer, insured, method.equals("card"), answer));
        return answer;
    }

    /**
     * The answer as the office sees it; {@code method} (card, numbers) for a single 資格確認, whose answer about
     * an insured person carries the proof of 本人確認 for an office; null for 一括照会.
     */
    private EligibilityAnswer answer(Actor actor, Integer index, Eligibility result, String method) {
        if (result instanceof Eligibility.Insured ok) {
            boolean limitShown = ok.burdenLimit() != null
                    && access.eligibilityScope(actor, ok.insurerNo(), ok.insuredNo()).burdenLimit();
            boolean atOffice = method != null && actor.organisation().kind() == PartyKind.OFFICE;
            String confirmation = atOffice
                    ? offices.confirmationFor(actor.organisation().number(), ok.insurerNo(), ok.insuredNo(), method)
                    : null;
            List<EligibilityAnswer.InCharge> inCharge = atOffice
                    ? offices.servicesFor(actor.organisation().number(), ok.insurerNo(), ok.insuredNo(), ok.asOf())
                            .stream().map(o -> new EligibilityAnswer.InCharge(o.relationshipId(), o.serviceType(),
                                    o.serviceName(), o.startDate())).toList()
                    : null;
            return new EligibilityAnswer(index, EligibilityAnswer.Status.INSURED,
                    EligibilityAnswer.Status.INSURED.message(), ok.asOf(), null, ok.received(), ok.insurerNo(), ok.insurerName(),
                    ok.insuredNo(), ok.insured(), ok.careCertificate(), ok.burdenRatio(),
                    limitShown ? ok.burdenLimit() : null, ok.burdenLimit() != null && !limitShown, null, confirmation,
                    inCharge);
        }
        if (result instanceof Eligibility.NotInsured no) {
            EligibilityAnswer.Status status = switch (no.reason()) {
                case NOT_YET_INSURED -> EligibilityAnswer.Status.NOT_YET_INSURED;
                case LOST -> EligibilityAnswer.Status.LOST;
                case EXEMPT -> EligibilityAnswer.Status.EXEMPT;
            };
            return new EligibilityAnswer(index, status, status.message(), no.asOf(), no.since(), no.received(), null,
                    null, null, null, null, null, null, false, null, null, null);
        }
        return new EligibilityAnswer(index, EligibilityAnswer.Status.UNKNOWN, EligibilityAnswer.Status.UNKNOWN.message(),
                result.asOf(), null, result.received(), null, null, null, null, null, null, null, false, null, null, null);
    }

    private static AuditEntry entry(StaffSession asking, InsurerNumber insurer, InsuredNumber insured, boolean byCard,
            EligibilityAnswer answer) {
        return AuditEntry.eligibility(asking.organisation(), asking.staffId(), asking.jobType().name(), insurer.value(),
                insured.value(), byCard, answer.burdenLimit() != null, answer.status().name());
    }
}
