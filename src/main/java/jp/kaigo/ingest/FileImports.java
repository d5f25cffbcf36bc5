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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
import jp.kaigo.shared.NoSuchRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade of the municipality file interface: takes one file of one record type, streams it into the
 * owning module and answers with an import report. A file either imports (good rows merged, bad rows
 * reported with line, field and reason) or, if it cannot be read as a whole, changes nothing.
 * A 全量 file that would delete more than {@code kaigo.ingest.full-delete-confirm-above} records (default 0: any)
 * is held: staged and merged in a transaction that is rolled back, so nothing changes, its report says
 * {@link ImportStatus#HELD} with how many it would delete, and the file is kept in {@code kaigo.ingest.pending-dir}.
 * {@link #confirm} imports the kept file again and commits only if it still deletes exactly the number confirmed;
 * {@link #cancel} discards it; after {@value #HOLD_HOURS} hours it expires (the file removed).
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
    /** Told, for each completed import, how long its data took from arrival to answering (for {@link IngestMetrics}). */
    volatile java.util.function.Consumer<java.time.Duration> visibleAfter = d -> { };
    /** How long a held 全量 import waits for its confirmation. */
    public static final int HOLD_HOURS = 24;
    private final long confirmAbove;
    private final Path pendingDir;

    FileImports(List<ImportTarget> targets, ImportJobs jobs, TransactionTemplate tx, JdbcClient jdbc,
            @Value("${kaigo.ingest.full-delete-confirm-above:0}") long confirmAbove,
            @Value("${kaigo.ingest.pending-dir:./data/pending-imports}") String pendingDir) throws IOException {
        this.targets = targets.stream().collect(Collectors.toMap(t -> t.layout().recordType(), Function.identity()));
        this.jobs = jobs;
        this.tx = tx;
        this.jdbc = jdbc;
        this.confirmAbove = confirmAbove;
        this.pendingDir = pendingDir.isBlank() ? Files.createTempDirectory("kaigo-pending-")
                : Files.createDirectories(Path.of(pendingDir));
    }

    /** The Japanese name of a record type (被保険者(資格), …). */
    public String label(String recordType) {
        return target(recordType).layout().label();
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
     * The optional columns of a record type's layout that a header (field keys or labels) lacks: what a file with
     * this header must name as omitted to be taken.
     */
    public List<String> columnsMissingFrom(String recordType, List<String> header) {
        RecordLayout layout = target(recordType).layout();
        Set<String> present = new java.util.HashSet<>();
        header.forEach(h -> layout.field(h.strip()).ifPresent(f -> present.add(f.key())));
        return layout.expectedColumns(Set.of()).stream().filter(f -> !present.contains(f.key()))
                .map(FieldSpec::key).toList();
    }

    /**
     * Refuses a request that cannot be imported at all (unknown record type, insurer not registered), before
     * any file is read: for callers that import later, under an ID they chose.
     */
    public void check(ImportRequest request) {
        new InsurerNumber(request.insurerNo());
        ImportTarget target = target(request.recordType());
        target.checkInsurer(request.insurerNo());
        target.layout().omittedKeys(request.omitted());
    }

    /**
     * Imports one file under the given ID (its progress and report are found by it). A 全量 file that would delete
     * records answers a {@link ImportStatus#HELD} report and changes nothing until {@link #confirm}.
     */
    public ImportReport importFile(UUID id, ImportRequest request, InputStream body) {
        check(request);
        Path kept = request.mode() == ImportMode.FULL ? pending(id) : null;
        try {
            if (kept != null && !request.omitted().isEmpty()) {
                Files.write(omittedFile(id), request.omitted()); // the confirmation reads the file as sent
            }
            ImportReport report = run(id, request, kept == null ? body : new CopyingStream(body, kept), null, null);
            if (kept != null && report.status() != ImportStatus.HELD) {
                Files.deleteIfExists(kept);
                delete(omittedFile(id));
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(kept);
            delete(omittedFile(id));
            throw e;
        }
    }

    /**
     * Keeps an uploaded file for a later import under {@code id}: moved into the pending directory and recorded as
     * {@link ImportStatus#RECEIVED} before this returns, so that from here on a crash does not lose it (the platform
     * imports it after the restart, {@link #resumeReceived}). Refuses what cannot be imported at all first.
     */
    public void receive(UUID id, ImportRequest request, Path file) throws IOException {
        check(request);
        if (!request.omitted().isEmpty()) {
            Files.write(omittedFile(id), request.omitted()); // the columns it omits travel with the received file
        }
        Files.move(file, received(id), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Instant now = Instant.now();
        tx.executeWithoutResult(status -> jobs.save(new ImportReport(id, ImportStatus.RECEIVED, request.insurerNo(),
                request.recordType(), request.mode().name(), request.format().name(), request.charset(),
                request.fileName(), null, 0, 0, 0, 0, 0, 0, 0, List.of(), false, null, now, now, null)));
    }

    /**
     * Imports a received file (see {@link #receive}) and removes it; the report says how it went. A file no longer
     * received (imported meanwhile) is left as it is. A failure other than a refused file ends the import as
     * {@link ImportStatus#FAILED} with the reason, and is thrown on.
     */
    public Optional<ImportReport> importReceived(UUID id) {
        ImportReport receivedReport = report(id).orElseThrow(() -> new NoSuchRecord("取込が見つかりません"));
        if (receivedReport.status() != ImportStatus.RECEIVED) {
            return Optional.of(receivedReport);
        }
        ImportRequest request = new ImportRequest(receivedReport.insurerNo(), receivedReport.recordType(),
                ImportMode.valueOf(receivedReport.mode()), FileFormat.valueOf(receivedReport.format()),
                receivedReport.charset(), receivedReport.fileName(), omittedOf(id));
        try (InputStream in = Files.newInputStream(received(id))) {
            return Optional.of(importFile(id, request, in));
        } catch (FileRejected | ImportNotHeld e) {
            throw e; // its FAILED report says why / imported meanwhile
        } catch (InvalidValue e) {
            tx.execute(status -> jobs.failReceived(id, e.violations().get(0).label() + ": " + e.violations().get(0).reason()));
            throw e;
        } catch (IOException | RuntimeException e) {
            tx.execute(status -> jobs.failReceived(id, "取込中にエラーが発生しました。もう一度送ってください"));
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            delete(received(id));
            if (request.mode() != ImportMode.FULL) {
                delete(omittedFile(id)); // a 全量 file keeps it while held (importFile removes it otherwise)
            }
        }
    }

    /** The columns a received or held file said it omits. */
    private List<String> omittedOf(UUID id) {
        try {
            return Files.exists(omittedFile(id)) ? Files.readAllLines(omittedFile(id)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a start, imports the files received before a crash or stop ended their import, oldest first, in the
     * background; those whose file is not in this instance's pending directory are another instance's.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void resumeReceived() {
        List<UUID> interrupted = jobs.received().stream().filter(id -> Files.exists(received(id))).toList();
        if (interrupted.isEmpty()) {
            return;
        }
        log.warn("{} imports received before the last stop are imported now", interrupted.size());
        Thread resume = new Thread(() -> interrupted.forEach(id -> {
            try {
                importReceived(id);
            } catch (RuntimeException e) {
                log.info("import {} received before the last stop: {}", id, e.getClass().getSimpleName());
            }
        }), "import-resume");
        resume.setDaemon(true);
        resume.start();
    }

    private Path received(UUID id) {
        return pendingDir.resolve(id + ".received");
    }

    /**
     * Confirms a held 全量 import: its kept file is imported again and merged only if it deletes exactly
     * {@code confirmDeletions} records now; otherwise it stays held with the new count (nothing changed).
     */
    public ImportReport confirm(UUID id, String insurerNo, long confirmDeletions) {
        ImportReport held = heldOf(id, insurerNo);
        ImportReport report;
        try (InputStream in = Files.newInputStream(pending(id))) {
            ImportRequest request = new ImportRequest(held.insurerNo(), held.recordType(), ImportMode.FULL,
                    FileFormat.valueOf(held.format()), held.charset(), held.fileName(), omittedOf(id));
            report = run(id, request, in, confirmDeletions, held);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImportNotHeld(ImportStatus.EXPIRED);
        } catch (FileRejected e) {
            delete(pending(id)); // its report says FAILED now: the kept file has no further use
            delete(omittedFile(id));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (report.status() != ImportStatus.HELD) {
            delete(pending(id));
            delete(omittedFile(id));
        }
        log.info("import {} confirmed with {} deletions: {}", id, confirmDeletions, report.status());
        return report;
    }

    /** Cancels a held 全量 import: nothing was changed, and its kept file is removed. */
    public ImportReport cancel(UUID id, String insurerNo) {
        heldOf(id, insurerNo);
        if (!tx.execute(status -> jobs.endHeld(id, ImportStatus.CANCELLED))) {
            throw new ImportNotHeld(report(id).map(ImportReport::status).orElse(ImportStatus.CANCELLED));
        }
        delete(pending(id));
        delete(omittedFile(id));
        log.info("import {} cancelled", id);
        return report(id).orElseThrow();
    }

    /** Held imports older than {@value #HOLD_HOURS} hours expire, their files removed; returns how many. */
    public int expireHeld(Instant now) {
        List<UUID> expired = tx.execute(status -> jobs.expireHeldBefore(now.minus(java.time.Duration.ofHours(HOLD_HOURS))));
        expired.forEach(id -> {
            delete(pending(id));
            delete(omittedFile(id));
        });
        if (!expired.isEmpty()) {
            log.info("{} held imports expired", expired.size());
        }
        return expired.size();
    }

    @Scheduled(fixedDelay = 15, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void expireHeld() {
        expireHeld(Instant.now());
    }

    private ImportReport heldOf(UUID id, String insurerNo) {
        ImportReport held = report(id).filter(r -> r.insurerNo().equals(insurerNo))
                .orElseThrow(() -> new NoSuchRecord("取込が見つかりません"));
        if (held.status() != ImportStatus.HELD) {
            throw new ImportNotHeld(held.status());
        }
        return held;
    }

    private Path pending(UUID id) {
        return pendingDir.resolve(id + ".file");
    }

    /** The columns a held file said it omits (one a line), beside it. */
    private Path omittedFile(UUID id) {
        return pendingDir.resolve(id + ".omitted");
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete a kept import file: {}", e.getClass().getName());
            }
        }
    }

    /** Thrown inside the import's transaction to roll it back: the 全量 file would delete records. */
    private static final class Held extends RuntimeException {
        final MergeCounts counts;

        Held(MergeCounts counts) {
            super(null, null, false, false);
            this.counts = counts;
        }
    }

    /**
     * The import itself; {@code confirmDeletions} and {@code held} are given when a held import is confirmed (the
     * report keeps the held one's times, so that the hold's expiry does not move).
     */
    private ImportReport run(UUID id, ImportRequest request, InputStream body, Long confirmDeletions,
            ImportReport held) {
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
                Optional<ImportStatus> before = jobs.statusForUpdate(id);
                if (held != null && before.orElseThrow() != ImportStatus.HELD) {
                    throw new ImportNotHeld(before.orElseThrow()); // confirmed or cancelled meanwhile
                }
                if (held == null && before.isPresent() && before.get() != ImportStatus.RECEIVED) {
                    throw new ImportNotHeld(before.get()); // a received file imported meanwhile (never twice)
                }
                StagingSummary staged;
                Set<String> omitted = target.layout().omittedKeys(request.omitted());
                try (RowSource source = RowSource.open(request.format(), in, charset, target.layout(), omitted)) {
                    var staging = new StagingStream(source, target.layout(), request.insurerNo(), request.mode(), rows);
                    target.stage(staging);
                    StagingSummary summary = staging.summary();
                    staged = new StagingSummary(summary.keysAscending(), summary.unreadableKeys(), omitted);
                }
                if (request.mode() == ImportMode.FULL && rows.get() == 0) {
                    throw new FileRejected(2, "file", "ファイル", "全量ファイルにデータ行がありません");
                }
                RejectionWriter rejections = new RejectionWriter(id);
                MergeCounts counts = target.merge(id, request.insurerNo(), request.mode(), staged, rejections);
                rejections.flush();
                if (request.mode() == ImportMode.FULL && (confirmDeletions == null
                        ? counts.deleted() > confirmAbove : counts.deleted() != confirmDeletions)) {
                    throw new Held(counts); // nothing of it stays: staging, merge and rejections roll back
                }
                ImportReport done = new ImportReport(id, ImportStatus.COMPLETED, request.insurerNo(), request.recordType(),
                        request.mode().name(), request.format().name(), charset.name(), request.fileName(),
                        HexFormat.of().formatHex(sha.digest()), counted.count, rows.get(), counts.inserted(),
                        counts.updated(), counts.deleted(), counts.unchanged(), counts.rejected(), List.of(), false,
                        counts.notes(), held == null ? started : held.startedAt(), Instant.now(), null);
                jobs.save(done);
                return done;
            });
            log.info("import {} completed: {} rows, {} rejected", id, report.rows(), report.rejectedRows());
            if (held == null) {
                visibleAfter.accept(java.time.Duration.between(started, Instant.now()));
            }
            rowsAccepted.add(report.rows() - report.rejectedRows());
            rowsRejected.add(report.rejectedRows());
            return report(report.importId()).orElseThrow();
        } catch (Held h) {
            MergeCounts counts = h.counts;
            log.info("import {} held: a 全量 file that would delete {} records", id, counts.deleted());
            ImportReport holding = new ImportReport(id, ImportStatus.HELD, request.insurerNo(), request.recordType(),
                    request.mode().name(), request.format().name(), charset.name(), request.fileName(),
                    HexFormat.of().formatHex(sha.digest()), counted.count, rows.get(), 0, 0, 0, 0,
                    counts.rejected(), List.of(), false, null, held == null ? started : held.startedAt(),
                    held == null ? Instant.now() : held.finishedAt(), counts.deleted());
            tx.executeWithoutResult(status -> jobs.save(holding));
            return report(id).orElseThrow();
        } catch (FileRejected e) {
            log.info("import {} rejected as a whole at line {}", id, e.problems().get(0).line());
            filesRefused.increment();
            tx.executeWithoutResult(status -> jobs.save(new ImportReport(id, ImportStatus.FAILED, request.insurerNo(),
                    request.recordType(), request.mode().name(), request.format().name(), charset.name(),
                    request.fileName(), null, counted.count, rows.get(), 0, 0, 0, 0, 0, List.of(), false,
                    e.problems().get(0).label() + ": " + e.problems().get(0).reason(), started, Instant.now(), null)));
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

    /** A text a spreadsheet would take for a formula (=, +, -, @ first) gets a leading apostrophe. */
    public static String formulaSafe(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** A CSV field for a spreadsheet: {@link #formulaSafe}, quoted only where a comma, quote or line break needs it. */
    public static String spreadsheetField(String s) {
        String safe = formulaSafe(s == null ? "" : s);
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") ? quoted(safe)
                : safe;
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

    /** Keeps a copy of a 全量 file as it is read, for its confirmation if it is held. */
    private static final class CopyingStream extends FilterInputStream {
        private final OutputStream copy;

        CopyingStream(InputStream in, Path file) throws IOException {
            super(in);
            this.copy = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        @Override
        public void close() throws IOException {
            try {
                transferTo(OutputStream.nullOutputStream()); // the rest of the file, if the reader stopped early
            } finally {
                copy.close();
                super.close();
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
