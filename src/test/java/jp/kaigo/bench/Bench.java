package jp.kaigo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLSocketFactory;
import jp.kaigo.identity.IssuedCredential;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.Totp;
import org.bouncycastle.util.encoders.Base32;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import jp.kaigo.demo.SyntheticData;

/**
 * The platform benchmark, run by {@code bin/bench [persons]}: starts the packaged platform as its own
 * process on loopback (embedded PostgreSQL with a fresh, persistent data directory, fsync on),
 * generates synthetic municipality files, imports them over HTTP through the real ingest path, then
 * drives 資格確認, then the consent-gated read of a 要介護認定 record, each with concurrent keep-alive clients
 * for a fixed time after a warm-up. Progress goes to standard
 * error; the last line on standard output is one JSON object with the results.
 */
public final class Bench {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    /** The burst phase's clients as a multiple of {@link #CLIENTS} (0: no burst phase). */
    private static final int BURST = Integer.getInteger("bench.burst", 8);
    /** Long enough for the JIT to compile the 資格確認 path after the ingest phase filled the code cache. */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 30);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int SAMPLE = 20_000;
    /** Persons generated for the unmeasured warm-up ingest (half of them are imported). */
    private static final int WARMUP_PERSONS = Integer.getInteger("bench.warmupPersons", 600_000);
    /** Municipalities in the generated data; each uploads its files while the others upload theirs. */
    private static final int MUNICIPALITIES = Integer.getInteger("bench.municipalities", 3);
    private static final String OFFICE = OfficeNumber.withCheckDigit("131010001").value();
    private static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    /** Persons whose 認定 record the office reads in the read phase (each set up through the API first). */
    private static final int READ_PERSONS = Integer.getInteger("bench.readPersons", 2_000);
    /** The read path runs after 資格確認 has warmed the shared code up. */
    private static final int READ_WARMUP_SECONDS = Integer.getInteger("bench.readWarmup", 15);
    /** The platform's process (its PostgreSQL runs as its descendants). */
    static Process platform;
    /** The data directory of the platform's embedded PostgreSQL. */
    static Path database;
    /** The platform's CA, opened from the directory the server created it in; issues the bench's certificates. */
    static PlatformPki pki;
    /** Each municipality's 市町村職員 signed in by the read phase, by 保険者番号 (the statistics phase uses them). */
    private static final java.util.Map<String, String> MUNICIPAL_TOKENS = new java.util.LinkedHashMap<>();
    /** Dashboard pages read per municipality in the statistics phase (half with filters). */
    private static final int DASHBOARD_PAGES = Integer.getInteger("bench.dashboardPages", 20);

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
        Path work = Files.createTempDirectory("kaigo-bench-");
        MachineCeiling.Result ceiling = null;
        if (!"false".equals(System.getProperty("bench.ceiling"))) {
            log("measuring this machine's ceiling: pgbench -S (8 clients, 20 s) and a server-side COPY of 1,000,000 rows");
            try {
                ceiling = MachineCeiling.measure(work);
                log("ceiling: pgbench -S %,.0f tps, COPY %,.0f rows/s", ceiling.pgbenchTps(), ceiling.copyRowsPerSecond());
            } catch (IOException e) {
                log("no ceiling measured (%s): install Debian's postgresql-client for pgbench", e.getMessage());
            }
        }
        int port = freePort();
        Process server = startServer(work, port);
        platform = server;
        database = work.resolve("pg");
        try {
            waitUntilUp(work, port, server);
            var data = new SyntheticData(20_261_125L, MUNICIPALITIES);
            log("generating %,d persons", persons);
            var files = data.writeCsv(work.resolve("files"), persons);
            warmUpIngest(port, work);
            double rowsPerSecond = ingest(port, data, files);
            reimport(port, files.get(0));
            SSLSocketFactory office = pki.issue(Party.office(OFFICE), "ベンチマーク事業所", Duration.ofDays(1))
                    .sslContext(pki.caCertificate()).getSocketFactory();
            String token = signInStaff(port, Party.office(OFFICE), "CARE_MANAGER");
            double[] verify = verifyLoad(port, data, persons, office, token);
            double[] read = readLoad(port, data, persons, office, token);
            double[] statistics = statisticsLoad(port, data, persons, work);
            String burst = verify.length < 5 ? "" : String.format(Locale.ROOT,
                    ",\"burst_rps\":%.0f,\"burst_p99_ms\":%.2f,\"burst_per_verify\":%.3f", verify[3], verify[4],
                    verify[3] / verify[0]);
            String ratios = burst + String.format(Locale.ROOT, ",\"stats_build_ms\":%.0f,\"dashboard_p50_ms\":%.1f,"
                    + "\"dashboard_max_ms\":%.1f", statistics[0], statistics[1], statistics[2])
                    + (ceiling == null ? "" : String.format(Locale.ROOT,
                    ",\"pgbench_tps\":%.0f,\"copy_rows_per_s\":%.0f,\"verify_per_pgbench\":%.4f,\"ingest_per_copy\":%.4f",
                    ceiling.pgbenchTps(), ceiling.copyRowsPerSecond(), verify[0] / ceiling.pgbenchTps(),
                    rowsPerSecond / ceiling.copyRowsPerSecond()));
            System.out.printf(Locale.ROOT,
                    "{\"persons\":%d,\"ingest_rows_per_s\":%.0f,\"verify_rps\":%.0f,\"verify_p50_ms\":%.2f,\"verify_p99_ms\":%.2f,"
                            + "\"read_rps\":%.0f,\"read_p50_ms\":%.2f,\"read_p99_ms\":%.2f%s}%n",
                    persons, rowsPerSecond, verify[0], verify[1], verify[2], read[0], read[1], read[2], ratios);
        } finally {
            server.destroy();
            server.waitFor();
            Files.copy(work.resolve("server.log"), Path.of("target", "bench-server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("bench.keep")) {
                log("kept the database and files in %s (start the platform on it with --kaigo.database.data-dir=%s)",
                        work, work.resolve("pg"));
                return;
            }
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Process startServer(Path work, int port, String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        log("starting the platform on port %d (log: %s)", port, work.resolve("server.log"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        // comma-separated, since BENCH_OPTS itself is split at spaces by bin/bench
        String extra = System.getProperty("bench.serverJvmOptions", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(",")));
        }
        command.addAll(List.of("-jar", "target/kaigo-platform.jar",
                "--server.port=" + port, "--kaigo.database.data-dir=" + work.resolve("pg"),
                "--kaigo.pki.dir=" + work.resolve("pki"),
                "--logging.file.name=" + work.resolve("platform.log"),
                "--kaigo.demo.enabled=false", "--logging.level.root=WARN",
                // the timing comparison below answers thousands of unknowns from one office
                "--kaigo.eligibility.wrong-birth-dates-per-day=1000000",
                // one office drives the whole load: measure the platform, not its per-organisation allowance
                "--kaigo.limits.organisation-per-second=100000000", "--kaigo.limits.organisation-burst=100000000"));
        if (Arrays.stream(more).noneMatch(a -> a.startsWith("--management.server.port="))) {
            command.add("--management.server.port=0");
        }
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
    }

    /** Waits for the health endpoint, over TLS with the CA the platform created in {@code work/pki}. */
    static void waitUntilUp(Path work, int port, Process server) throws Exception {
        HttpClient http = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the platform exited during start-up; see its log");
            }
            if (http == null && Files.exists(work.resolve("pki").resolve("server.pem"))) {
                pki = PlatformPki.open(work.resolve("pki"));
                http = HttpClient.newBuilder().sslContext(IssuedCredential.anonymous(pki.caCertificate())).build();
            }
            try {
                if (http == null) {
                    throw new IOException("no CA yet");
                }
                var response = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/readyz"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform did not start within 120 s");
    }

    /**
     * Imports other municipalities' files first, not measured, so that the measured ingest runs on
     * compiled code as a long-running server would.
     */
    private static void warmUpIngest(int port, Path work) throws Exception {
        var warmUp = new SyntheticData(7L, MUNICIPALITIES + 3);
        List<String> others = warmUp.municipalities().subList(MUNICIPALITIES, MUNICIPALITIES + 3).stream()
                .map(SyntheticData.Municipality::insurerNo).toList();
        var files = warmUp.writeCsv(work.resolve("warm-up"), WARMUP_PERSONS).stream()
                .filter(f -> others.contains(f.insurerNo())).toList();
        long started = System.nanoTime();
        ingest(port, warmUp, files, others);
        log("warm-up ingest (not measured) took %.1f s", (System.nanoTime() - started) / 1e9);
    }

    static double ingest(int port, SyntheticData data, List<SyntheticData.GeneratedFile> files) throws Exception {
        return ingest(port, data, files, data.municipalities().stream().map(SyntheticData.Municipality::insurerNo).toList());
    }

    /**
     * Imports every file over HTTP, the municipalities side by side as they would upload in practice
     * (each one's files in order, 被保険者 first); returns rows per second over the whole ingest.
     */
    private static double ingest(int port, SyntheticData data, List<SyntheticData.GeneratedFile> files,
            List<String> insurers) throws Exception {
        var municipalities = data.municipalities().stream().filter(m -> insurers.contains(m.insurerNo())).toList();
        for (var m : municipalities) {
            HttpClient http = client(Party.municipality(m.insurerNo()));
            http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/insurers/" + m.insurerNo()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + m.name() + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        long started = System.nanoTime();
        List<Thread> uploaders = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (var m : municipalities) {
            Thread uploader = new Thread(() -> {
                try {
                    HttpClient http = client(Party.municipality(m.insurerNo()));
                    for (var file : files) {
                        if (file.insurerNo().equals(m.insurerNo())) {
                            upload(http, port, file);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            uploader.start();
            uploaders.add(uploader);
        }
        for (Thread uploader : uploaders) {
            uploader.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("ingest failed", failures.get(0));
        }
        long rows = files.stream().mapToLong(SyntheticData.GeneratedFile::rows).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        log("ingest: %,d rows from %d municipalities uploading side by side in %.1f s = %,.0f rows/s", rows,
                municipalities.size(), seconds, rows / seconds);
        return rows / seconds;
    }

    /** Sends one file again, unchanged (a municipality re-sending its 全量), for the log only. */
    private static void reimport(int port, SyntheticData.GeneratedFile file) throws Exception {
        HttpClient http = client(Party.municipality(file.insurerNo()));
        long started = System.nanoTime();
        upload(http, port, file);
        log("re-import of an unchanged 全量 file: %,.0f rows/s (not part of the result)",
                file.rows() / ((System.nanoTime() - started) / 1e9));
    }

    private static void upload(HttpClient http, int port, SyntheticData.GeneratedFile file) throws Exception {
        long t = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/municipalities/"
                        + file.insurerNo() + "/files/" + file.type().key() + "?mode=full"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file.path())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"rejectedRows\":0")) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
        log("imported %-10s %-18s %,9d rows in %5.1f s", file.insurerNo(), file.type().key(), file.rows(),
                (System.nanoTime() - t) / 1e9);
    }

    /** Drives 資格確認; returns {requests per second, p50 ms, p99 ms} of the measured period. */
    private static double[] verifyLoad(int port, SyntheticData data, int persons, SSLSocketFactory office, String token)
            throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (var p : insuredSample(data, persons, SAMPLE)) {
            bodies.add(("{\"insurerNo\":\"" + p.insurerNo() + "\",\"insuredNo\":\"" + p.insuredNo()
                    + "\",\"birthDate\":\"" + p.birthDate() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        try (RawHttp check = new RawHttp(office, port, "/api/eligibility", token)) {
            for (int i = 0; i < Math.min(100, bodies.size()); i++) {
                if (!check.post(bodies.get(i)).contains("\"status\":\"INSURED\"")) {
                    throw new IllegalStateException("a generated person was not answered as insured");
                }
            }
        }
        double[] result = drive("資格確認", office, port, token, "/api/eligibility", WARMUP_SECONDS,
                (http, i) -> http.post(bodies.get(i % bodies.size())));
        if (BURST > 0) {
            // over capacity: eight times the clients, each sending as fast as answers come. Throughput must hold
            // (no collapse) and every request must still be answered; only the wait grows
            double[] burst = drive("資格確認 burst", CLIENTS * BURST, office, port, token, "/api/eligibility", 5,
                    (http, i) -> http.post(bodies.get(i % bodies.size())));
            log("資格確認 burst: %.2f of the throughput at %d clients, p99 %.2f ms", burst[0] / result[0], CLIENTS, burst[2]);
            result = new double[] {result[0], result[1], result[2], burst[0], burst[2]};
        }
        unknownTiming(port, data, persons, office, token);
        return result;
    }

    /**
     * A wrong birth date for numbers that exist against numbers that name nobody: the answers must be the same,
     * and so must the time they take. One client, 3,000 of each, in pairs whose order alternates (so neither
     * kind always runs second); logs the medians, p90 and the mean.
     */
    private static void unknownTiming(int port, SyntheticData data, int persons, SSLSocketFactory office, String token)
            throws Exception {
        List<SyntheticData.Person> sample = insuredSample(data, persons, 3000);
        long[][] nanos = new long[2][sample.size()];
        try (RawHttp http = new RawHttp(office, port, "/api/eligibility", token)) {
            for (int i = 0; i < sample.size(); i++) {
                var p = sample.get(i);
                byte[] wrongBirth = ("{\"insurerNo\":\"" + p.insurerNo() + "\",\"insuredNo\":\"" + p.insuredNo()
                        + "\",\"birthDate\":\"1900-01-01\"}").getBytes(StandardCharsets.UTF_8);
                byte[] nobody = ("{\"insurerNo\":\"" + p.insurerNo() + "\",\"insuredNo\":\"99" + p.insuredNo().substring(2)
                        + "\",\"birthDate\":\"" + p.birthDate() + "\"}").getBytes(StandardCharsets.UTF_8);
                for (int j = 0; j < 2; j++) {
                    int k = (i + j) % 2;
                    long t = System.nanoTime();
                    String answer = http.post(k == 0 ? wrongBirth : nobody);
                    nanos[k][i] = System.nanoTime() - t;
                    if (!answer.contains("\"status\":\"UNKNOWN\"")) {
                        throw new IllegalStateException("not answered as unknown");
                    }
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            long[] sorted = nanos[k].clone();
            java.util.Arrays.sort(sorted);
            log("unknown answers, %s: median %.3f ms, p90 %.3f ms, mean %.3f ms (%,d requests)",
                    k == 0 ? "wrong birth date  " : "numbers of nobody", sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length * 9 / 10] / 1e6, java.util.Arrays.stream(sorted).average().orElse(0) / 1e6,
                    sorted.length);
        }
    }

    /** The care management a person's level calls for: 介護予防支援 for 要支援, 介護予防ケアマネジメント for 事業対象者. */
    private static String careManagementFor(String careLevel) {
        if (careLevel == null) {
            return "43";
        }
        return switch (careLevel) {
            case "12", "13" -> "46";
            case "06" -> "AF";
            default -> "43";
        };
    }

    /**
     * The layout's optional columns a file with this header leaves out, named so that the platform keeps their stored
     * values instead of refusing the file for missing columns (issue 15 part 0).
     */
    private static List<String> omitted(RawHttp http, String recordType, String header) throws IOException {
        List<String> sent = List.of(header.split(","));
        List<String> omitted = new ArrayList<>();
        for (tools.jackson.databind.JsonNode layout : tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(http.get("/api/layouts"))) {
            if (layout.get("recordType").asString().equals(recordType)) {
                for (tools.jackson.databind.JsonNode field : layout.get("fields")) {
                    String key = field.get("key").asString();
                    if (!field.get("required").asBoolean() && !sent.contains(key) && !key.equals("operation")) {
                        omitted.add(key);
                    }
                }
            }
        }
        return omitted;
    }

    /**
     * Drives the consent-gated read of a 要介護認定 record by the office's care manager: for a sample of
     * persons the municipality sends their 認定 records and registers the 包括同意, and the office confirms
     * each person and registers as 担当事業所 (居宅介護支援); then each read passes the full access decision
     * (relationship, consent, qualification, audit). Returns {requests per second, p50 ms, p99 ms}.
     */
    private static double[] readLoad(int port, SyntheticData data, int persons, SSLSocketFactory office, String token)
            throws Exception {
        List<SyntheticData.Person> sample = insuredSample(data, persons, READ_PERSONS);
        long started = System.nanoTime();
        for (var m : data.municipalities()) {
            List<SyntheticData.Person> own = sample.stream().filter(p -> p.insurerNo().equals(m.insurerNo())).toList();
            StringBuilder csv = new StringBuilder("insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,"
                    + "progress,firstJudgement,result,certifiedOn,certValidFrom,certValidTo\n");
            for (var p : own) {
                csv.append(String.join(",", p.insurerNo(), p.insuredNo(), "1", "2026-04-01", "2", "2026-04-01", "6", "22",
                        "23", "2026-05-10", "2026-06-01", "2027-05-31")).append('\n');
            }
            SSLSocketFactory municipality = pki.issue(Party.municipality(m.insurerNo()), "ベンチマーク " + m.name(),
                    Duration.ofDays(1)).sslContext(pki.caCertificate()).getSocketFactory();
            String clerk = signInStaff(port, Party.municipality(m.insurerNo()), "MUNICIPAL_OFFICER");
            MUNICIPAL_TOKENS.put(m.insurerNo(), clerk);
            try (RawHttp http = new RawHttp(municipality, port, "/", clerk)) {
                String header = csv.substring(0, csv.indexOf("\n"));
                String report = http.post("/api/municipalities/" + m.insurerNo() + "/files/certification?mode=full&omit="
                        + String.join(",", omitted(http, "certification", header)), "text/csv", csv.toString());
                if (!report.contains("\"rejectedRows\":0")) {
                    throw new IllegalStateException("certification import failed: " + report);
                }

                for (var p : own) {
                    http.post("/api/municipalities/" + m.insurerNo() + "/insured/" + p.insuredNo() + "/blanket-consent",
                            "{\"occasion\":\"更新申請\"}");
                }
            }
        }
        // the bench office in the office master (sent by the operator's system): designated for the three kinds of care
        // management (43, 46, AF), so each person is registered for the one their level calls for
        SSLSocketFactory operator = pki.issue(Party.operator("1"), "ベンチマーク運営者", Duration.ofDays(1))
                .sslContext(pki.caCertificate()).getSocketFactory();
        try (RawHttp http = new RawHttp(operator, port, "/", null)) {
            String designated = http.post("/api/master/designations", "text/csv",
                    "事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n"
                            + String.join("", java.util.stream.Stream.of("43", "46", "AF").map(type -> OFFICE + "," + type
                                    + ",2021-04-01," + TODAY.plusYears(1) + ",東京都千代田区\n").toList()));
            if (designated.contains("\"problems\":[{")) {
                throw new IllegalStateException("designation refused: " + designated);
            }
        }
        Pattern confirmation = Pattern.compile("\"confirmation\":\"([^\"]+)\"");
        List<SyntheticData.Person> inCharge = new ArrayList<>();
        int notInCharge = 0;
        try (RawHttp http = new RawHttp(office, port, "/", token)) {
            for (var p : sample) {
                Matcher proof = confirmation.matcher(http.post("/api/eligibility", "{\"insurerNo\":\"" + p.insurerNo()
                        + "\",\"insuredNo\":\"" + p.insuredNo() + "\",\"birthDate\":\"" + p.birthDate() + "\"}"));
                if (!proof.find()) {
                    throw new IllegalStateException("no proof of 本人確認 for a generated person");
                }
                try {
                    http.post("/api/relationships", "{\"confirmation\":\"" + proof.group(1)
                            + "\",\"serviceType\":\"" + careManagementFor(p.careLevel()) + "\",\"startDate\":\""
                            + TODAY.minusDays(10) + "\"}");
                    inCharge.add(p);
                } catch (IOException refused) {
                    // the registration rules refuse care management for a person living in a 介護保険施設
                    notInCharge++;
                }
            }
            log("read set-up: %,d registrations refused by the registration rules (persons in a 施設), left out", notInCharge);
            sample = inCharge;
            if (!http.get("/api/records/" + sample.get(0).insurerNo() + "/" + sample.get(0).insuredNo() + "/certification")
                    .contains("\"reason\":\"CONSENTED\"")) {
                throw new IllegalStateException("the consent-gated read was not permitted");
            }
        }
        log("read set-up: %,d persons with 認定 records, 包括同意 and this office in charge in %.1f s", sample.size(),
                (System.nanoTime() - started) / 1e9);
        List<String> paths = sample.stream()
                .map(p -> "/api/records/" + p.insurerNo() + "/" + p.insuredNo() + "/certification").toList();
        return drive("認定情報の閲覧", office, port, token, "/", READ_WARMUP_SECONDS,
                (http, i) -> http.get(paths.get(i % paths.size())));
    }

    /** Up to {@code count} persons insured today, spread over all generated persons. */
    static List<SyntheticData.Person> insuredSample(SyntheticData data, int persons, int count) {
        List<SyntheticData.Person> sample = new ArrayList<>();
        for (int i = 0; sample.size() < count && i < persons; i += Math.max(1, persons / count)) {
            var p = data.person(i);
            if (!p.lost()) {
                sample.add(p);
            }
        }
        return sample;
    }

    /** One request of a load phase: the client's {@code i}-th. */
    interface Call {
        String send(RawHttp http, int i) throws IOException;
    }

    /**
     * Runs {@link #CLIENTS} keep-alive clients (each POSTing to {@code path} unless the call says otherwise)
     * for a warm-up, then measures for {@link #SECONDS}; returns
     * {requests per second, p50 ms, p99 ms} of the measured period.
     */
    static double[] drive(String name, SSLSocketFactory office, int port, String token, String path,
            int warmupSeconds, Call call) throws Exception {
        return drive(name, CLIENTS, office, port, token, path, warmupSeconds, call);
    }

    static double[] drive(String name, int clients, SSLSocketFactory office, int port, String token, String path,
            int warmupSeconds, Call call) throws Exception {
        log("%s: %d clients, %d s warm-up, %d s measured", name, clients, warmupSeconds, SECONDS);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[16_000_000 / clients];
            Thread thread = new Thread(() -> {
                try (RawHttp http = new RawHttp(office, port, path, token)) {
                    int next = client * 997;
                    while (running.get()) {
                        long t = System.nanoTime();
                        call.send(http, next++);
                        long micros = (System.nanoTime() - t) / 1000;
                        if (measuring.get() && counts[client] < latencies[client].length) {
                            latencies[client][counts[client]++] = micros;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(warmupSeconds * 1000L);
        long[] cpuBefore = cpuMillis();
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] cpuAfter = cpuMillis();
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + " failed", failures.get(0));
        }
        int total = Arrays.stream(counts).sum();
        double rps = total / seconds;
        double[] percentiles = p50p99(latencies, counts);
        double p50 = percentiles[0];
        double p99 = percentiles[1];
        log("%s: %,d requests in %.1f s = %,.0f req/s, p50 %.2f ms, p99 %.2f ms", name, total, seconds, rps, p50, p99);
        if (cpuAfter[2] > cpuBefore[2]) {
            log("%s: CPU per request: platform JVM %.0f µs, PostgreSQL %.0f µs; the machine was %.0f %% idle or waiting for I/O", name,
                    (cpuAfter[0] - cpuBefore[0]) * 1000.0 / total, (cpuAfter[1] - cpuBefore[1]) * 1000.0 / total,
                    100.0 * (cpuAfter[3] - cpuBefore[3]) / (cpuAfter[2] - cpuBefore[2]));
        }
        return new double[] {rps, p50, p99};
    }

    /**
     * 介護給付費通知 (issue 17 §5): every claims import publishes its persons' months, and the notification module gives
     * the notices in bulk after the import's commit. Waits (≤ 10 min) until every such publication is done and logs how
     * many notices there are, how long after the last import they were all given, and the CPU of that wait.
     */
    private static void benefitNotices() throws Exception {
        long[] before = cpuMillis();
        long t = System.nanoTime();
        String pending = "select count(*) from public.event_publication where completion_date is null"
                + " and event_type = 'jp.kaigo.shared.BenefitsRecorded'";
        while (Long.parseLong(psql(pending)) > 0 && System.nanoTime() - t < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(100);
        }
        long[] after = cpuMillis();
        log("介護給付費通知: %,d notices given %.1f s after the last claims import; CPU of that wait: platform JVM %,d ms,"
                + " PostgreSQL %,d ms", Long.parseLong(psql("select count(*) from notification.notices where kind ="
                + " 'benefit-statement'")), (System.nanoTime() - t) / 1e9, after[0] - before[0], after[1] - before[1]);
    }

    /** One value from the platform's database (psql of Debian's postgresql-client, on the embedded server's port). */
    private static String psql(String query) throws Exception {
        String port = Files.readAllLines(database.resolve("postmaster.pid")).get(3).strip();
        Process p = new ProcessBuilder("psql", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "postgres", "-tAc",
                query).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        return out;
    }

    /**
     * 2次利用 (issue 18): each municipality sends the 給付実績 of its certified persons (three months), its officer
     * builds the indicators over all its persons ({@code POST /api/statistics/rebuild}) and then reads dashboard pages
     * ({@code GET /api/statistics}, half of them filtered by age band and care level), one after the other. Returns
     * {slowest build ms, dashboard p50 ms, dashboard max ms}; logs the CPU each build and each page took.
     */
    private static double[] statisticsLoad(int port, SyntheticData data, int persons, Path work) throws Exception {
        for (var file : jp.kaigo.demo.SyntheticClaims.writeCsv(data, work.resolve("claims"), persons, OFFICE)) {
            SSLSocketFactory municipality = pki.issue(Party.municipality(file.insurerNo()), "ベンチマーク給付実績",
                    Duration.ofDays(1)).sslContext(pki.caCertificate()).getSocketFactory();
            try (RawHttp http = new RawHttp(municipality, port, "/", MUNICIPAL_TOKENS.get(file.insurerNo()))) {
                long t = System.nanoTime();
                String csv = Files.readString(file.path());
                String report = http.post("/api/municipalities/" + file.insurerNo() + "/files/claims?mode=full&omit="
                        + String.join(",", omitted(http, "claims", csv.substring(0, csv.indexOf('\r')))), "text/csv", csv);
                if (!report.contains("\"rejectedRows\":0")) {
                    throw new IllegalStateException("claims import failed: " + report);
                }
                log("imported %-10s %-18s %,9d rows in %5.1f s", file.insurerNo(), "claims", file.rows(),
                        (System.nanoTime() - t) / 1e9);
            }
        }
        benefitNotices();
        double slowestBuild = 0;
        List<Long> pages = new ArrayList<>();
        long[] cpuBefore = cpuMillis();
        long[] buildCpu = new long[2];
        for (var entry : MUNICIPAL_TOKENS.entrySet()) {
            SSLSocketFactory municipality = pki.issue(Party.municipality(entry.getKey()), "ベンチマーク統計",
                    Duration.ofDays(1)).sslContext(pki.caCertificate()).getSocketFactory();
            try (RawHttp http = new RawHttp(municipality, port, "/", entry.getValue())) {
                long[] before = cpuMillis();
                long t = System.nanoTime();
                String built = http.post("/api/statistics/rebuild", "{}");
                double ms = (System.nanoTime() - t) / 1e6;
                long[] after = cpuMillis();
                buildCpu[0] += after[0] - before[0];
                buildCpu[1] += after[1] - before[1];
                if (!built.contains("\"persons\"")) {
                    throw new IllegalStateException("statistics build failed: " + built);
                }
                slowestBuild = Math.max(slowestBuild, ms);
                log("statistics of %s built in %,.0f ms (platform JVM %,d ms CPU, PostgreSQL %,d ms CPU): %s",
                        entry.getKey(), ms, after[0] - before[0], after[1] - before[1], built);
                for (int i = 0; i < DASHBOARD_PAGES; i++) {
                    String query = i % 2 == 0 ? "" : "?age=85%2B&level=2" + (1 + i % 5);
                    long p = System.nanoTime();
                    String page = http.get("/api/statistics" + query);
                    pages.add(System.nanoTime() - p);
                    if (!page.contains("\"tables\"")) {
                        throw new IllegalStateException("dashboard failed: " + page);
                    }
                }
            }
        }
        long[] cpuAfter = cpuMillis();
        long[] sorted = pages.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted[sorted.length / 2] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        log("dashboard pages: %d, p50 %.1f ms, max %.1f ms; CPU per page: platform JVM %.0f µs, PostgreSQL %.0f µs",
                sorted.length, p50, max,
                (cpuAfter[0] - cpuBefore[0] - buildCpu[0]) * 1000.0 / sorted.length,
                (cpuAfter[1] - cpuBefore[1] - buildCpu[1]) * 1000.0 / sorted.length);
        return new double[] {slowestBuild, p50, max};
    }

    /** p50 and p99 in ms of the latencies (µs) each client recorded ({@code counts[c]} of {@code latencies[c]}). */
    static double[] p50p99(long[][] latencies, int[] counts) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return total == 0 ? new double[2]
                : new double[] {all[(int) (total * 0.50)] / 1000.0, all[(int) (total * 0.99)] / 1000.0};
    }

    /**
     * CPU time used so far, from /proc (Linux only; zeros elsewhere): {platform JVM ms, its PostgreSQL
     * processes ms, all CPUs' ticks, idle and I/O-wait ticks}. CPU per request tells whether a change made
     * the platform or its database cheaper, apart from the bench clients; on this shared machine it moves
     * with the host's load much as requests per second do, so compare several runs either way.
     */
    static long[] cpuMillis() {
        try {
            long jvm = processCpuMillis(platform.pid());
            // the embedded PostgreSQL detaches from the JVM: find its postmaster by the data directory
            long pg = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().filter(c -> c.contains("-D " + database)).isPresent())
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .mapToLong(p -> processCpuMillis(p.pid())).sum();
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            return new long[] {jvm, pg, all, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException notLinux) {
            return new long[4];
        }
    }

    /** User + system time of one process in ms (fields 14 and 15 of /proc/PID/stat, 100 ticks a second). */
    private static long processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Enrols an organisation's administrator and signs in (password + one-time code); returns the access token. */
    static String signInStaff(int port, Party party, String job) throws Exception {
        HttpClient terminal = client(party);
        String password = "load-test-secret-" + System.nanoTime();
        var enrolled = terminal.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/staff/first-admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"loginId\":\"bench\",\"password\":\"" + password + "\",\"jobType\":\"" + job + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"totpSecret\":\"([A-Z2-7]+)\"").matcher(enrolled.body());
        if (!secret.find()) {
            throw new IllegalStateException("staff enrolment failed: " + enrolled.body());
        }
        String code = Totp.code(Base32.decode(secret.group(1)), Totp.step(Instant.now()));
        var signedIn = terminal.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/staff/sign-in"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"loginId\":\"bench\",\"password\":\"" + password + "\",\"oneTimeCode\":\"" + code + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(signedIn.body());
        if (!token.find()) {
            throw new IllegalStateException("staff sign-in failed: " + signedIn.body());
        }
        return token.group(1);
    }

    /** An HTTPS client presenting a fresh certificate of the platform CA for the party. */
    static HttpClient client(Party party) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(pki.issue(party, "ベンチマーク " + party, Duration.ofDays(1)).sslContext(pki.caCertificate()))
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
