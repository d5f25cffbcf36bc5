package jp.kaigo.registry;

import org.springframework.jdbc.core.SqlParameterValue;
import java.sql.Types;
import java.math.BigDecimal;
import java.time.Instant;
import jp.kaigo.shared.CareLevel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kaigo.ingest.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the registry; each is one indexed statement. */
@Repository
class RegistryQueries {
    /**
     * The insurer's name, then every current history of the person's 資格 record and, per certificate, the
     * histories in force on the day: one union of index lookups (a join of four laterals
     * costs PostgreSQL twice as much per 資格確認), each row as {@code row_to_json} (a sixth cheaper than
     * {@code to_jsonb}, which builds binary jsonb only to print it), unsorted (a sort node costs
     * PostgreSQL more than ordering the few rows here). The caller picks the record in force. The day is
     * bound as a {@link LocalDate}, which the driver sends typed: a {@code java.sql.Date} goes untyped, which
     * makes the driver describe the statement, and a described statement with a text column costs an
     * extra round trip (an empty Sync) before every execution.
     */
    /**
     * 資格確認 in one statement. The birth date is compared inside it: for unknown numbers and for a wrong birth
     * date alike only the insurer row comes back, so both answers cost about the same work: the person's histories
     * are read once (p) and give both the match and the 資格 rows, and every other branch waits on a one-time
     * filter, so on a mismatch it is not scanned at all (bin/bench logs the two unknown answers' times side by side).
     */
    private static final String VERIFY = """
            with p as (select x as rec, history_no, valid_from, valid_to,
                              cast(? as date) is null or x.birth_date = cast(? as date) as m
                         from registry.insured_records x
                        where x.insurer_no = cast(? as char(6)) and x.insured_no = cast(? as varchar(10))
                          and x.current and not x.deleted),
                 ok as (select coalesce(bool_or(m), false) as matches from p)
            select 'insurer' as record_type, 0 as history_no, null::date as valid_from, null::date as valid_to,
                   name as data from registry.insurers where insurer_no = cast(? as char(6))
            union all select 'received', 0, null, null, r.record_type || ' ' || cast(extract(epoch from r.received_at) as text)
                        from registry.data_received r where r.insurer_no = cast(? as char(6))
            union all select 'insured', history_no, valid_from, valid_to, row_to_json(rec)::text from p
                       where (select matches from ok)
            """ + Stream.of(RecordType.CARE_CERTIFICATE, RecordType.BURDEN_RATIO, RecordType.BURDEN_LIMIT)
                    .map(t -> "union all select '%s', history_no, valid_from, valid_to, row_to_json(x)::text from %s x"
                            .formatted(t.key(), t.table())
                            // a one-time filter: on a mismatch the branch is not even scanned
                            + " where (select matches from ok) and x.insurer_no = cast(? as char(6))"
                            + " and x.insured_no = cast(? as varchar(10))"
                            + " and x.current and not x.deleted and x.valid_from <= ? and (x.valid_to is null or x.valid_to >= ?)")
                    .collect(Collectors.joining("\n"));

    /** Every type's current histories in force on a day, as one union. */
    private static final String IN_FORCE = Arrays.stream(RecordType.values()).map(t -> """
            select '%s' as record_type, history_no, valid_from, valid_to, row_to_json(x)::text as data from %s x
             where x.insurer_no = cast(? as char(6)) and x.insured_no = cast(? as varchar(10))
               and x.current and not x.deleted and x.valid_from <= ? and (x.valid_to is null or x.valid_to >= ?)""".formatted(t.key(), t.table()))
            .collect(Collectors.joining("\nunion all\n")) + "\norder by record_type, history_no desc";

    /** Every revision of every type, as one union. */
    private static final String HISTORY = Arrays.stream(RecordType.values()).map(t -> """
            select '%s' as record_type, history_no, revision, valid_from, valid_to, row_to_json(x)::text as data,
                   deleted, current, import_id, created_at, superseded_at from %s x
             where x.insurer_no = cast(? as char(6)) and x.insured_no = cast(? as varchar(10))""".formatted(t.key(), t.table()))
            .collect(Collectors.joining("\nunion all\n")) + "\norder by record_type, history_no, revision";

    private final JdbcTemplate jdbc;

    RegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record VerifyRow(String insurerName, DataReceived received, RecordView insured, RecordView card, RecordView ratio,
            RecordView limit) {
    }

    /** The person's certificates on the day, if the numbers and (when given) the birth date match. */
    Optional<VerifyRow> verify(String insurerNo, String insuredNo, LocalDate birthDate, LocalDate day) {
        String[] insurerName = {null};
        DataReceived[] received = {DataReceived.NEVER};
        Map<RecordType, RecordView> newest = new EnumMap<>(RecordType.class);
        List<RecordView> insured = new ArrayList<>();
        SqlParameterValue birth = new SqlParameterValue(Types.DATE, birthDate);
        jdbc.query(VERIFY, rs -> {
            String key = rs.getString(1);
            if (key.equals("insurer")) {
                insurerName[0] = rs.getString(5);
                return;
            }
            if (key.equals("received")) {
                String[] typeAndEpoch = rs.getString(5).split(" ");
                BigDecimal epoch = new BigDecimal(typeAndEpoch[1]);
                Instant at = Instant.ofEpochSecond(epoch.longValue(), epoch.remainder(BigDecimal.ONE).movePointRight(9).intValue());
                RecordType.byKey(typeAndEpoch[0]).ifPresent(type -> received[0] = received[0].with(type, at));
                return;
            }
            RecordType type = RecordType.byKey(key).orElseThrow();
            RecordView view = new RecordView(type.key(), rs.getInt(2), date(rs, 3), date(rs, 4),
                    StoredRecord.fields(type.layout(), rs.getString(5)));
            if (type == RecordType.INSURED) {
                insured.add(view);
            } else {
                newest.merge(type, view, (a, b) -> a.historyNo() >= b.historyNo() ? a : b);
            }
        }, birth, birth, insurerNo, insuredNo, insurerNo, insurerNo, insurerNo, insuredNo, day, day,
                insurerNo, insuredNo, day, day, insurerNo, insuredNo, day, day);
        if (insurerName[0] == null) {
            return Optional.empty();
        }
        // the newest history in force, or failing that the newest at all, so that "lost on D" can be told
        insured.sort(Comparator.comparingInt(RecordView::historyNo).reversed());
        RecordView person = insured.stream().filter(v -> v.inForceOn(day)).findFirst()
                .orElse(insured.isEmpty() ? null : insured.get(0));
        return Optional.of(new VerifyRow(insurerName[0], received[0], person,
                newest.get(RecordType.CARE_CERTIFICATE), newest.get(RecordType.BURDEN_RATIO),
                newest.get(RecordType.BURDEN_LIMIT)));
    }

    List<RecordView> inForce(String insurerNo, String insuredNo, LocalDate day) {
        Object[] params = new Object[RecordType.values().length * 4];
        for (int i = 0; i < params.length; i += 4) {
            params[i] = insurerNo;
            params[i + 1] = insuredNo;
            params[i + 2] = day;
            params[i + 3] = day;
        }
        return jdbc.query(IN_FORCE, (rs, n) -> {
                    RecordType type = RecordType.byKey(rs.getString("record_type")).orElseThrow();
                    return new RecordView(type.key(), rs.getInt("history_no"), date(rs, "valid_from"),
                            date(rs, "valid_to"), StoredRecord.fields(type.layout(), rs.getString("data")));
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
                            date(rs, "valid_to"), StoredRecord.fields(type.layout(), rs.getString("data")));
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

    /**
     * The 資格喪失日 of each of these persons' newest history, where it is on or before the day (a person who lost
     * the qualification and acquired it again has a newer history without one).
     */
    Map<String, LocalDate> lostOnOrBefore(String insurerNo, java.util.Collection<String> insuredNos, LocalDate day) {
        Map<String, LocalDate> lost = new java.util.HashMap<>();
        jdbc.query("""
                select insured_no, lost_on from (
                    select distinct on (insured_no) insured_no, lost_on from registry.insured_records
                     where insurer_no = cast(? as char(6)) and insured_no = any(?) and current and not deleted
                     order by insured_no, history_no desc) newest
                 where lost_on <= ?
                """, rs -> {
                    lost.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                }, insurerNo, insuredNos.toArray(String[]::new), day);
        return lost;
    }

    boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.insured_records)", Boolean.class));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** One page of an insurer's insured persons as of a day (histories in force that day), filtered. */
    InsuredList.Page list(String insurerNo, InsuredList.Query q) {
        var rows = jdbc.query("""
                select i.insured_no, i.name, i.name_kana, i.birth_date, i.lost_on, c.care_level, c.cert_valid_to
                  from registry.insured_records i
                  left join lateral (
                        select care_level, cert_valid_to from registry.care_certificate_records c
                         where c.insurer_no = i.insurer_no and c.insured_no = i.insured_no and c.current
                           and not c.deleted and c.valid_from <= ? and (c.valid_to is null or c.valid_to >= ?)
                         order by c.history_no desc limit 1) c on true
                 where i.insurer_no = ? and i.current and not i.deleted
                   and i.valid_from <= ? and (i.valid_to is null or i.valid_to >= ?)
                   and (cast(? as text) is null or i.name_kana like cast(? as text) || '%')
                   and (cast(? as text) is null or i.insured_no like cast(? as text) || '%')
                   and (cast(? as text) is null or c.care_level = cast(? as text))
                   and (cast(? as int) is null or c.cert_valid_to between ? and ? + cast(? as int))
                   and (? or i.lost_on is null or i.lost_on > ?)
                 order by i.insured_no limit ? offset ?
                """, (rs, n) -> {
                    String level = rs.getString(6);
                    return new InsuredList.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), level,
                            level == null ? null : CareLevel.find(level).map(CareLevel::name).orElse(level),
                            rs.getObject(7, LocalDate.class));
                }, q.asOf(), q.asOf(), insurerNo, q.asOf(), q.asOf(), q.nameKana(), q.nameKana(), q.insuredNo(),
                q.insuredNo(), q.careLevel(), q.careLevel(), q.expiringWithinDays(), q.asOf(), q.asOf(),
                q.expiringWithinDays(), q.includeLost(), q.asOf(), InsuredList.PAGE + 1, q.page() * InsuredList.PAGE);
        boolean more = rows.size() > InsuredList.PAGE;
        return new InsuredList.Page(more ? rows.subList(0, InsuredList.PAGE) : rows, more);
    }
}
