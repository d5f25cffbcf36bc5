package jp.kaigo.oversight;

import java.util.List;
import java.util.UUID;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.Investigation;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;

/** Investigation reports for the operator's staff (facade); a municipality's own reports are at its desk. */
@Service
public class Investigations {
    /** How many entries a report lists, newest first. */
    public static final int REPORT_LIMIT = 5000;
    private final AuditLog audit;

    Investigations(AuditLog audit) {
        this.audit = audit;
    }

    /** Every audit entry about one person, whichever organisation acted. */
    public List<Investigation> aboutPerson(StaffSession me, InsurerNumber insurer, InsuredNumber insured) {
        requireOperator(me);
        audit.record(new AuditEntry("investigation", me.organisation().kind().code(), me.organisation().number(),
                me.jobType().name(), insurer.value(), insured.value(), "閲覧記録の調査(運営者)", "運営・監査", "REPORTED")
                .by(me.staffId(), null));
        return audit.aboutPerson(insurer.value(), insured.value(), REPORT_LIMIT);
    }

    /** What one staff account of any organisation did, in the last {@value AuditLog#REPORT_DAYS} days. */
    public List<Investigation> byStaff(StaffSession me, UUID staffId) {
        requireOperator(me);
        audit.record(new AuditEntry("investigation", me.organisation().kind().code(), me.organisation().number(),
                me.jobType().name(), null, null, "職員の閲覧記録の調査(運営者、職員 " + staffId + ")", "運営・監査",
                "REPORTED").by(me.staffId(), null));
        return audit.byStaff(staffId, null, REPORT_LIMIT);
    }

    private static void requireOperator(StaffSession me) {
        if (me.organisation().kind() != PartyKind.OPERATOR) {
            throw new NotPermitted("運営者の職員だけが使えます");
        }
    }
}
