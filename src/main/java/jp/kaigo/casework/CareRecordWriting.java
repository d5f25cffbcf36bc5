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
import jp.kaigo.careplan.PlanActReport;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.PlanStatusRules;
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

    CareRecordWriting(AccessDecisions access, CarePlans plans, LifeAssessments assessments) {
        this.access = access;
        this.plans = plans;
        this.assessments = assessments;
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
     * names), while the office may write the person's plan (audited).
     */
    public PlanActReport actOnPlan(StaffSession me, UUID planId, PlanStatusRules.Act act) {
        Actor actor = Actor.staff(me);
        return plans.act(me.organisation().number(), planId, act,
                (insurer, insured) -> access.mayWrite(actor, insurer, insured, InformationCategory.CARE_PLAN).permitted());
    }

    /** The office's plans for the person, drafts included, when its care manager may write the person's plan. */
    public AccessDecisions.OwnPlans ownPlans(StaffSession me, InsuredPerson person) {
        return access.ownPlans(Actor.staff(me), person);
    }

    /** What was delivered to the office, each person's entry decided by {@code access}. */
    public List<AccessDecisions.ReceivedPlan> received(StaffSession me) {
        return access.receivedPlans(Actor.staff(me));
    }

    /** A delivered plan or 実績 as the standard's files (ZIP), decided and audited at the download. */
    public Optional<AccessDecisions.PlanFiles> download(StaffSession me, UUID deliveryId) {
        return access.receivedPlanFiles(Actor.staff(me), deliveryId);
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
