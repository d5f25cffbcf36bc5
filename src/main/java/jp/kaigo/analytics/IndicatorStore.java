package jp.kaigo.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored indicators: a municipality's areas, its last build and the protected cells (analytics V1). A build
 * replaces the municipality's cells in one transaction (the caller's); rows go in as arrays, 5,000 a statement.
 */
@Component
class IndicatorStore {
    private static final int CHUNK = 5_000;
    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    IndicatorStore(JdbcClient sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    Areas areas(InsurerNumber insurer) {
        return new Areas(sql.sql("select name, town from analytics.areas where insurer_no = ? order by position")
                .param(insurer.value()).query((rs, n) -> new Areas.Area(rs.getString("name"), rs.getString("town")))
                .list());
    }

    void replaceAreas(InsurerNumber insurer, Areas areas) {
        sql.sql("delete from analytics.areas where insurer_no = ?").param(insurer.value()).update();
        int position = 0;
        for (Areas.Area area : areas.areas()) {
            sql.sql("insert into analytics.areas (insurer_no, position, name, town) values (?, ?, ?, ?)")
                    .params(insurer.value(), ++position, area.name(), area.town()).update();
        }
    }

    /** When the indicators were last built, over which months and persons. */
    record Built(Instant at, YearMonth from, YearMonth to, int persons, int millis) {
    }

    Optional<Built> built(InsurerNumber insurer) {
        return sql.sql("select built_at, month_from, month_to, persons, millis from analytics.builds where insurer_no = ?")
                .param(insurer.value())
                .query((rs, n) -> new Built(rs.getTimestamp("built_at").toInstant(),
                        YearMonth.from(rs.getDate("month_from").toLocalDate()),
                        YearMonth.from(rs.getDate("month_to").toLocalDate()), rs.getInt("persons"), rs.getInt("millis")))
                .optional();
    }

    /**
     * Taken first in a build's transaction: a second build of the municipality waits until the first has committed
     * (two would hold the facts of all its persons at once).
     */
    void lockBuild(InsurerNumber insurer) {
        sql.sql("select pg_advisory_xact_lock(hashtext('analytics.build:' || ?))").param(insurer.value()).query()
                .singleValue();
    }

    /** Replaces the municipality's cells (under {@link #lockBuild}). */
    void save(InsurerNumber insurer, IndicatorBuild build, UUID staffId, int millis) {
        String no = insurer.value();
        sql.sql("delete from analytics.person_cells where insurer_no = ?").param(no).update();
        sql.sql("delete from analytics.service_cells where insurer_no = ?").param(no).update();
        insertPersons(no, build);
        insertServices(no, build);
        sql.sql("""
                insert into analytics.builds (insurer_no, built_at, staff_id, month_from, month_to, persons, millis)
                values (?, now(), ?, ?, ?, ?, ?)
                on conflict (insurer_no) do update set built_at = now(), staff_id = excluded.staff_id,
                  month_from = excluded.month_from, month_to = excluded.month_to, persons = excluded.persons,
                  millis = excluded.millis
                """).params(no, staffId, build.from.atDay(1), build.to.atDay(1), build.personCount, millis).update();
    }

    private void insertPersons(String insurerNo, IndicatorBuild build) {
        Cube cube = build.persons;
        int[] measures = {Cubes.PERSONS, Cubes.NEW, Cubes.RENEWED, Cubes.USERS, Cubes.LIMITED, Cubes.LIMIT_UNITS,
                Cubes.USED_UNITS, Cubes.DECISIONS, Cubes.DECISION_DAYS};
        insert("""
                insert into analytics.person_cells (insurer_no, month, area, sex, age, level, place, persons, new_cert,
                  renewed, users, limited, limit_units, used_units, decisions, decision_days)
                select ?, * from unnest(?::text[]::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                  ?::int[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::bigint[], ?::int[], ?::bigint[])
                """, insurerNo, build, cube, build.personHidden, measures);
    }

    private void insertServices(String insurerNo, IndicatorBuild build) {
        insert("""
                insert into analytics.service_cells (insurer_no, month, area, sex, age, level, service, users, units,
                  benefit)
                select ?, * from unnest(?::text[]::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                  ?::bigint[], ?::bigint[])
                """, insurerNo, build, build.services, build.serviceHidden,
                new int[] {Cubes.SERVICE_USERS, Cubes.UNITS, Cubes.BENEFIT});
    }

    private void insert(String statement, String insurerNo, IndicatorBuild build, Cube cube,
            Map<Integer, Set<Long>> hidden, int[] measures) {
        List<Long> keys = new ArrayList<>(cube.keys());
        int dims = cube.dimensions().size();
        for (int start = 0; start < keys.size(); start += CHUNK) {
            List<Long> chunk = keys.subList(start, Math.min(keys.size(), start + CHUNK));
            String[] months = new String[chunk.size()];
            String[][] values = new String[dims][chunk.size()];
            Long[][] numbers = new Long[measures.length][chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                long key = chunk.get(i);
                months[i] = build.from.plusMonths(Cube.month(key)).atDay(1).toString();
                for (int d = 0; d < dims; d++) {
                    values[d][i] = cube.dimensions().get(d).values().get(Cube.value(key, d));
                }
                for (int m = 0; m < measures.length; m++) {
                    numbers[m][i] = IndicatorBuild.published(cube, hidden, key, measures[m]);
                }
            }
            jdbc.execute((Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement(statement)) {
                    int p = 1;
                    ps.setString(p++, insurerNo);
                    ps.setArray(p++, c.createArrayOf("text", months));
                    for (String[] column : values) {
                        ps.setArray(p++, c.createArrayOf("text", column));
                    }
                    for (Long[] column : numbers) {
                        ps.setArray(p++, c.createArrayOf("bigint", column));
                    }
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    /** The areas the stored cells are counted by (those of the last build), in their order of first appearance. */
    List<String> builtAreas(InsurerNumber insurer) {
        return sql.sql("select distinct area from analytics.person_cells where insurer_no = ? and area <> '計'"
                + " and area <> '圏域外' order by area").param(insurer.value()).query(String.class).list();
    }

    /** A stored cell of the person cube: its dimension values and its numbers (null: suppressed). */
    record PersonCell(YearMonth month, String age, String level, String place, Long persons, Long newCert,
            Long renewed, Long users, Long limited, Long limitUnits, Long usedUnits, Long decisions, Long decisionDays) {
    }

    /** Every stored cell for the area and sex (each month, age band, care level and place). */
    List<PersonCell> personCells(InsurerNumber insurer, String area, String sex) {
        return sql.sql("""
                select month, age, level, place, persons, new_cert, renewed, users, limited, limit_units, used_units,
                       decisions, decision_days
                  from analytics.person_cells where insurer_no = ? and area = ? and sex = ?
                """).params(insurer.value(), area, sex).query((rs, n) -> new PersonCell(
                YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("age"), rs.getString("level"),
                rs.getString("place"), number(rs, "persons"), number(rs, "new_cert"), number(rs, "renewed"),
                number(rs, "users"), number(rs, "limited"), number(rs, "limit_units"), number(rs, "used_units"),
                number(rs, "decisions"), number(rs, "decision_days"))).list();
    }

    /** A stored cell of the service cube. */
    record ServiceCell(String service, Long users, Long units, Long benefit) {
    }

    List<ServiceCell> serviceCells(InsurerNumber insurer, String area, String sex, String age, String level,
            YearMonth month) {
        return sql.sql("""
                select service, users, units, benefit from analytics.service_cells
                 where insurer_no = ? and area = ? and sex = ? and age = ? and level = ? and month = ?
                 order by service
                """).params(insurer.value(), area, sex, age, level, month.atDay(1)).query((rs, n) -> new ServiceCell(
                rs.getString("service"), number(rs, "users"), number(rs, "units"), number(rs, "benefit"))).list();
    }

    private static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
