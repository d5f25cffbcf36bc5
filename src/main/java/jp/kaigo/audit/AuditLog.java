package jp.kaigo.audit;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The audit trail (facade). {@link #record} returns once the entry is committed: entries from all
 * request threads are appended by one writer thread in small batches (group commit), which costs each
 * request one shared commit. Several platform instances on one database append to the one chain: each
 * batch advances the chain's tip row only from where its writer last saw it, in the same statement.
 */
@Service
public class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final byte[] GENESIS = new byte[32];
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile Instant lastFailure;
    private long lastSeq;
    private byte[] lastHash;
    private LocalDate lastDay;

    private record Pending(AuditEntry entry, Instant at, CompletableFuture<Void> done) {
    }

    /**
     * Verifies the chain of the database behind {@code dataSource} without starting the platform (the
     * {@code audit verify} command); the connection needs only read access to the audit schema.
     */
    public static VerificationReport verify(DataSource dataSource) {
        return new AuditLog(new JdbcTemplate(dataSource), false).verify();
    }

    /** Verifies the whole chain every night and reports a break in the log (the entries say where). */
    @Scheduled(cron = "0 0 4 * * *", zone = "Asia/Tokyo")
    @SchedulerLock(name = "audit-nightly-verification", lockAtMostFor = "PT3H")
    public void nightlyVerification() {
        VerificationReport report = verify();
        if (report.intact()) {
            log.info("audit chain intact: {} entries", report.entriesChecked());
        } else {
            log.error("audit chain BROKEN: {} problems in {} entries; run `audit verify` for the list",
                    report.problems().size(), report.entriesChecked());
        }
    }

    @Autowired
    AuditLog(JdbcTemplate jdbc) {
        this(jdbc, true);
    }

    private AuditLog(JdbcTemplate jdbc, boolean writing) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::writeLoop, "audit-writer");
        writer.setDaemon(true);
        if (writing) {
            writer.start();
        }
    }

    /** Appends the entry to the chain; returns when it is committed (fails after 10 s). */
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Appends the entries in this order; returns when all are committed (fails after 10 s). */
    public void recordAll(List<AuditEntry> entries) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<CompletableFuture<Void>> done = new ArrayList<>(entries.size());
        synchronized (queue) {
            for (AuditEntry entry : entries) {
                var pending = new Pending(entry, now, new CompletableFuture<>());
                done.add(pending.done());
                queue.add(pending);
            }
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the audit trail");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the audit trail could not be written", e);
        }
    }

    /** Entries waiting for the writer (the audit queue's depth). */
    int pending() {
        return queue.size();
    }

    /** Whether the writer thread runs. */
    boolean writing() {
        return writer.isAlive();
    }

    /** When a batch last failed to be written, if ever. */
    Instant lastFailure() {
        return lastFailure;
    }

    /** Who accessed this person's data, newest first. */
    public List<AccessRecord> accessesTo(String insurerNo, String insuredNo) {
        return jdbc.query("""
                select at, event, actor_kind, actor_number, staff_job, subject, purpose, outcome from audit.entries
                 where person_insurer = ? and person_insured = ? order by at desc, seq desc
                """, AuditLog::accessRecord, insurerNo, insuredNo);
    }

    /**
     * When the organisation last saw this person's records (a permitted disclosure), within the last
     * {@value #REPORT_DAYS} days; empty when it has not. Read before the new look is written.
     */
    public Optional<Instant> lastSeenBy(String actorKind, String actorNumber, String insurerNo,
            String insuredNo) {
        return jdbc.query("""
                select max(at) from audit.entries
                 where person_insurer = ? and person_insured = ? and at > now() - make_interval(days => ?)
                   and event = 'disclosure' and actor_kind = ? and actor_number = ? and outcome like 'permit:%'
                """, (rs, n) -> rs.getTimestamp(1), insurerNo, insuredNo, REPORT_DAYS, actorKind, actorNumber)
                .stream().filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /** How far back the reports by staff account and by organisation look. */
    public static final int REPORT_DAYS = 92;
    private static final String INVESTIGATION = """
            select seq, at, event, actor_kind, actor_number, staff_id, staff_job, qualification, person_insurer,
                   person_insured, subject, purpose, outcome from audit.entries
            """;

    /** Every entry about one person, newest first (an investigation by the person's municipality or the operator). */
    public List<Investigation> aboutPerson(String insurerNo, String insuredNo, int limit) {
        return jdbc.query(INVESTIGATION + " where person_insurer = ? and person_insured = ? order by at desc, seq desc limit ?",
                AuditLog::investigation, insurerNo, insuredNo, limit);
    }

    /**
     * Every entry of one staff account within the last {@value #REPORT_DAYS} days, newest first; {@code insurerNo}:
     * only about that insurer's insured (a municipality's investigation), or null for all (the operator). The
     * window keeps the scan to a few monthly partitions: the hot path writes no index on the staff account.
     */
    public List<Investigation> byStaff(UUID staffId, String insurerNo, int limit) {
        return jdbc.query(INVESTIGATION + " where at > now() - make_interval(days => ?) and staff_id = ?"
                + " and (cast(? as text) is null or person_insurer = ?) order by at desc, seq desc limit ?",
                AuditLog::investigation, REPORT_DAYS, staffId, insurerNo, insurerNo, limit);
    }

    /** An organisation's own access log (for its administrator): its staff's entries of the window, newest first. */
    public List<Investigation> byOrganisation(String actorKind, String actorNumber, int limit) {
        return jdbc.query(INVESTIGATION + " where at > now() - make_interval(days => ?) and actor_kind = ?"
                + " and actor_number = ? order by at desc, seq desc limit ?",
                AuditLog::investigation, REPORT_DAYS, actorKind, actorNumber, limit);
    }

    private static Investigation investigation(ResultSet rs, int n) throws SQLException {
        return new Investigation(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /** The newest accesses to this person's data by others than the person (for the person's own page). */
    public List<AccessRecord> recentAccessesByOthers(String insurerNo, String insuredNo, int limit) {
        return jdbc.query("""
                select at, event, actor_kind, actor_number, staff_job, subject, purpose, outcome from audit.entries
                 where person_insurer = ? and person_insured = ? and actor_kind <> 'person'
                 order by at desc, seq desc limit ?
                """, AuditLog::accessRecord, insurerNo, insuredNo, limit);
    }

    /**
     * Who looked at this person's data, grouped by organisation, day (Japan time), kind of entry and
     * result, newest day first; one page of {@code pageSize} groups ({@code page} from 1). The person's own entries
     * are not listed; a break-glass look stays a group of its own.
     */
    public AccessGroups accessGroups(String insurerNo, String insuredNo, int page, int pageSize) {
        int shown = Math.max(1, page);
        int[] total = {0};
        List<AccessGroup> groups = jdbc.query(GROUPED + """
                 order by day desc, last_at desc
                 limit ? offset ?
                """, (rs, n) -> {
            total[0] = rs.getInt("group_count");
            return accessGroup(rs);
        }, insurerNo, insuredNo, pageSize, (long) (shown - 1) * pageSize);
        if (groups.isEmpty() && shown > 1) {
            total[0] = countGroups(insurerNo, insuredNo, null);
        }
        return new AccessGroups(groups, shown, pageSize, total[0]);
    }

    /** How many of those groups had an entry after {@code since} (what is new to the person since their last visit). */
    public int accessGroupsSince(String insurerNo, String insuredNo, Instant since) {
        return countGroups(insurerNo, insuredNo, since);
    }

    private int countGroups(String insurerNo, String insuredNo, Instant since) {
        Integer count = jdbc.queryForObject("select count(*) from (" + GROUPED
                + ") g where cast(? as timestamptz) is null or g.last_at > cast(? as timestamptz)", Integer.class,
                insurerNo, insuredNo, since == null ? null : since.atOffset(java.time.ZoneOffset.UTC),
                since == null ? null : since.atOffset(java.time.ZoneOffset.UTC));
        return count == null ? 0 : count;
    }

    /** The groups of {@link #accessGroups}: one row per organisation, day, kind of entry and result. */
    private static final String GROUPED = """
            select actor_kind, actor_number, day, event, result, emergency,
                   count(*) as times, array_agg(distinct subject order by subject) as subjects,
                   array_remove(array_agg(distinct purpose order by purpose), null) as purposes, max(at) as last_at,
                   count(*) over () as group_count
              from (select at, actor_kind, actor_number, event, subject, purpose,
                           (at at time zone 'Asia/Tokyo')::date as day,
                           case when outcome like 'permit:%' then 'seen' when outcome like 'deny:%' then 'denied'
                                else outcome end as result,
                           (outcome = 'permit:BREAK_GLASS' or outcome like 'break-glass:%') as emergency
                      from audit.entries
                     where person_insurer = ? and person_insured = ? and actor_kind <> 'person') e
             group by actor_kind, actor_number, day, event, result, emergency
            """;

    private static AccessGroup accessGroup(ResultSet rs) throws SQLException {
        return new AccessGroup(rs.getString("actor_kind"), rs.getString("actor_number"),
                rs.getDate("day").toLocalDate(), rs.getString("event"), rs.getString("result"), rs.getBoolean("emergency"),
                rs.getInt("times"), List.of((String[]) rs.getArray("subjects").getArray()),
                List.of((String[]) rs.getArray("purposes").getArray()), rs.getTimestamp("last_at").toInstant());
    }

    private static AccessRecord accessRecord(ResultSet rs, int row) throws SQLException {
        return new AccessRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    /**
     * Recomputes the whole chain: an entry whose content no longer matches its hash was changed; a
     * broken link or a gap in the sequence means entries were inserted or removed; a daily head that
     * differs from the chain means the chain was rewritten.
     */
    public VerificationReport verify() {
        List<String> problems = new ArrayList<>();
        record Head(LocalDate day, long seq, byte[] hash) {
        }
        List<Head> heads = jdbc.query("select day, last_seq, last_hash from audit.chain_heads order by day",
                (rs, i) -> new Head(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getBytes(3)));
        // the chain's hash at each head's sequence number, filled in while walking the chain
        Map<Long, byte[]> hashAt = new HashMap<>();
        Set<Long> headSeqs = heads.stream().map(Head::seq).collect(Collectors.toCollection(java.util.HashSet::new));
        // the tip, read before the entries: they hold at least up to it (both change in one statement), so
        // a trail cut short at its end (the last entries removed, or a backup restored without them) shows
        List<Head> tip = jdbc.query("select day, seq, hash from audit.chain_tip",
                (rs, i) -> new Head(rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getBytes(3)));
        tip.forEach(t -> headSeqs.add(t.seq()));
        long[] count = {0};
        long[] expectedSeq = {1};
        byte[][] previous = {GENESIS};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from audit.entries order by seq");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            long seq = rs.getLong("seq");
            byte[] prev = rs.getBytes("prev_hash");
            byte[] hash = rs.getBytes("hash");
            AuditEntry entry = new AuditEntry(rs.getString("event"), rs.getString("actor_kind"),
                    rs.getString("actor_number"), rs.getString("staff_job"), rs.getString("person_insurer"),
                    rs.getString("person_insured"), rs.getString("subject"), rs.getString("purpose"),
                    rs.getString("outcome"), rs.getObject("staff_id", java.util.UUID.class), rs.getString("qualification"));
            Instant at = rs.getTimestamp("at").toInstant();
            if (seq != expectedSeq[0]) {
                problems.add("記録 " + expectedSeq[0] + (seq == expectedSeq[0] + 1 ? " が削除されています"
                        : seq > expectedSeq[0] ? "〜" + (seq - 1) + " が削除されています"
                        : " の位置に記録 " + seq + " が挿入されています"));
            }
            if (!Arrays.equals(prev, previous[0])) {
                problems.add("記録 " + seq + ": 直前の記録とのつながりが切れています(記録の挿入・削除)");
            }
            if (!Arrays.equals(hash, hash(prev, seq, at, entry))) {
                problems.add("記録 " + seq + ": 内容が書き換えられています");
            }
            if (headSeqs.contains(seq)) {
                hashAt.put(seq, hash);
            }
            previous[0] = hash;
            expectedSeq[0] = seq + 1;
            count[0]++;
        });
        for (Head head : heads) {
            if (!Arrays.equals(hashAt.get(head.seq()), head.hash())) {
                problems.add(head.day() + " の日次チェーンヘッドが記録と一致しません");
            }
        }
        for (Head t : tip) {
            if (t.seq() > 0 && expectedSeq[0] <= t.seq()) {
                problems.add("記録 " + expectedSeq[0] + (expectedSeq[0] == t.seq() ? "" : "〜" + t.seq())
                        + " が削除されています(チェーンの末尾)");
            } else if (t.seq() > 0 && !Arrays.equals(hashAt.get(t.seq()), t.hash())) {
                problems.add("チェーンの末尾(記録 " + t.seq() + ")が記録と一致しません");
            }
        }
        return new VerificationReport(count[0], problems);
    }

    private void writeLoop() {
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("audit batch of {} entries not written: {}", batch.size(), e.getClass().getName());
                lastHash = null; // re-read the head: the failed batch was rolled back
                lastFailure = Instant.now();
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    /**
     * Writes a batch as one statement in autocommit mode (one round trip and one commit for the whole batch):
     * the entries, a day's chain head when the batch crosses into a new day (Japan time), and the chain's tip,
     * advanced only if it still stands where this writer last saw it. When another instance moved it meanwhile,
     * nothing is written; the writer reads the tip again and chains the same batch after it.
     */
    private void write(List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            if (lastHash == null) {
                loadHead();
            }
            if (tryWrite(batch)) {
                return;
            }
            lastHash = null;
            if (attempt % 100 == 0) {
                log.warn("audit batch not yet appended after {} attempts: other writers keep moving the chain", attempt);
            }
        }
    }

    private boolean tryWrite(List<Pending> batch) {
        Tip tip = append(batch, new Tip(lastSeq, lastHash, lastDay));
        if (tip == null) {
            return false;
        }
        lastSeq = tip.seq();
        lastHash = tip.hash();
        lastDay = tip.day();
        return true;
    }

    /** Where the chain ends: the last entry's sequence number and hash, and its day (Japan time). */
    private record Tip(long seq, byte[] hash, LocalDate day) {
    }

    /**
     * Appends the entry in the caller's transaction, so that it commits with the change it records or neither does
     * (a crash between the two can then leave neither a change without its entry nor an entry without its change).
     * It holds the chain's tip until that transaction ends, and the writer (and other instances) append after it:
     * for rare changes such as consent decisions, not for the hot paths, which use {@link #record}. Never call
     * {@link #record} later in the same transaction: the writer waits for this transaction to end.
     */
    public void recordInTransaction(AuditEntry entry) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordInTransaction needs the caller's transaction");
        }
        Tip tip = jdbc.query("select seq, hash, day from audit.chain_tip for update", rs -> rs.next()
                ? new Tip(rs.getLong(1), rs.getBytes(2), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate())
                : null);
        if (tip == null || append(List.of(new Pending(entry, Instant.now().truncatedTo(ChronoUnit.MICROS), null)), tip) == null) {
            throw new IllegalStateException("the audit chain's tip is missing");
        }
    }

    /**
     * Appends the batch after {@code tip} in one statement on the current connection (the caller's transaction, or
     * autocommit for the writer); returns the new tip, or null when the chain's tip no longer stands at {@code tip}.
     */
    private Tip append(List<Pending> batch, Tip start) {
        int n = batch.size();
        Long[] seqs = new Long[n];
        Timestamp[] ats = new Timestamp[n];
        String[][] texts = new String[11][n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = new byte[n][];
        List<String> headDays = new ArrayList<>();
        List<Long> headSeqs = new ArrayList<>();
        List<byte[]> headHashes = new ArrayList<>();
        long seq = start.seq();
        byte[] prev = start.hash();
        LocalDate day = start.day();
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            LocalDate today = LocalDate.ofInstant(p.at(), JAPAN);
            if (day != null && today.isAfter(day)) {
                headDays.add(day.toString());
                headSeqs.add(seq);
                headHashes.add(prev);
            }
            seq++;
            AuditEntry e = p.entry();
            byte[] hash = hash(prev, seq, p.at(), e);
            seqs[i] = seq;
            ats[i] = Timestamp.from(p.at());
            String[] fields = {e.event(), e.actorKind(), e.actorNumber(), e.staffJob(), e.personInsurer(),
                e.personInsured(), e.subject(), e.purpose(), e.outcome(),
                e.staffId() == null ? null : e.staffId().toString(), e.qualification()};
            for (int f = 0; f < fields.length; f++) {
                texts[f][i] = fields[f];
            }
            prevs[i] = prev;
            hashes[i] = hash;
            prev = hash;
            day = today;
        }
        long from = start.seq();
        long to = seq;
        byte[] tipHash = prev;
        LocalDate tipDay = day;
        boolean withHeads = !headDays.isEmpty();
        int written = jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement insert = con.prepareStatement(withHeads ? APPEND_WITH_DAY_HEADS : APPEND)) {
                int at = 1;
                insert.setLong(at++, to);
                insert.setBytes(at++, tipHash);
                insert.setObject(at++, tipDay);
                insert.setLong(at++, from);
                if (withHeads) {
                    insert.setArray(at++, con.createArrayOf("text", headDays.toArray(String[]::new)));
                    insert.setArray(at++, con.createArrayOf("bigint", headSeqs.toArray(Long[]::new)));
                    insert.setArray(at++, con.createArrayOf("bytea", headHashes.toArray(byte[][]::new)));
                }
                insert.setArray(at++, con.createArrayOf("bigint", seqs));
                insert.setArray(at++, con.createArrayOf("timestamptz", ats));
                for (String[] text : texts) {
                    insert.setArray(at++, con.createArrayOf("text", text));
                }
                insert.setArray(at++, con.createArrayOf("bytea", prevs));
                insert.setArray(at, con.createArrayOf("bytea", hashes));
                return insert.executeUpdate();
            }
        });
        return written == 0 ? null : new Tip(to, tipHash, tipDay);
    }

    /** Appends a batch and advances the tip, only if the tip still stands where this writer saw it. */
    private static final String TIP = """
            with tip as (
              update audit.chain_tip set seq = ?, hash = ?, day = ? where seq = ? returning seq
            )""";
    private static final String ENTRIES = """
            insert into audit.entries (seq, at, event, actor_kind, actor_number, staff_job, person_insurer,
                                       person_insured, subject, purpose, outcome, staff_id, qualification,
                                       prev_hash, hash)
            select * from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                                 ?::bytea[], ?::bytea[])
             where exists (select from tip)
            """;
    private static final String APPEND = TIP + "\n" + ENTRIES;
    /** The same, when the batch crosses into a new day: the day's chain head goes in with it (rare; costs more). */
    private static final String APPEND_WITH_DAY_HEADS = TIP + """
            , heads as (
              insert into audit.chain_heads (day, last_seq, last_hash)
              select * from unnest(?::text[]::date[], ?::bigint[], ?::bytea[]) where exists (select from tip)
              on conflict (day) do nothing
            )
            """ + ENTRIES;

    private void loadHead() {
        jdbc.query("select seq, hash, day from audit.chain_tip", rs -> {
            lastSeq = rs.getLong(1);
            lastHash = rs.getBytes(2);
            java.sql.Date day = rs.getDate(3);
            lastDay = day == null ? null : day.toLocalDate();
        });
    }

    /** SHA-256 over the predecessor's hash and the entry's fields, each length-prefixed (no ambiguity). */
    static byte[] hash(byte[] prev, long seq, Instant at, AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            StringBuilder text = new StringBuilder(256);
            for (Object field : new Object[] {seq, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, e.event(),
                e.actorKind(), e.actorNumber(), e.staffJob(), e.personInsurer(), e.personInsured(), e.subject(),
                e.purpose(), e.outcome()}) {
                String value = field == null ? "\u0000" : field.toString();
                text.append(value.length()).append(':').append(value);
            }
            // the individual and the qualification relied on, where the entry names them (older entries do not)
            if (e.staffId() != null || e.qualification() != null) {
                for (Object field : new Object[] {e.staffId(), e.qualification()}) {
                    String value = field == null ? "\u0000" : field.toString();
                    text.append(value.length()).append(':').append(value);
                }
            }
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(2000);
    }
}
