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

    /** 交付: the plan becomes visible to the person and (with consent) the offices in charge. */
    public void issuePlan(StaffSession me, UUID planId) {
        Actor actor = Actor.staff(me);
        plans.issue(me.organisation().number(), planId,
                (insurer, insured) -> access.mayWrite(actor, insurer, insured, InformationCategory.CARE_PLAN).permitted());
    }

    /**
     * A ケアプランデータ連携 file: 実績 (UPJSK) from the office that provided the services, everything else from the
     * care manager's office; each person's rows are decided on their own.
     */
    public CarePlanFileReport importPlanFile(StaffSession me, String fileKind, InputStream body, Charset charset) {
        Actor actor = Actor.staff(me);
        return plans.importStandard(me.organisation().number(), fileKind, body, charset, "UPJSK".equals(fileKind)
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
