package jp.kaigo.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stages and merges one record type's municipality files into its owner's history table (one table
 * per type: the key and validity columns, one column per layout field in snake_case, then revision
 * bookkeeping; see registry's V1 migration). The merge is one set-based statement that
 * classifies every staged row (insert, update, delete, restore, unchanged or a named refusal) and applies the
 * classification. Rules: a deleted history sent again as new (処理区分1, or in a 全量 file) is restored as its next
 * revision, so a deletion (a 全量 file cut short, a wrong 処理区分3) is undone by sending the record again; an
 * update of a deleted history is refused; a new 履歴番号 below the
 * person's newest is refused (an older history never overwrites a newer one); re-sent identical rows
 * change nothing; in a 全量 file, histories the file no longer holds are deleted, except for persons
 * with a refused row. The SQL is built once per type from its layout (one column per field).
 */
public final class HistoryImport implements ImportTarget {
    private static final Logger log = LoggerFactory.getLogger(HistoryImport.class);
    private static final String APPLIED = "('insert', 'update', 'delete', 'restore')";
    private static final String DUPLICATES_JOIN = "-- duplicates join --";
    private static final Map<String, Rejection> REFUSALS = Map.of(
            "duplicate", new Rejection(0, "historyNo", "履歴番号", KeyFields.DUPLICATE_REASON),
            "unknown_person", new Rejection(0, "insuredNo", "被保険者番号",
                    "被保険者が登録されていません(先に被保険者(資格)ファイルを取り込んでください)"),
            "no_such_history", new Rejection(0, "historyNo", "履歴番号", "更新・削除の対象となる履歴番号が登録されていません"),
            "out_of_order", new Rejection(0, "historyNo", "履歴番号",
                    "登録済みの最新の履歴番号より小さい履歴番号は新規登録できません"),
            "deleted_history", new Rejection(0, "historyNo", "履歴番号",
                    "削除済みの履歴番号は更新できません(元に戻すには処理区分1(新規)で送るか、全量ファイルに含めてください)"),
            "already_exists", new Rejection(0, "historyNo", "履歴番号",
                    "登録済みの履歴番号です(内容を変える場合は処理区分2(更新)で送ってください)"));

    private final RecordLayout layout;
    private final String table;
    private final Predicate<String> insurerKnown;
    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final String copy;
    private final String personKnown;
    private final Map<Set<String>, Statements> statements = new java.util.concurrent.ConcurrentHashMap<>();

    /** The merge statement for keys that arrived in ascending order (duplicates already refused), and for any order. */
    private record Statements(String ascendingKeys, String anyOrder) {
    }

    /**
     * @param table        the owner's history table, schema-qualified
     * @param insurerKnown whether an insurer (保険者番号) is registered and may send files
     * @param personKnown  SQL condition on staged row {@code s} (and {@code :insurer}) that its person may
     *                     have this record, or null when any person may
     */
    public HistoryImport(RecordLayout layout, String table, Predicate<String> insurerKnown, String personKnown,
            JdbcTemplate jdbc) {
        this.layout = layout;
        this.table = table;
        this.insurerKnown = insurerKnown;
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.copy = "COPY import_staging (" + STAGING_KEY_COLUMNS + ", " + layout.columns("") + ", problems) FROM STDIN (FORMAT binary)";
        this.personKnown = personKnown;
        this.statements.put(Set.of(), statements(Set.of()));
    }

    /**
     * The merge for files that leave out the {@code omitted} fields: a row's omitted fields are taken from the
     * history's current revision (an update keeps what is stored; a new history has none), and they take no part
     * in telling an unchanged row from an update.
     */
    private Statements statements(Set<String> omitted) {
        List<FieldSpec> fields = new ArrayList<>(List.of(KeyFields.VALID_TO));
        fields.addAll(layout.fields());
        String staged = fields.stream()
                .map(f -> omitted.contains(f.key()) ? "c." + f.column() + " as " + f.column() : "s." + f.column())
                .collect(Collectors.joining(", "));
        String sameFields = fields.stream().filter(f -> !omitted.contains(f.key()))
                .map(f -> "c." + f.column() + " is not distinct from s." + f.column())
                .collect(Collectors.joining("\n                                and "));
        String refusals = REFUSALS.entrySet().stream()
                .map(e -> "('%s', '%s', '%s', '%s')".formatted(e.getKey(), e.getValue().field(), e.getValue().label(),
                        e.getValue().reason()))
                .collect(Collectors.joining(", "));
        // One statement: classify every staged row from the state before the import, apply the
        // classification, tombstone what a 全量 file no longer holds, and record each refusal on its
        // staged row; all sub-statements see the same snapshot.
        String merge = """
                with plan as materialized (
                  select x.*, case
                           when x.problems is not null then 'problems'
                           when x.duplicate then 'duplicate'
                           when not x.known then 'unknown_person'
                           when x.operation = 'D' then case when x.cur_revision is null then 'no_such_history'
                                                            when x.cur_deleted then 'unchanged' else 'delete' end
                           when x.cur_revision is null then case
                                  when x.operation = 'U' then 'no_such_history'
                                  -- looked up only for a new history, and only if the insurer has records
                                  when :has_records and x.history_no < (
                                         select max(h.history_no) from %4$s h
                                          where h.insurer_no = :insurer and h.insured_no = x.insured_no
                                            and h.current) then 'out_of_order'
                                  else 'insert' end
                           when x.cur_deleted then case when x.operation = 'U' then 'deleted_history' else 'restore' end
                           when x.same then 'unchanged'
                           when x.operation = 'I' then 'already_exists'
                           else 'update' end as action
                    from (select s.line_no, s.operation, s.insured_no, s.history_no, s.problems, s.valid_from,
                                 %1$s, c.revision as cur_revision, c.deleted as cur_deleted,
                                 (c.valid_from = s.valid_from and %2$s) as same,
                                 coalesce(s.line_no > d.first_line, false) as duplicate,
                                 %3$s as known
                            from import_staging s
                            left join %4$s c on c.insurer_no = :insurer and c.insured_no = s.insured_no
                                  and c.history_no = s.history_no and c.current
                            %9$s) x),
                superseded as (
                  update %4$s r set current = false, superseded_at = now()
                    from plan m
                   where m.action in ('update', 'delete', 'restore') and r.insurer_no = :insurer and r.insured_no = m.insured_no
                     and r.history_no = m.history_no and r.current
                  returning 1),
                inserted as (
                  insert into %4$s (insurer_no, insured_no, history_no, revision, valid_from, valid_to,
                                    %5$s, deleted, import_id)
                  select :insurer, m.insured_no, m.history_no, coalesce(m.cur_revision, 0) + 1,
                         m.valid_from, m.valid_to, %6$s, m.action = 'delete', :import_id
                    from plan m where m.action in %7$s
                  returning 1),
                absent as materialized (
                  select r.insured_no, r.history_no, r.revision from %4$s r
                   where :remove_absent and r.insurer_no = :insurer and r.current and not r.deleted
                     and not exists (select 1 from plan m
                                      where m.insured_no = r.insured_no and m.history_no = r.history_no)
                     and not exists (select 1 from plan m
                                      where m.insured_no = r.insured_no
                                        and m.action not in ('insert', 'update', 'delete', 'restore', 'unchanged'))),
                absent_superseded as (
                  update %4$s r set current = false, superseded_at = now()
                    from absent a
                   where r.insurer_no = :insurer and r.insured_no = a.insured_no and r.history_no = a.history_no
                     and r.revision = a.revision
                  returning 1),
                absent_inserted as (
                  insert into %4$s (insurer_no, insured_no, history_no, revision, deleted, import_id)
                  select :insurer, insured_no, history_no, revision + 1, true, :import_id from absent
                  returning 1),
                refused as (
                  update import_staging s
                     set problems = jsonb_build_array(jsonb_build_object('field', r.field, 'label', r.label,
                                                                         'reason', r.reason))
                    from plan m join (values %8$s) as r(action, field, label, reason) on r.action = m.action
                   where s.line_no = m.line_no
                  returning 1)
                select action, count(*) from plan group by action
                union all select 'removed', count(*) from absent_inserted
                """.formatted(staged, sameFields, this.personKnown == null ? "true" : this.personKnown, table,
                layout.columns(""), layout.columns("m"), APPLIED, refusals, DUPLICATES_JOIN);
        String duplicates = """
                            left join (select insured_no, history_no, min(line_no) as first_line from import_staging
                                        where problems is null
                                        group by insured_no, history_no having count(*) > 1) d
                                   on d.insured_no = s.insured_no and d.history_no = s.history_no""";
        // keys that arrived in ascending order had their duplicates refused while staging
        String noDuplicates = "left join (select null::text as insured_no, null::int as history_no, "
                + "null::bigint as first_line) d on false";
        return new Statements(merge.replace(DUPLICATES_JOIN, noDuplicates), merge.replace(DUPLICATES_JOIN, duplicates));
    }

    /** Whether the insurer has any record of this type yet (a first load needs no look-ups). */
    private boolean hasRecords(String insurerNo) {
        return sql.sql("select exists (select 1 from " + table + " where insurer_no = ?)").param(insurerNo)
                .query(Boolean.class).single();
    }

    @Override
    public RecordLayout layout() {
        return layout;
    }

    @Override
    public void checkInsurer(String insurerNo) {
        if (!insurerKnown.test(insurerNo)) {
            throw new InvalidValue(InsurerNumber.FIELD, InsurerNumber.LABEL, "登録されていない保険者です");
        }
    }

    /**
     * Stages into a temporary table with this type's columns that lives for the import's transaction
     * only: nothing to delete afterwards, and no dead rows left behind to slow the next import.
     */
    @Override
    public long stage(InputStream copyBinary) {
        jdbc.execute("create temp table import_staging on commit drop as select * from " + table + " with no data");
        jdbc.execute("alter table import_staging add column line_no bigint, add column operation char(1), "
                + "add column problems jsonb");
        return jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, copyBinary, 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, StagingSummary staged,
            Consumer<Rejection> rejections) {
        long started = System.nanoTime();
        jdbc.execute("set local work_mem = '256MB'");
        // no ANALYZE of the staged rows: for a table never analysed the planner sizes it from its pages,
        // which is all the hash joins below need (measured: analysing cost 10 % of a 300,000-row merge)
        boolean full = mode == ImportMode.FULL;
        // a 全量 file with a row whose 被保険者番号 is unreadable cannot tell which persons it left out
        boolean removeAbsent = full && !staged.unreadableKeys();
        Map<String, Object> params = Map.of("insurer", insurerNo, "import_id", importId, "remove_absent", removeAbsent,
                "has_records", hasRecords(insurerNo));
        Map<String, Long> counts = new HashMap<>();
        Statements merge = statements.computeIfAbsent(staged.omitted(), this::statements);
        sql.sql(staged.keysAscending() ? merge.ascendingKeys() : merge.anyOrder()).params(params)
                .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        long merged = System.nanoTime();
        long restored = counts.getOrDefault("restore", 0L);
        long changed = counts.getOrDefault("insert", 0L) + restored + counts.getOrDefault("update", 0L)
                + counts.getOrDefault("delete", 0L) + counts.getOrDefault("removed", 0L);
        if (changed > 10_000) {
            // autovacuum lags behind a bulk load; the next merge's plan depends on fresh statistics. A small
            // sample is enough for its row counts and hash joins, and costs a tenth (autovacuum refines it later)
            jdbc.execute("set local default_statistics_target = 10");
            jdbc.execute("analyze " + table);
        }
        long refused = counts.entrySet().stream()
                .filter(e -> e.getKey().equals("problems") || REFUSALS.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        if (refused > 0) {
            jdbc.query("""
                    select s.line_no, p.value ->> 'field', p.value ->> 'label', p.value ->> 'reason'
                      from import_staging s cross join lateral jsonb_array_elements(s.problems) p
                     where s.problems is not null
                     order by s.line_no
                    """, rs -> {
                        rejections.accept(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    });
        }
        log.info("merge of import {} ({}): {} ms, then {} ms", importId, layout.recordType(), (merged - started) / 1_000_000,
                (System.nanoTime() - merged) / 1_000_000);
        List<String> said = new ArrayList<>();
        if (full && staged.unreadableKeys()) {
            said.add("被保険者番号を読み取れない行があるため、全量ファイルに含まれない履歴の削除は行いませんでした");
        }
        if (!staged.omitted().isEmpty()) {
            said.add("省略した列(" + layout.fields().stream().filter(f -> staged.omitted().contains(f.key()))
                    .map(FieldSpec::label).collect(Collectors.joining("、")) + ")は登録済みの値のままです");
        }
        if (restored > 0) {
            said.add("削除済みだった " + restored + " 件の履歴を元に戻しました(新規の件数に含みます)");
        }
        String notes = said.isEmpty() ? null : String.join("。", said);
        return new MergeCounts(counts.getOrDefault("insert", 0L) + restored, counts.getOrDefault("update", 0L),
                counts.getOrDefault("delete", 0L) + counts.getOrDefault("removed", 0L),
                counts.getOrDefault("unchanged", 0L), refused, notes);
    }
}
