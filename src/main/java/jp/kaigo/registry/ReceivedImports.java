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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import of a record type that notes, in the merge's own transaction, when the insurer's data of that type
 * was received ({@code registry.data_received}), for the freshness every 資格確認 answer states.
 */
final class ReceivedImports implements ImportTarget {
    private final RecordType type;
    private final ImportTarget merged;
    private final JdbcTemplate jdbc;

    ReceivedImports(RecordType type, ImportTarget merged, JdbcTemplate jdbc) {
        this.type = type;
        this.merged = merged;
        this.jdbc = jdbc;
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
        return counts;
    }
}
