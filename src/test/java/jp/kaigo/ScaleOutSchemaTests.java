package jp.kaigo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrated schema can be spread over a distributed PostgreSQL (Citus) as docs/scale-out.md declares, table by
 * table (issue 15, part 4): every table is classified there (a new one fails here until it is); a distributed
 * table carries the distribution column in its primary key and in every unique index (Citus enforces uniqueness
 * per shard); a foreign key between distributed tables joins on the distribution column (so it never crosses
 * shards), reference tables refer only to reference tables, and nothing refers from a distributed or reference
 * table to one kept on the coordinator. Read from pg_catalog, which shows every table whatever the role's grants.
 */
@SpringBootTest
class ScaleOutSchemaTests {
    private static final Path DECLARATION = Path.of("docs/scale-out.md");

    enum Kind { DISTRIBUTED, REFERENCE, COORDINATOR }

    record Declared(String table, Kind kind, String column) {
    }

    record ForeignKey(String name, String from, List<String> fromColumns, String to, List<String> toColumns) {
    }

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Declared> declared;

    @BeforeEach
    void readTheDeclaration() throws IOException {
        declared = declaration(Files.readString(DECLARATION, StandardCharsets.UTF_8));
    }

    @Test
    void everyTableIsClassifiedAndEveryClassifiedTableExists() {
        Set<String> tables = new TreeSet<>(jdbc.queryForList("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind in ('r', 'p') and c.relpersistence = 'p' and not c.relispartition
                   and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
                """, String.class));
        assertThat(tables).as("tables in the schema").isNotEmpty();
        assertThat(difference(tables, declared.keySet())).as("tables not classified in " + DECLARATION).isEmpty();
        assertThat(difference(declared.keySet(), tables)).as("classified in " + DECLARATION + " but not in the schema").isEmpty();
    }

    @Test
    void distributedTablesCarryTheDistributionColumnInTheirPrimaryKeyAndEveryUniqueIndex() {
        List<String> problems = new ArrayList<>();
        for (Declared d : declared.values()) {
            if (d.kind() != Kind.DISTRIBUTED) {
                continue;
            }
            List<Map<String, Object>> uniques = jdbc.queryForList("""
                    select i.indexrelid::regclass::text as index, i.indisprimary as pk,
                           array(select a.attname::text from unnest(i.indkey) k join pg_attribute a
                                  on a.attrelid = i.indrelid and a.attnum = k) as columns
                      from pg_index i where i.indrelid = ?::regclass and i.indisunique
                    """, d.table());
            if (uniques.stream().noneMatch(u -> (Boolean) u.get("pk"))) {
                problems.add(d.table() + ": no primary key");
            }
            for (Map<String, Object> u : uniques) {
                List<String> columns = columns(u.get("columns"));
                if (!columns.contains(d.column())) {
                    problems.add(d.table() + ": " + ((Boolean) u.get("pk") ? "primary key " : "unique index ")
                            + u.get("index") + " " + columns + " lacks " + d.column());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void allDistributedTablesAreColocatedOnOneColumnOfOneType() {
        Set<String> types = new TreeSet<>();
        for (Declared d : declared.values()) {
            if (d.kind() == Kind.DISTRIBUTED) {
                types.add(d.column() + " " + jdbc.queryForObject("""
                        select format_type(atttypid, atttypmod) from pg_attribute
                         where attrelid = ?::regclass and attname = ? and not attisdropped
                        """, String.class, d.table(), d.column()));
            }
        }
        assertThat(types).containsExactly("insurer_no character(6)");
    }

    @Test
    void noForeignKeyCrossesShardsOrLeavesTheCoordinator() {
        List<ForeignKey> keys = jdbc.query("""
                select c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
                       array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o)
                              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o),
                       array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o)
                              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)
                  from pg_constraint c where c.contype = 'f'
                """, (rs, i) -> new ForeignKey(rs.getString(1), qualified(rs.getString(2)), columns(rs.getArray(4).getArray()),
                qualified(rs.getString(3)), columns(rs.getArray(5).getArray())));
        assertThat(keys).as("the schema's foreign keys").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (ForeignKey k : keys) {
            Declared from = declared.get(k.from());
            Declared to = declared.get(k.to());
            if (from == null || to == null) {
                continue; // reported by everyTableIsClassified…
            }
            String problem = switch (from.kind()) {
                case DISTRIBUTED -> switch (to.kind()) {
                    case DISTRIBUTED -> {
                        int at = k.fromColumns().indexOf(from.column());
                        yield at >= 0 && k.toColumns().get(at).equals(to.column()) ? null
                                : "joins distributed tables without the distribution column (crosses shards)";
                    }
                    case REFERENCE -> null;
                    case COORDINATOR -> "a distributed table refers to a table kept on the coordinator";
                };
                case REFERENCE -> to.kind() == Kind.REFERENCE ? null : "a reference table refers to a " + to.kind();
                case COORDINATOR -> to.kind() == Kind.DISTRIBUTED ? "a coordinator table refers to a distributed one" : null;
            };
            if (problem != null) {
                problems.add(k.name() + " " + k.from() + k.fromColumns() + " -> " + k.to() + k.toColumns() + ": " + problem);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The declaration's rows: {@code | schema.table | distributed by insurer_no | …} between its markers. */
    static Map<String, Declared> declaration(String markdown) {
        int start = markdown.indexOf("<!-- scale-out-tables:start");
        int end = markdown.indexOf("<!-- scale-out-tables:end -->");
        assertThat(start).as("the table list's markers in " + DECLARATION).isNotNegative();
        assertThat(end).isGreaterThan(start);
        Map<String, Declared> rows = new LinkedHashMap<>();
        for (String line : markdown.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            String table = cells[1].replace("`", "");
            String how = cells[2];
            Declared d;
            if (how.startsWith("distributed by `")) {
                d = new Declared(table, Kind.DISTRIBUTED, how.substring("distributed by `".length(), how.lastIndexOf('`')));
            } else if (how.equals("reference")) {
                d = new Declared(table, Kind.REFERENCE, null);
            } else if (how.equals("coordinator")) {
                d = new Declared(table, Kind.COORDINATOR, null);
            } else {
                throw new AssertionError(DECLARATION + ": " + table + " is \"" + how
                        + "\"; say distributed by `column`, reference or coordinator");
            }
            assertThat(rows.put(table, d)).as(table + " declared twice").isNull();
        }
        return rows;
    }

    private static String qualified(String regclass) {
        return regclass.contains(".") ? regclass : "public." + regclass;
    }

    private static List<String> columns(Object array) {
        if (array instanceof java.sql.Array sql) {
            try {
                return columns(sql.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Arrays.asList((String[]) array);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
