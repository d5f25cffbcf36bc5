package jp.kaigo.ingest;

import java.nio.charset.StandardCharsets;

import java.io.UncheckedIOException;

import java.io.OutputStreamWriter;

import java.io.OutputStream;

import java.io.BufferedWriter;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade of the municipality file interface: takes one file of one record type, streams it into the
 * owning module and answers with an import report. A file either imports (good rows merged, bad rows
 * reported with line, field and reason) or, if it cannot be read as a whole, changes nothing.
 */
@Service
public class FileImports {
    private static final Logger log = LoggerFactory.getLogger(FileImports.class);
    private static final int REJECTION_BATCH = 1000;
    private final Map<String, ImportTarget> targets;
    private final ImportJobs jobs;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Map<UUID, ImportProgress> running = new ConcurrentHashMap<>();
    /** Rows taken in and rows rejected by finished imports since start (for {@link IngestMetrics}). */
    final LongAdder rowsAccepted = new LongAdder();
    final LongAdder rowsRejected = new LongAdder();
    final LongAdder filesRefused = new LongAdder();

    FileImports(List<ImportTarget> targets, ImportJobs jobs, TransactionTemplate tx, JdbcClient jdbc) {
        this.targets = targets.stream().collect(Collectors.toMap(t -> t.layout().recordType(), Function.identity()));
        this.jobs = jobs;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** The record layouts a municipality can send, by record type. */
    public List<RecordLayout> layouts() {
        return targets.values().stream().map(ImportTarget::layout)
                .sorted(Comparator.comparing(RecordLayout::recordType)).toList();
    }

    /** Imports one file; the stream is read once, to its end, and not closed. */
    public ImportReport importFile(ImportRequest request, InputStream body) {
        return importFile(UUID.randomUUID(), request, body);
    }

    /**
     * Refuses a request that cannot be imported at all (unknown record type, insurer not registered), before
     * any file is read: for callers that import later, under an ID they chose.
     */
    public void check(ImportRequest request) {
        new InsurerNumber(request.insurerNo());
        target(request.recordType()).checkInsurer(request.insurerNo());
    }

    /** Imports one file under the given ID (its progress and report are found by it). */
    public ImportReport importFile(UUID id, ImportRequest request, InputStream body) {
        check(request);
        ImportTarget target = target(request.recordType());
        Instant started = Instant.now();
        MessageDigest sha = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(body, sha));
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        Charset charset = request.charset() == null || request.charset().isBlank()
                ? Charsets.sniff(in) : Charsets.named(request.charset());
        AtomicLong rows = new AtomicLong();
        running.put(id, new ImportProgress(id, request.insurerNo(), rows));
        log.info("import {} started: insurer {} type {} mode {}", id, request.insurerNo(), request.recordType(),
                request.mode());
        try {
            ImportReport report = tx.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                        .param("key", "import:" + request.insurerNo() + ":" + request.recordType()).query().singleValue();
                StagingSummary staged;
                try (RowSource source = RowSource.open(request.format(), in, charset, target.layout())) {
                    var staging = new StagingStream(source, target.layout(), request.insurerNo(), request.mode(), rows);
                    target.stage(staging);
                    staged = staging.summary();
                }
                if (request.mode() == ImportMode.FULL && rows.get() == 0) {
                    throw new FileRejected(2, "file", "ファイル", "全量ファイルにデータ行がありません");
                }
                RejectionWriter rejections = new RejectionWriter(id);
                MergeCounts counts = target.merge(id, request.insurerNo(), request.mode(), staged, rejections);
                rejections.flush();
                ImportReport done = new ImportReport(id, "COMPLETED", request.insurerNo(), request.recordType(),
                        request.mode().name(), request.format().name(), charset.name(), request.fileName(),
                        HexFormat.of().formatHex(sha.digest()), counted.count, rows.get(), counts.inserted(),
                        counts.updated(), counts.deleted(), counts.unchanged(), counts.rejected(), List.of(), false,
                        counts.notes(), started, Instant.now());
                jobs.save(done);
                return done;
            });
            log.info("import {} completed: {} rows, {} rejected", id, report.rows(), report.rejectedRows());
            rowsAccepted.add(report.rows() - report.rejectedRows());
            rowsRejected.add(report.rejectedRows());
            return report(report.importId()).orElseThrow();
        } catch (FileRejected e) {
            log.info("import {} rejected as a whole at line {}", id, e.problems().get(0).line());
            filesRefused.increment();
            tx.executeWithoutResult(status -> jobs.save(new ImportReport(id, "FAILED", request.insurerNo(),
                    request.recordType(), request.mode().name(), request.format().name(), charset.name(),
                    request.fileName(), null, counted.count, rows.get(), 0, 0, 0, 0, 0, List.of(), false,
                    e.problems().get(0).label() + ": " + e.problems().get(0).reason(), started, Instant.now())));
            throw e;
        } finally {
            running.remove(id);
        }
    }

    public Optional<ImportReport> report(UUID importId) {
        return jobs.find(importId);
    }

    /** An import that is still running, with the rows read so far. */
    public Optional<ImportProgress> progress(UUID importId) {
        return Optional.ofNullable(running.get(importId));
    }

    /** Every rejection of an import, in file order. */
    public void rejections(UUID importId, Consumer<Rejection> sink) {
        jobs.forEachRejection(importId, Integer.MAX_VALUE, sink);
    }

    /**
     * Every rejection of an import as CSV: UTF-8 with a BOM (so that spreadsheet software reads it),
     * line, field, label, reason; never a value.
     */
    public void writeRejectionsCsv(UUID importId, OutputStream target) throws IOException {
        var out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
        out.write("\uFEFF行,項目,項目名,理由\r\n");
        try {
            rejections(importId, r -> {
                try {
                    out.write(r.line() + "," + quoted(r.field()) + "," + quoted(r.label()) + "," + quoted(r.reason())
                            + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            out.flush();
        }
    }

    /** A CSV field, always quoted. */
    public static String quoted(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private ImportTarget target(String recordType) {
        ImportTarget target = targets.get(recordType);
        if (target == null) {
            throw new InvalidValue("recordType", "データ種別", "存在しない種別です(" + String.join("・",
                    targets.keySet().stream().sorted().toList()) + ")");
        }
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes rejections in batches as the merge reports them. */
    private final class RejectionWriter implements Consumer<Rejection> {
        private final UUID importId;
        private final List<Rejection> batch = new ArrayList<>(REJECTION_BATCH);
        private int seq;

        RejectionWriter(UUID importId) {
            this.importId = importId;
        }

        @Override
        public void accept(Rejection rejection) {
            batch.add(rejection);
            if (batch.size() == REJECTION_BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                jobs.saveRejections(importId, seq, batch);
                seq += batch.size();
                batch.clear();
            }
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
