package jp.kaigo.registry;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportTarget;
import jp.kaigo.ingest.MergeCounts;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.ingest.StagingSummary;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.CertificateChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import of a record type that notes, in the merge's own transaction, when the insurer's data of that type
 * was received ({@code registry.data_received}), for the freshness every 資格確認 answer states.
 */
final class ReceivedImports implements ImportTarget {
    private final RecordType type;
    private final ImportTarget merged;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ReceivedImports(RecordType type, ImportTarget merged, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.type = type;
        this.merged = merged;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public RecordLayout layout() {
        return merged.layout();
    }

    @Override
    public void checkInsurer(String insurerNo) {
        merged.checkInsurer(insurerNo);
    }

    @Override
    public long stage(InputStream copyBinary) {
        return merged.stage(copyBinary);
    }

    @Override
    public MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, StagingSummary staged,
            Consumer<Rejection> rejections) {
        MergeCounts counts = merged.merge(importId, insurerNo, mode, staged, rejections);
        jdbc.update("""
                insert into registry.data_received (insurer_no, record_type, received_at, import_id)
                values (?, ?, now(), ?)
                on conflict (insurer_no, record_type) do update set received_at = excluded.received_at,
                                                                    import_id = excluded.import_id
                """, insurerNo, type.key(), importId);
        if (type == RecordType.BURDEN_RATIO || type == RecordType.BURDEN_LIMIT) {
            tellChanges(importId, insurerNo);
        }
        return counts;
    }

    /**
     * The certificates this import changed for persons who had one before (not a first load): each person's newest
     * current history from the file that is in force today or later (a corrected past history tells nothing).
     */
    private void tellChanges(UUID importId, String insurerNo) {
        String field = type == RecordType.BURDEN_RATIO ? "ratio" : "stage";
        Map<String, String> meanings = type.layout().allFields().stream().filter(f -> f.key().equals(field)).findFirst()
                .orElseThrow().codes();
        String table = type.table();
        List<CertificateChanged.Change> changes = jdbc.query("select distinct on (r.insured_no) r.insured_no, r." + field
                + ", r.valid_from, r.valid_to from " + table + " r where r.import_id = ? and r.insurer_no = ?"
                + " and not r.deleted and r.current and (r.valid_to is null or r.valid_to >= current_date)"
                + " and exists (select 1 from " + table + " e where e.insurer_no = r.insurer_no"
                + " and e.insured_no = r.insured_no and e.import_id <> r.import_id)"
                + " order by r.insured_no, r.valid_from desc", (rs, n) -> new CertificateChanged.Change(rs.getString(1),
                rs.getString(2), meanings.getOrDefault(rs.getString(2), rs.getString(2)), rs.getDate(3).toLocalDate(),
                rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()), importId, insurerNo);
        if (!changes.isEmpty()) {
            events.publishEvent(new CertificateChanged(insurerNo, type.key(), changes));
        }
    }
}
