package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.UUID;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the open survey assignments of an own surveyor (design §4.1); the filing facade asks access first. */
@Component
class SurveyWorklist {
    private final JdbcClient sql;

    SurveyWorklist(JdbcClient sql) {
        this.sql = sql;
    }

    /** The staff member's open assignments of open cases of the municipality, by due date (none last), then age. */
    SurveyWorklistReport of(InsurerNumber insurer, UUID staffId) {
        return new SurveyWorklistReport(sql.sql("""
                select a.case_id, a.insured_no, a.request_kind, a.due_on
                  from certification.survey_assignments a
                  join certification.cases c on (c.insurer_no, c.insured_no, c.case_id)
                                              = (a.insurer_no, a.insured_no, a.case_id)
                 where a.insurer_no = :insurer and a.assignee_staff = :staff and a.status in ('open', 'submitted')
                   and c.status = 'open'
                 order by a.due_on nulls last, a.created_at
                """).param("insurer", insurer.value()).param("staff", staffId)
                .query((rs, i) -> new SurveyWorklistReport.Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class))).list());
    }
}
