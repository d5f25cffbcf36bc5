package jp.kaigo.casework;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.careplan.CarePlanDraft;
import jp.kaigo.careplan.CarePlanFileReport;
import jp.kaigo.careplan.CarePlans;
import jp.kaigo.careplan.Delivery;
import jp.kaigo.careplan.OwnPlan;
import jp.kaigo.careplan.PlanStatus;
import jp.kaigo.careplan.PlanStatusRules;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import java.util.List;
import java.util.Optional;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.life.LifeAssessments;
import jp.kaigo.life.LifeFileReport;
import jp.kaigo.shared.InformationCategory;
import org.springframework.stereotype.Service;

/**
 * Care plans and LIFE assessments written by an office's staff (facade): each person's write is decided (and
 * audited) by {@code access} first; a refused draft answers with the decision, a file reports refused rows.
 */
@Service
public class CareRecordWriting {
    private final AccessDecisions access;
    private final CarePlans plans;
    private final LifeAssessments assessments;
    private final OfficeMaster master;

    CareRecordWriting(AccessDecisions access, CarePlans plans, LifeAssessments assessments, OfficeMaster master) {
        this.access = access;
        this.plans = plans;
        this.assessments = assessments;
        this.master = master;
    }

    /** A care plan draft: either its ID, or the decision that refused it. */
    public record Submitted(UUID planId, Decision refused) {
    }

    /** A care plan draft by the care manager of the office in charge (audited decision). */
    public Submitted submitPlan(StaffSession me, CarePlanDraft draft, String source) {
        Decision decision = access.mayWrite(Actor.staff(me), draft.insurerNo(), draft.insuredNo(),
                InformationCategory.CARE_PLAN);
        if (!decision.permitted()) {
            return new Submitted(null, decision);
        }
        return new Submitted(plans.submit(me.organisation().number(), draft, source), null);
    }

    /**
     * The care manager's act on the office's plan ({@link PlanStatusRules.Act#PROPOSE}: show the 原案 to the person;
     * RECORD_AGREEMENT: the agreement obtained in writing or orally; ISSUE: 交付, to the person and every office the plan
     * names), while the office may write the person's plan (audited); answers the new status.
     */
    public PlanStatus actOnPlan(StaffSession me, UUID planId, PlanStatusRules.Act act) {
        Actor actor = Actor.staff(me);
        return plans.act(me.organisation().number(), planId, act,
                (insurer, insured) -> access.mayWrite(actor, insurer, insured, InformationCategory.CARE_PLAN).permitted());
    }

    /** The office's plans for the person, drafts included, when its care manager may write the person's plan. */
    public OwnPlans ownPlans(StaffSession me, InsuredPerson person) {
        Decision decision = access.mayWrite(Actor.staff(me), person.insurerNo(), person.insuredNo(),
                InformationCategory.CARE_PLAN);
        return new OwnPlans(decision, decision.permitted() ? plans.ownPlans(me.organisation().number(), person) : List.of());
    }

    /** The office's plans for a person, or the decision that refused them. */
    public record OwnPlans(Decision decision, List<OwnPlan> plans) {
    }

    /** A delivery to the office with what access said about its person: numbers shown only when permitted. */
    public record Received(Delivery delivery, Decision decision) {
    }

    /**
     * What was delivered to the office (plans naming it, 実績 of its persons), newest first; each person's entry is
     * decided by {@code access} (audited) — an office no longer (or not yet) in charge sees that it cannot open it.
     */
    public List<Received> received(StaffSession me) {
        Actor actor = Actor.staff(me);
        return plans.deliveriesTo(me.organisation().number(), 100).stream().map(d -> new Received(d,
                access.decide(actor, d.person().insurerNo(), d.person().insuredNo(), InformationCategory.CARE_PLAN,
                        "届いたケアプランの一覧"))).toList();
    }

    /** A download, or the decision that refused it. */
    public record Download(CarePlans.StandardDownload files, Decision refused) {
    }

    /**
     * A delivered plan or 実績 as the ケアプランデータ連携 standard's files (ZIP): decided and audited by {@code access} with
     * the staff member at the download.
     */
    public Optional<Download> download(StaffSession me, UUID deliveryId) {
        String office = me.organisation().number();
        return plans.delivery(deliveryId, office).map(d -> {
            Decision decision = access.decide(Actor.staff(me), d.person().insurerNo(), d.person().insuredNo(),
                    InformationCategory.CARE_PLAN, "ケアプラン標準CSVのダウンロード");
            if (!decision.permitted()) {
                return new Download(null, decision);
            }
            String senderName = master.nameOf(new Party(PartyKind.OFFICE, d.senderNo())).orElse(null);
            return new Download(plans.download(d, office, senderName), null);
        });
    }

    /**
     * A ケアプランデータ連携 file: 実績 (UPJSK, DLTJSK) from the office that provided the services, everything else from the
     * care manager's office; each person's rows are decided on their own.
     */
    public CarePlanFileReport importPlanFile(StaffSession me, String fileKind, InputStream body, Charset charset) {
        Actor actor = Actor.staff(me);
        boolean actual = "UPJSK".equals(fileKind) || "DLTJSK".equals(fileKind);
        return plans.importStandard(me.organisation().number(), fileKind, body, charset, actual
                ? (insurer, insured) -> access.mayRecordServices(actor, insurer, insured).permitted()
                : (insurer, insured) -> access.mayWrite(actor, insurer, insured, InformationCategory.CARE_PLAN).permitted());
    }

    /** A LIFE CSV file from an office in charge; each person's rows are decided on their own. */
    public LifeFileReport importLife(StaffSession me, byte[] file) {
        Actor actor = Actor.staff(me);
        return assessments.importFile(me.organisation().number(), file,
                (insurer, insured) -> access.mayWrite(actor, insurer, insured, InformationCategory.LIFE).permitted());
    }
}
