package jp.kaigo.ingest;

import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their rejections ({@code ingest.imports}, {@code ingest.rejections}). */
@Repository
class ImportJobs {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores the report, or replaces the one of a held import confirmed (or held again) under the same ID. */
    void save(ImportReport r) {
        jdbc.sql("""
                insert into ingest.imports (import_id, status, insurer_no, record_type, mode, format, charset,
                    file_name, sha256, bytes, rows, inserted, updated, deleted, unchanged, rejected_rows, notes,
                    started_at, finished_at, would_delete)
                values (:id, :status, :insurer, :type, :mode, :format, :charset, :file, :sha, :bytes, :rows,
                    :inserted, :updated, :deleted, :unchanged, :rejected, :notes, :started, :finished, :wouldDelete)
                on conflict (import_id) do update set status = excluded.status, sha256 = excluded.sha256,
                    bytes = excluded.bytes, rows = excluded.rows, inserted = excluded.inserted,
                    updated = excluded.updated, deleted = excluded.deleted, unchanged = excluded.unchanged,
                    rejected_rows = excluded.rejected_rows, notes = excluded.notes, finished_at = excluded.finished_at,
                    would_delete = excluded.would_delete
                """)
                .param("wouldDelete", r.wouldDelete())
                .param("id", r.importId()).param("status", r.status().name()).param("insurer", r.insurerNo())
                .param("type", r.recordType()).param("mode", r.mode()).param("format", r.format())
                .param("charset", r.charset()).param("file", r.fileName()).param("sha", r.sha256())
                .param("bytes", r.bytes()).param("rows", r.rows()).param("inserted", r.inserted())
                .param("updated", r.updated()).param("deleted", r.deleted()).param("unchanged", r.unchanged())
                .param("rejected", r.rejectedRows()).param("notes", r.notes())
                .param("started", r.startedAt().atOffset(ZoneOffset.UTC)).param("finished", r.finishedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The status of the import, its row locked until the transaction ends (a confirmation checks it is still held). */
    Optional<ImportStatus> statusForUpdate(UUID importId) {
        return jdbc.sql("select status from ingest.imports where import_id = :id for update").param("id", importId)
                .query(String.class).optional().map(ImportStatus::valueOf);
    }

    /** Ends a held import (cancelled or expired); false if it is not held (any more). */
    boolean endHeld(UUID importId, ImportStatus status) {
        return jdbc.sql("update ingest.imports set status = :status where import_id = :id and status = 'HELD'")
                .param("status", status.name()).param("id", importId).update() == 1;
    }

    /** Ends a received import that could not be imported, with the reason; false if it is not received (any more). */
    boolean failReceived(UUID importId, String notes) {
        return jdbc.sql("""
                update ingest.imports set status = 'FAILED', notes = :notes, finished_at = now()
                 where import_id = :id and status = 'RECEIVED'
                """).param("notes", notes).param("id", importId).update() == 1;
    }

    /** Every received import not imported yet, oldest first. */
    List<UUID> received() {
        return jdbc.sql("select import_id from ingest.imports where status = 'RECEIVED' order by started_at")
                .query(UUID.class).list();
    }

    /** Held imports held since before the instant, now expired; their IDs. */
    List<UUID> expireHeldBefore(java.time.Instant before) {
        return jdbc.sql("""
                update ingest.imports set status = 'EXPIRED' where status = 'HELD' and finished_at < :before
                returning import_id
                """).param("before", before.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
    }

    void saveRejections(UUID importId, int firstSeq, List<Rejection> batch) {
        template.batchUpdate("""
                insert into ingest.rejections (import_id, seq, line_no, field, label, reason) values (?, ?, ?, ?, ?, ?)
                """, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Rejection r = batch.get(i);
                        ps.setObject(1, importId);
                        ps.setInt(2, firstSeq + i);
                        ps.setLong(3, r.line());
                        ps.setString(4, r.field());
                        ps.setString(5, r.label());
                        ps.setString(6, r.reason());
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                });
    }

    /**
     * The report; its row is read first and the rejections after it, so that a report found while its import
     * commits never comes without its rejections (they commit together).
     */
    Optional<ImportReport> find(UUID importId) {
        return jdbc.sql("select * from ingest.imports where import_id = :id").param("id", importId)
                .query((rs, n) -> report(rs, List.of(), false)).optional().map(found -> {
                    List<Rejection> shown = new ArrayList<>();
                    forEachRejection(importId, ImportReport.REJECTIONS_SHOWN + 1, shown::add);
                    boolean truncated = shown.size() > ImportReport.REJECTIONS_SHOWN;
                    return withRejections(found, List.copyOf(truncated ? shown.subList(0, ImportReport.REJECTIONS_SHOWN)
                            : shown), truncated);
                });
    }

    private static ImportReport withRejections(ImportReport r, List<Rejection> rejections, boolean truncated) {
        return new ImportReport(r.importId(), r.status(), r.insurerNo(), r.recordType(), r.mode(), r.format(),
                r.charset(), r.fileName(), r.sha256(), r.bytes(), r.rows(), r.inserted(), r.updated(), r.deleted(),
                r.unchanged(), r.rejectedRows(), rejections, truncated, r.notes(), r.startedAt(), r.finishedAt(),
                r.wouldDelete());
    }

    void forEachRejection(UUID importId, int limit, Consumer<Rejection> sink) {
        template.query("""
                select line_no, field, label, reason from ingest.rejections
                 where import_id = ? order by seq limit ?
                """, rs -> {
                    sink.accept(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }, importId, limit);
    }

    private static ImportReport report(ResultSet rs, List<Rejection> rejections, boolean truncated)
            throws SQLException {
        return new ImportReport(rs.getObject("import_id", UUID.class), ImportStatus.valueOf(rs.getString("status")),
                rs.getString("insurer_no"), rs.getString("record_type"), rs.getString("mode"), rs.getString("format"),
                rs.getString("charset"), rs.getString("file_name"), rs.getString("sha256"), rs.getLong("bytes"),
                rs.getLong("rows"), rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("deleted"),
                rs.getLong("unchanged"), rs.getLong("rejected_rows"), rejections, truncated, rs.getString("notes"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                rs.getObject("would_delete", Long.class));
    }
}
