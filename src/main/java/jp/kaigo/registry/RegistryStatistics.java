package jp.kaigo.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.kaigo.shared.Period;
import jp.kaigo.shared.StatisticalSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's facts for statistics ({@code access} only): every current history of the 被保険者証's 資格 and 認定
 * faces that overlaps the months asked, read as a stream (run inside a transaction, so PostgreSQL hands the rows over
 * by the fetch size instead of all at once).
 */
@Component
class RegistryStatistics implements StatisticalSource {
    private final JdbcTemplate jdbc;

    RegistryStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
    }

    @Override
    public void statistics(String insurerNo, YearMonth from, YearMonth to, Sink sink) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        jdbc.query("""
                select insured_no, valid_from, valid_to, sex, birth_date, address, lost_on
                  from registry.insured_records
                 where insurer_no = ? and current and not deleted
                   and valid_from <= ? and (valid_to is null or valid_to >= ?)
                 order by insured_no, history_no
                """, rs -> {
            LocalDate birth = day(rs, "birth_date");
            sink.insured(new Insured(rs.getString("insured_no"), day(rs, "valid_from"), day(rs, "valid_to"),
                    rs.getString("sex"), birth == null ? null : YearMonth.from(birth), rs.getString("address"),
                    day(rs, "lost_on")));
        }, insurerNo, last, first);
        jdbc.query("""
                select insured_no, valid_from, valid_to, care_level, cert_valid_from, cert_valid_to, limit_units,
                       facility1_admitted_on, facility1_discharged_on, facility2_admitted_on, facility2_discharged_on
                  from registry.care_certificate_records
                 where insurer_no = ? and current and not deleted
                   and valid_from <= ? and (valid_to is null or valid_to >= ?)
                 order by insured_no, history_no
                """, rs -> {
            List<Period> stays = new ArrayList<>(2);
            for (String facility : List.of("facility1", "facility2")) {
                LocalDate admitted = day(rs, facility + "_admitted_on");
                LocalDate discharged = day(rs, facility + "_discharged_on");
                if (admitted != null && (discharged == null || !discharged.isBefore(admitted))) {
                    stays.add(new Period(admitted, discharged));
                }
            }
            sink.certified(new Certified(rs.getString("insured_no"), day(rs, "valid_from"), day(rs, "valid_to"),
                    rs.getString("care_level"), day(rs, "cert_valid_from"), day(rs, "cert_valid_to"),
                    rs.getObject("limit_units", Integer.class), stays));
        }, insurerNo, last, first);
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
