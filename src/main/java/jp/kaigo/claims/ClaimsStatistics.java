package jp.kaigo.claims;

import java.time.YearMonth;
import javax.sql.DataSource;
import jp.kaigo.shared.StatisticalSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 給付実績 for statistics ({@code access} only): the current claim lines of the months asked, as a stream. */
@Component
class ClaimsStatistics implements StatisticalSource {
    private final JdbcTemplate jdbc;

    ClaimsStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
    }

    @Override
    public void statistics(String insurerNo, YearMonth from, YearMonth to, Sink sink) {
        jdbc.query("""
                select insured_no, service_month, service_type, coalesce(units, 0) as units,
                       coalesce(insurance_claim, 0) as insurance_claim
                  from claims.claim_records
                 where insurer_no = ? and current and not deleted and service_month between ? and ?
                """, (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.claim(new Claim(rs.getString("insured_no"),
                YearMonth.from(rs.getDate("service_month").toLocalDate()), rs.getString("service_type"),
                rs.getInt("units"), rs.getLong("insurance_claim"))), insurerNo, from.atDay(1), to.atDay(1));
    }
}
