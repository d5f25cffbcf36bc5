package jp.kaigo.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register of extracts, the persons each includes and the persons' objections (analytics V1). */
@Component
class Extracts {
    /** Months an extract may span. */
    static final int MAX_MONTHS = 24;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Statistics.JAPAN);
    private static final String COLUMNS = """
            id, to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as created_on, purpose, basis, recipient,
            month_from, month_to, birth_month, persons, rows_written""";
    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    Extracts(JdbcClient sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** The request checked field by field: every problem named, nothing kept when there is one. */
    record Checked(String purpose, ExtractBasis basis, String recipient, YearMonth from, YearMonth to,
            boolean birthMonth) {
    }

    static Checked check(Extract.Request r, YearMonth thisMonth) {
        List<Violation> problems = new ArrayList<>();
        String purpose = text(r.purpose(), "purpose", "利用目的", 200, problems);
        String recipient = text(r.recipient(), "recipient", "提供先", 100, problems);
        ExtractBasis basis = r.basis() == null ? null : ExtractBasis.byKey(r.basis().strip()).orElse(null);
        if (basis == null) {
            problems.add(new Violation("basis", "提供の根拠", "選んでください"));
        }
        YearMonth from = month(r.from(), "from", "開始月", problems);
        YearMonth to = month(r.to(), "to", "終了月", problems);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new Violation("to", "終了月", "開始月より前です"));
            } else if (to.isAfter(thisMonth)) {
                problems.add(new Violation("to", "終了月", "今月より後の月は選べません"));
            } else if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
                problems.add(new Violation("to", "終了月", MAX_MONTHS + "か月までです"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValue(problems);
        }
        return new Checked(purpose, basis, recipient, from, to, r.birthMonth());
    }

    private static String text(String value, String field, String label, int max, List<Violation> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new Violation(field, label, "必須です"));
        } else if (v.length() > max) {
            problems.add(new Violation(field, label, max + "文字までです"));
        }
        return v;
    }

    private static YearMonth month(String value, String field, String label, List<Violation> problems) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Violation(field, label, "年月を YYYY-MM で書いてください"));
            return null;
        }
    }

    /** The persons of the insurer who object to research extracts. */
    Set<String> objecting(InsurerNumber insurer) {
        return new HashSet<>(sql.sql("select insured_no from analytics.objections where insurer_no = ?")
                .param(insurer.value()).query(String.class).list());
    }

    void save(UUID id, InsurerNumber insurer, Checked c, UUID staffId, ExtractRows rows) {
        sql.sql("""
                insert into analytics.extracts (id, insurer_no, purpose, basis, recipient, month_from, month_to,
                  birth_month, staff_id, rows_written, persons, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, insurer.value(), c.purpose(), c.basis().key(), c.recipient(), c.from().atDay(1),
                c.to().atDay(1), c.birthMonth(), staffId, rows.rows(), rows.persons().size(), rows.gzipped()).update();
        List<String> persons = new ArrayList<>(rows.persons());
        for (int start = 0; start < persons.size(); start += 10_000) {
            String[] chunk = persons.subList(start, Math.min(persons.size(), start + 10_000)).toArray(String[]::new);
            jdbc.execute((Connection connection) -> {
                try (PreparedStatement ps = connection.prepareStatement("""
                        insert into analytics.extract_persons (insurer_no, insured_no, extract_id)
                        select ?, unnest(?::text[]), ?
                        """)) {
                    ps.setString(1, insurer.value());
                    ps.setArray(2, connection.createArrayOf("text", chunk));
                    ps.setObject(3, id);
                    return ps.executeUpdate();
                }
            });
        }
    }

    List<Extract> list(InsurerNumber insurer) {
        return sql.sql("select " + COLUMNS + " from analytics.extracts where insurer_no = ? order by created_at desc")
                .param(insurer.value()).query((rs, n) -> extract(rs)).list();
    }

    Optional<Extract.File> file(InsurerNumber insurer, UUID id) {
        return sql.sql("select content from analytics.extracts where insurer_no = ? and id = ?")
                .params(insurer.value(), id).query((rs, n) -> new Extract.File("extract-" + id + ".csv.gz",
                        rs.getBytes("content"))).optional();
    }

    Extract.Uses uses(InsuredPerson person) {
        List<Extract> extracts = sql.sql("select " + COLUMNS + " from analytics.extract_persons p join analytics.extracts e"
                + " on e.insurer_no = p.insurer_no and e.id = p.extract_id"
                + " where p.insurer_no = ? and p.insured_no = ? order by e.created_at desc")
                .params(person.insurerNo(), person.insuredNo()).query((rs, n) -> extract(rs)).list();
        Optional<java.time.Instant> since = sql.sql(
                "select since from analytics.objections where insurer_no = ? and insured_no = ?")
                .params(person.insurerNo(), person.insuredNo())
                .query((rs, n) -> rs.getTimestamp("since").toInstant()).optional();
        return new Extract.Uses(extracts, since.isPresent(), since.map(DAY::format).orElse(null));
    }

    void object(InsuredPerson person, boolean objecting) {
        if (objecting) {
            sql.sql("insert into analytics.objections (insurer_no, insured_no) values (?, ?) on conflict do nothing")
                    .params(person.insurerNo(), person.insuredNo()).update();
        } else {
            sql.sql("delete from analytics.objections where insurer_no = ? and insured_no = ?")
                    .params(person.insurerNo(), person.insuredNo()).update();
        }
    }

    private static Extract extract(ResultSet rs) throws SQLException {
        LocalDate created = LocalDate.parse(rs.getString("created_on"));
        return new Extract(rs.getObject("id", UUID.class), created.getYear() + "年" + created.getMonthValue() + "月"
                + created.getDayOfMonth() + "日", rs.getString("purpose"),
                ExtractBasis.byKey(rs.getString("basis")).orElseThrow(), rs.getString("recipient"),
                YearMonth.from(rs.getDate("month_from").toLocalDate()), YearMonth.from(rs.getDate("month_to").toLocalDate()),
                rs.getBoolean("birth_month"), rs.getInt("persons"), rs.getInt("rows_written"));
    }
}
