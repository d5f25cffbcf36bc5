package jp.kaigo.certification;

import java.time.YearMonth;
import javax.sql.DataSource;
import jp.kaigo.shared.StatisticalSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 要介護認定 decided in the months asked, for statistics ({@code access} only): 申請区分, 申請日 and 認定日 of every
 * current record with a result (imported or recorded online).
 */
@Component
class CertificationStatistics implements StatisticalSource {
    private final JdbcTemplate jdbc;

    CertificationStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
    }

    @Override
    public void statistics(String insurerNo, YearMonth from, YearMonth to, Sink sink) {
        jdbc.query("""
                select insured_no, application_type, applied_on, certified_on
                  from certification.certification_records
                 where insurer_no = ? and current and not deleted and certified_on between ? and ?
                   and result is not null
                """, (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.decided(new Decided(rs.getString("insured_no"), rs.getString("application_type"),
                rs.getDate("applied_on") == null ? null : rs.getDate("applied_on").toLocalDate(),
                rs.getDate("certified_on").toLocalDate())), insurerNo, from.atDay(1), to.atEndOfMonth());
    }
}
