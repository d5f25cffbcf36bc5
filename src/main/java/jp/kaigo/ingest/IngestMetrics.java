package jp.kaigo.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Municipal imports as operations see them: rows taken in and rows rejected ({@code kaigo.import.rows}, by
 * outcome; rows per second is its rate), files refused as a whole ({@code kaigo.import.files.refused}), and the
 * data's freshness: from a file's arrival to its data answering 資格確認 ({@code kaigo.import.visible}, with the
 * buckets of the published objective in docs/slo.md; a held 全量 file, which waits for a person, is not counted).
 */
@Component
class IngestMetrics implements MeterBinder {
    private final FileImports imports;

    IngestMetrics(FileImports imports) {
        this.imports = imports;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("kaigo.import.rows", imports.rowsAccepted, LongAdder::doubleValue).tag("outcome", "accepted")
                .description("rows of municipal files taken in").baseUnit("rows").register(registry);
        FunctionCounter.builder("kaigo.import.rows", imports.rowsRejected, LongAdder::doubleValue).tag("outcome", "rejected")
                .description("rows of municipal files rejected").baseUnit("rows").register(registry);
        FunctionCounter.builder("kaigo.import.files.refused", imports.filesRefused, LongAdder::doubleValue)
                .description("municipal files refused as a whole").register(registry);
        Timer visible = Timer.builder("kaigo.import.visible")
                .description("from a municipal file's arrival until its data answers 資格確認")
                .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5),
                        Duration.ofMinutes(15))
                .register(registry);
        imports.visibleAfter = visible::record;
    }
}
