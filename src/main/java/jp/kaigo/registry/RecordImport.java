package jp.kaigo.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportTarget;
import jp.kaigo.ingest.MergeCounts;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages and merges one record type's municipality files. The merge is set-based: one statement
 * classifies every staged row (insert, update, delete, unchanged or a named refusal), then a few
 * statements apply the classification. Rules: a 履歴番号 is never reused; a new 履歴番号 below the
 * person's newest is refused (an older history never overwrites a newer one); re-sent identical rows
 * change nothing; in a 全量 file, histories the file no longer holds are deleted, except for persons
 * with a refused row. The SQL is built once per type from its layout (one column per field).
 */
final class RecordImport implements ImportTarget {
    private static final Logger log = LoggerFactory.getLogger(RecordImport.class);
    private static final String APPLIED = "('insert', 'update', 'delete')";
    private static final Map<String, Rejection> REFUSALS = Map.of(
            "duplicate", new Rejection(0, "historyNo", "履歴番号",
                    "同じ被保険者番号・履歴番号の行がファイル内で重複しています(最初の行のみ取り込みました)"),
            "unknown_person", new Rejection(0, "insuredNo", "被保険者番号",
                    "被保険者が登録されていません(先に被保険者(資格)ファイルを取り込んでください)"),
            "no_such_history", new Rejection(0, "historyNo", "履歴番号", "更新・削除の対象となる履歴番号が登録されていません"),
            "out_of_order", new Rejection(0, "historyNo", "履歴番号",
                    "登録済みの最新の履歴番号より小さい履歴番号は新規登録できません"),
            "deleted_history", new Rejection(0, "historyNo", "履歴番号", "削除済みの履歴番号です(履歴番号は再利用できません)"),
            "already_exists", new Rejection(0, "historyNo", "履歴番号",
                    "登録済みの履歴番号です(内容を変える場合は処理区分2(更新)で送ってください)"));

    private final RecordType type;
    private final JdbcTemplate jdbc;
    private final String copy;
    private final String plan;
    private final String insert;

    RecordImport(RecordType type, JdbcTemplate jdbc) {
        this.type = type;
        this.jdbc = jdbc;
        String table = type.table();
        this.copy = "COPY import_staging (" + STAGING_KEY_COLUMNS + ", " + type.columns("") + ", problems) FROM STDIN";
        String sameFields = type.layout().fields().stream()
                .map(f -> "c." + RecordType.column(f.key()) + " is not distinct from s." + RecordType.column(f.key()))
                .collect(Collectors.joining("\n                                and "));
        // a certificate needs its person: someone with a current 被保険者 record of this insurer
        boolean insured = type == RecordType.INSURED;
        this.plan = """
                create temp table merge_plan on commit drop as
                select x.line_no, x.insured_no, x.person_id, x.history_no, x.cur_revision, case
                         when x.problems is not null then 'problems'
                         when x.duplicate then 'duplicate'
                         when not x.known then 'unknown_person'
                         when x.operation = 'D' then case when x.cur_revision is null then 'no_such_history'
                                                          when x.cur_deleted then 'unchanged' else 'delete' end
                         when x.cur_revision is null then case when x.operation = 'U' then 'no_such_history'
                                                               when x.history_no < x.max_history then 'out_of_order'
                                                               else 'insert' end
                         when x.cur_deleted then 'deleted_history'
                         when x.same then 'unchanged'
                         when x.operation = 'I' then 'already_exists'
                         else 'update' end as action
                  from (select s.line_no, s.operation, s.insured_no, s.history_no, s.problems, k.person_id,
                               c.revision as cur_revision, c.deleted as cur_deleted,
                               (c.valid_from = s.valid_from and c.valid_to is not distinct from s.valid_to
                                and %s) as same,
                               m.max_history, coalesce(s.line_no > d.first_line, false) as duplicate,
                               %s as known
                          from import_staging s
                          cross join lateral (select registry.person_id(s.insurer_no, s.insured_no) as person_id) k
                          left join %s c on c.insurer_no = ? and c.person_id = k.person_id
                                and c.history_no = s.history_no and c.current
                          left join (select person_id, max(history_no) as max_history from %3$s
                                      where insurer_no = ? and current group by person_id) m on m.person_id = k.person_id
                          left join (select insured_no, history_no, min(line_no) as first_line from import_staging
                                      where problems is null
                                      group by insured_no, history_no having count(*) > 1) d
                                 on d.insured_no = s.insured_no and d.history_no = s.history_no
                          %s) x
                """.formatted(sameFields, insured ? "true" : "kp.person_id is not null", table, insured ? "" : """
                          left join (select distinct person_id from registry.insured_records
                                      where insurer_no = ? and current and not deleted) kp on kp.person_id = k.person_id""");
        this.insert = """
                insert into %s (person_id, insurer_no, insured_no, history_no, revision, valid_from, valid_to, %s,
                                deleted, import_id)
                select m.person_id, ?, m.insured_no, m.history_no, coalesce(m.cur_revision, 0) + 1,
                       s.valid_from, s.valid_to, %s, m.action = 'delete', ?
                  from merge_plan m join import_staging s on s.line_no = m.line_no
                 where m.action in %s
                """.formatted(table, type.columns(""), type.columns("s"), APPLIED);
    }

    @Override
    public RecordLayout layout() {
        return type.layout();
    }

    @Override
    public void checkInsurer(String insurerNo) {
        Integer found = jdbc.queryForObject("select count(*) from registry.insurers where insurer_no = ?",
                Integer.class, insurerNo);
        if (found == null || found == 0) {
            throw new InvalidValue(InsurerNumber.FIELD, InsurerNumber.LABEL, "登録されていない保険者です");
        }
    }

    /**
     * Stages into a temporary table with this type's columns that lives for the import's transaction
     * only: nothing to delete afterwards, and no dead rows left behind to slow the next import.
     */
    @Override
    public long stage(InputStream copyText) {
        jdbc.execute("create temp table import_staging on commit drop as select * from " + type.table() + " with no data");
        jdbc.execute("alter table import_staging add column line_no bigint, add column operation char(1), "
                + "add column problems jsonb");
        return jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, copyText, 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, Consumer<Rejection> rejections) {
        long started = System.nanoTime();
        jdbc.execute("set local work_mem = '256MB'");
        // the planner needs to know that the staged rows are many, or it picks nested loops and sorts
        jdbc.execute("analyze import_staging");
        if (type == RecordType.INSURED) {
            jdbc.update(plan, insurerNo, insurerNo);
        } else {
            jdbc.update(plan, insurerNo, insurerNo, insurerNo);
        }
        long planned = System.nanoTime();
        jdbc.execute("analyze merge_plan");
        jdbc.update("""
                update %s r set current = false, superseded_at = now()
                  from merge_plan m
                 where m.action in ('update', 'delete') and r.person_id = m.person_id
                   and r.history_no = m.history_no and r.current
                """.formatted(type.table()));
        long changed = jdbc.update(insert, insurerNo, importId);
        long applied = System.nanoTime();
        if (changed > 10_000) {
            // autovacuum lags behind a bulk load; the next merge's plan depends on fresh statistics
            jdbc.execute("analyze " + type.table());
        }
        String notes = null;
        long removed = 0;
        if (mode == ImportMode.FULL) {
            Boolean unreadableKey = jdbc.queryForObject(
                    "select exists (select 1 from merge_plan where action = 'problems' and insured_no is null)",
                    Boolean.class);
            if (Boolean.TRUE.equals(unreadableKey)) {
                notes = "被保険者番号を読み取れない行があるため、全量ファイルに含まれない履歴の削除は行いませんでした";
            } else {
                removed = removeAbsent(insurerNo, importId);
            }
        }
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select action, count(*) from merge_plan group by action",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        reportRefusals(rejections);
        log.info("merge of import {} ({}): plan {} ms, apply {} ms, rest {} ms", importId, type.key(),
                (planned - started) / 1_000_000, (applied - planned) / 1_000_000, (System.nanoTime() - applied) / 1_000_000);
        long refused = counts.entrySet().stream()
                .filter(e -> e.getKey().equals("problems") || REFUSALS.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new MergeCounts(counts.getOrDefault("insert", 0L), counts.getOrDefault("update", 0L),
                counts.getOrDefault("delete", 0L) + removed, counts.getOrDefault("unchanged", 0L), refused, notes);
    }

    /** 全量: current histories of this insurer that the file no longer holds become tombstones. */
    private long removeAbsent(String insurerNo, UUID importId) {
        String table = type.table();
        jdbc.update("""
                create temp table merge_absent on commit drop as
                select r.person_id, r.insured_no, r.history_no, r.revision
                  from %s r
                 where r.insurer_no = ? and r.current and not r.deleted
                   and not exists (select 1 from merge_plan m
                                    where m.person_id = r.person_id and m.history_no = r.history_no)
                   and not exists (select 1 from merge_plan m
                                    where m.insured_no = r.insured_no
                                      and m.action not in ('insert', 'update', 'delete', 'unchanged'))
                """.formatted(table), insurerNo);
        jdbc.update("""
                update %s r set current = false, superseded_at = now()
                  from merge_absent a
                 where r.person_id = a.person_id and r.history_no = a.history_no and r.revision = a.revision
                """.formatted(table));
        return jdbc.update("""
                insert into %s (person_id, insurer_no, insured_no, history_no, revision, deleted, import_id)
                select person_id, ?, insured_no, history_no, revision + 1, true, ? from merge_absent
                """.formatted(table), insurerNo, importId);
    }

    private void reportRefusals(Consumer<Rejection> rejections) {
        jdbc.query("""
                select m.line_no, p.value ->> 'field', p.value ->> 'label', p.value ->> 'reason', null
                  from merge_plan m
                  join import_staging s on s.line_no = m.line_no
                 cross join lateral jsonb_array_elements(s.problems) p
                 where m.action = 'problems'
                union all
                select line_no, null, null, null, action from merge_plan
                 where action not in ('problems', 'insert', 'update', 'delete', 'unchanged')
                 order by 1
                """, rs -> {
                    long line = rs.getLong(1);
                    String action = rs.getString(5);
                    if (action == null) {
                        rejections.accept(new Rejection(line, rs.getString(2), rs.getString(3), rs.getString(4)));
                    } else {
                        Rejection r = REFUSALS.get(action);
                        rejections.accept(new Rejection(line, r.field(), r.label(), r.reason()));
                    }
                });
    }
}
