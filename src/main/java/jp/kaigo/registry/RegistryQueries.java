package jp.kaigo.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the registry; each is one indexed statement. */
@Repository
class RegistryQueries {
    /**
     * The person and, per certificate, the history in force on the day. For the 資格 record the newest
     * history in force is taken, or failing that the newest at all, so that "lost on D" can be told.
     */
    private static final String VERIFY = """
            select ins.name as insurer_name, %s, %s, %s, %s
              from (select cast(? as char(6)) as insurer_no, cast(? as varchar(10)) as insured_no) p
              join registry.insurers ins on ins.insurer_no = p.insurer_no
              left join lateral (
                   select * from registry.insured_records x
                    where x.insurer_no = p.insurer_no and x.insured_no = p.insured_no and x.current and not x.deleted
                    order by (x.valid_from <= ?1 and (x.valid_to is null or x.valid_to >= ?1)) desc, x.history_no desc
                    limit 1) i on true
              left join lateral (%s) c on true
              left join lateral (%s) r on true
              left join lateral (%s) l on true
            """.formatted(selected("i", RecordType.INSURED), selected("c", RecordType.CARE_CERTIFICATE),
                    selected("r", RecordType.BURDEN_RATIO), selected("l", RecordType.BURDEN_LIMIT),
                    inForce(RecordType.CARE_CERTIFICATE), inForce(RecordType.BURDEN_RATIO),
                    inForce(RecordType.BURDEN_LIMIT))
            .replace("?1", "cast(? as date)");

    /** Every type's current histories in force on a day, as one union. */
    private static final String IN_FORCE = Arrays.stream(RecordType.values()).map(t -> """
            select '%s' as record_type, history_no, valid_from, valid_to, to_jsonb(x)::text as data from %s x
             where x.insurer_no = cast(? as char(6)) and x.insured_no = cast(? as varchar(10))
               and x.current and not x.deleted and x.valid_from <= ? and (x.valid_to is null or x.valid_to >= ?)""".formatted(t.key(), t.table()))
            .collect(Collectors.joining("\nunion all\n")) + "\norder by record_type, history_no desc";

    /** Every revision of every type, as one union. */
    private static final String HISTORY = Arrays.stream(RecordType.values()).map(t -> """
            select '%s' as record_type, history_no, revision, valid_from, valid_to, to_jsonb(x)::text as data,
                   deleted, current, import_id, created_at, superseded_at from %s x
             where x.insurer_no = cast(? as char(6)) and x.insured_no = cast(? as varchar(10))""".formatted(t.key(), t.table()))
            .collect(Collectors.joining("\nunion all\n")) + "\norder by record_type, history_no, revision";

    private final JdbcTemplate jdbc;

    RegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The select list of one lateral: history and validity, then the fields in layout order. */
    private static String selected(String alias, RecordType type) {
        return alias + ".history_no, " + alias + ".valid_from, " + alias + ".valid_to, " + type.columns(alias);
    }

    private static String inForce(RecordType type) {
        return """
                select * from %s x
                 where x.insurer_no = p.insurer_no and x.insured_no = p.insured_no and x.current and not x.deleted
                   and x.valid_from <= ?1 and (x.valid_to is null or x.valid_to >= ?1)
                 order by x.history_no desc limit 1""".formatted(type.table());
    }

    record VerifyRow(String insurerName, RecordView insured, RecordView card, RecordView ratio, RecordView limit) {
    }

    Optional<VerifyRow> verify(String insurerNo, String insuredNo, LocalDate day) {
        Date d = Date.valueOf(day);
        List<VerifyRow> rows = jdbc.query(VERIFY, (rs, n) -> new VerifyRow(rs.getString(1),
                view(rs, VERIFIED[0], RecordType.INSURED), view(rs, VERIFIED[1], RecordType.CARE_CERTIFICATE),
                view(rs, VERIFIED[2], RecordType.BURDEN_RATIO), view(rs, VERIFIED[3], RecordType.BURDEN_LIMIT)),
                insurerNo, insuredNo, d, d, d, d, d, d, d, d);
        return rows.stream().findFirst();
    }

    List<RecordView> inForce(String insurerNo, String insuredNo, LocalDate day) {
        Object[] params = new Object[RecordType.values().length * 4];
        for (int i = 0; i < params.length; i += 4) {
            params[i] = insurerNo;
            params[i + 1] = insuredNo;
            params[i + 2] = Date.valueOf(day);
            params[i + 3] = Date.valueOf(day);
        }
        return jdbc.query(IN_FORCE, (rs, n) -> {
                    RecordType type = RecordType.byKey(rs.getString("record_type")).orElseThrow();
                    return new RecordView(type.key(), rs.getInt("history_no"), date(rs, "valid_from"),
                            date(rs, "valid_to"), RecordData.fields(type, rs.getString("data")));
                }, params);
    }

    List<RecordRevision> history(String insurerNo, String insuredNo) {
        Object[] params = new Object[RecordType.values().length * 2];
        for (int i = 0; i < params.length; i += 2) {
            params[i] = insurerNo;
            params[i + 1] = insuredNo;
        }
        return jdbc.query(HISTORY, (rs, n) -> {
                    RecordType type = RecordType.byKey(rs.getString("record_type")).orElseThrow();
                    var view = new RecordView(type.key(), rs.getInt("history_no"), date(rs, "valid_from"),
                            date(rs, "valid_to"), RecordData.fields(type, rs.getString("data")));
                    var superseded = rs.getTimestamp("superseded_at");
                    return new RecordRevision(view, rs.getInt("revision"), rs.getBoolean("deleted"),
                            rs.getBoolean("current"), rs.getObject("import_id", UUID.class),
                            rs.getTimestamp("created_at").toInstant(),
                            superseded == null ? null : superseded.toInstant());
                }, params);
    }

    boolean personExists(String insurerNo, String insuredNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                select exists (select 1 from registry.insured_records
                                where insurer_no = cast(? as char(6)) and insured_no = cast(? as varchar(10)))
                """,
                Boolean.class, insurerNo, insuredNo));
    }

    Optional<String> insurerName(String insurerNo) {
        return jdbc.query("select name from registry.insurers where insurer_no = ?",
                (rs, n) -> rs.getString(1), insurerNo).stream().findFirst();
    }

    void saveInsurer(String insurerNo, String name) {
        jdbc.update("""
                insert into registry.insurers (insurer_no, name) values (?, ?)
                on conflict (insurer_no) do update set name = excluded.name
                """, insurerNo, name);
    }

    boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.insured_records)", Boolean.class));
    }

    /** Where each of the four records starts in VERIFY's select list (history_no, valid_from, valid_to, fields). */
    private static final int[] VERIFIED = offsets(RecordType.INSURED, RecordType.CARE_CERTIFICATE,
            RecordType.BURDEN_RATIO, RecordType.BURDEN_LIMIT);

    private static int[] offsets(RecordType... types) {
        int[] starts = new int[types.length];
        int next = 2;
        for (int i = 0; i < types.length; i++) {
            starts[i] = next;
            next += 3 + types[i].layout().fields().size();
        }
        return starts;
    }

    /** One record read by position (JDBC's lookup by column name is costly over a hundred columns). */
    private static RecordView view(ResultSet rs, int start, RecordType type) throws SQLException {
        int history = rs.getInt(start);
        if (rs.wasNull()) {
            return null;
        }
        Date from = rs.getDate(start + 1);
        Date to = rs.getDate(start + 2);
        return new RecordView(type.key(), history, from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(), RecordData.fields(type, rs, start + 3));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
