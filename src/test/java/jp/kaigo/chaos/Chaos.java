package jp.kaigo.chaos;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kaigo.demo.SyntheticData;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;

/**
 * Crashes and a second instance, against the platform run as its own process ({@code bin/chaos [persons]}, and
 * {@code CrashRecoveryTests} with small data). In order:
 * <ol>
 * <li>Imports generated municipality files over HTTPS and kills the platform with SIGKILL during some of them:
 * while the file is still arriving, or at a random moment after it arrived (during the merge or its commit); every
 * second crash also kills its PostgreSQL, as a power loss would. After each restart: every import is there whole or
 * not at all, no history twice; then the file in flight is sent again and must be there whole.</li>
 * <li>Registers 包括同意 from several clients at once and kills the platform (and its database) under them: after the
 * restart every answered registration is there, every registration stored has its audit entry, and the ones in
 * flight are sent again.</li>
 * <li>Starts a second instance on the first one's database: a staff sign-out and a disabling done at one instance
 * are refused at the other on the next request; then clients spread 資格確認 over both, and the second is killed
 * under load: no error beyond the requests in flight on it, every answer audited.</li>
 * </ol>
 * After every crash and at the end {@code audit verify} (the command) must pass. Problems are collected, not thrown,
 * so that one run reports all of them; the last line of {@code bin/chaos} is a JSON object with the numbers.
 */
public final class Chaos {
    private static final String OFFICE = OfficeNumber.withCheckDigit("131010001").value();
    private static final Pattern DECISION = Pattern.compile("\"decisionId\":\"([^\"]+)\"");

    /**
     * How much to do: persons in the generated files, crashes during imports, crashes during 包括同意 registrations alone,
     * clients, seconds of load; {@code combined}: the registrations also run during each import crash, which then begin
     * with the second file (after the persons exist) and kill the database first (the test's short run: fewer restarts).
     */
    public record Settings(int persons, int importCrashes, int consentCrashes, int consentClients, int loadClients,
            int loadSeconds, long seed, boolean combined) {
    }

    /** What happened and what was wrong (nothing, when the platform keeps its promises). */
    public static final class Outcome {
        public final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        public final Map<String, Object> numbers = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

        void problem(String format, Object... args) {
            String text = String.format(Locale.ROOT, format, args);
            problems.add(text);
            log("PROBLEM: %s", text);
        }

        void add(String key, long n) {
            numbers.merge(key, n, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
        }

        public long number(String key) {
            return ((Number) numbers.getOrDefault(key, 0L)).longValue();
        }

        public String json() {
            StringBuilder json = new StringBuilder("{");
            numbers.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v));
            return json.append(",\"problems\":").append(problems.size()).append('}').toString();
        }
    }

    private final Settings settings;
    private final Path work;
    private final Outcome outcome = new Outcome();
    private final Random random;
    private PlatformPki pki;

    private Chaos(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.random = new Random(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 20_000;
        Path work = Files.createTempDirectory("kaigo-chaos-");
        Outcome outcome = null;
        try {
            outcome = run(new Settings(persons, Integer.getInteger("chaos.importCrashes", 6),
                    Integer.getInteger("chaos.consentCrashes", 3), 8, 8, Integer.getInteger("chaos.loadSeconds", 20),
                    Long.getLong("chaos.seed", System.nanoTime()), false), work);
        } finally {
            if (Boolean.getBoolean("chaos.keep") || outcome == null || !outcome.problems.isEmpty()) {
                log("kept the databases and logs in %s", work);
            } else {
                delete(work);
            }
        }
        outcome.problems.forEach(p -> System.err.println("PROBLEM: " + p));
        System.out.println(outcome.json());
        System.exit(outcome.problems.isEmpty() ? 0 : 1);
    }

    /** Runs everything in {@code work} (left for the caller to delete); every process started is ended. */
    public static Outcome run(Settings settings, Path work) throws Exception {
        Chaos chaos = new Chaos(settings, work);
        log("chaos: %,d persons, %d import crashes, %d consent crashes, seed %d, in %s", settings.persons(),
                settings.importCrashes(), settings.consentCrashes(), settings.seed(), work);
        PlatformProcess first = PlatformProcess.embedded("first", work);
        PlatformProcess second = null;
        try {
            chaos.outcome.numbers.put("persons", (long) settings.persons());
            double seconds = first.start();
            chaos.outcome.numbers.put("first_start_s", seconds);
            chaos.pki = PlatformPki.open(work.resolve("pki"));
            var data = new SyntheticData(settings.seed() % 1_000_000, 1);
            String insurer = data.municipalities().get(0).insurerNo();
            ConsentLoad consents = chaos.new ConsentLoad(first, data, insurer);
            chaos.imports(first, data, insurer, consents);
            chaos.consents(first, consents);
            second = PlatformProcess.sharing("second", work, first);
            chaos.twoInstances(first, second, data);
            chaos.auditVerifies(first, "the end");
        } finally {
            if (second != null) {
                second.stop();
            }
            first.stop();
        }
        return chaos.outcome;
    }

    // ---------------------------------------------------------------- imports

    private void imports(PlatformProcess platform, SyntheticData data, String insurer, ConsentLoad consents)
            throws Exception {
        var files = data.writeCsv(work.resolve("files"), settings.persons()).stream().filter(f -> f.rows() > 0).toList();
        long rows = files.stream().mapToLong(SyntheticData.GeneratedFile::rows).sum();
        outcome.numbers.put("files", (long) files.size());
        outcome.numbers.put("rows", rows);
        HttpClient municipality = client(Party.municipality(insurer));
        put(municipality, platform, "/api/insurers/" + insurer, "{\"name\":\"" + data.municipalities().get(0).name() + "\"}");
        int crashes = 0;
        for (int i = 0; i < files.size(); i++) {
            var file = files.get(i);
            if (crashes < settings.importCrashes() && (i > 0 || !settings.combined())) {
                // the crash's moment and kind alternate: while the file arrives / after it arrived, JVM / JVM and database
                boolean duringBody = crashes % 2 == 0;
                boolean database = (crashes % 4 == 1 || crashes % 4 == 2) != settings.combined();
                crashDuringImport(platform, municipality, file, duringBody, database, settings.combined() ? consents : null);
                crashes++;
            } else {
                upload(municipality, platform, file, null);
            }
            checkImportsWhole(platform, "after " + file.type().key());
            checkComplete(platform, file);
        }
        outcome.numbers.put("import_crashes", (long) crashes);
    }

    /**
     * Sends the file, kills the platform during its import, restarts it, checks that nothing of the import or all of
     * it is there, and sends the file again.
     */
    private void crashDuringImport(PlatformProcess platform, HttpClient municipality, SyntheticData.GeneratedFile file,
            boolean duringBody, boolean database, ConsentLoad consents) throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch allSent = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        long size = Files.size(file.path());
        AtomicBoolean answered = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            try {
                var response = municipality.send(request(platform, "/api/municipalities/" + file.insurerNo() + "/files/"
                                + file.type().key() + "?mode=full")
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new WatchedFile(file.path(), size,
                                duringBody ? size / 2 : -1, halfSent, allSent, released)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                answered.set(response.statusCode() == 200);
            } catch (IOException | InterruptedException crashed) {
                // the answer is lost with the platform
            }
        });
        sender.start();
        if (consents != null) {
            consents.start();
        }
        String when;
        if (duringBody) {
            if (!halfSent.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the upload did not start");
            }
            Thread.sleep(300); // the platform reads what was sent: the import is under way, half a file staged
            when = "while the file arrived (half sent)";
        } else {
            if (!allSent.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the upload did not finish sending");
            }
            // somewhere in the merge, its commit or just after it (the answer lost): up to about twice what a file of
            // this size takes (~25,000 rows a second here)
            long delay = random.nextInt((int) Math.max(100, file.rows() / 12));
            Thread.sleep(delay);
            when = "after the file arrived (+" + delay + " ms)";
        }
        if (consents != null) {
            consents.awaitAnswers(5); // registrations answered before the crash, however slow the machine
        }
        platform.crash(database);
        released.countDown();
        sender.join(30_000);
        log("crashed %s during the import of %s (%,d rows) %s%s", platform.name(), file.type().key(), file.rows(), when,
                database ? ", with its database" : "");
        if (consents != null) {
            consents.stopped();
        }
        double restart = platform.start();
        outcome.add("restarts", 1);
        outcome.numbers.merge("restart_max_s", restart, (a, b) -> Math.max((Double) a, (Double) b));
        var found = importOf(platform, file, false);
        log("restarted in %.1f s: the import in flight is %s", restart, found == null ? "not there at all"
                : "there whole (committed before the crash)");
        outcome.add(found == null ? "imports_lost_whole" : "imports_committed_whole", 1);
        if (answered.get() && found == null) {
            outcome.problem("the import of %s was answered as done and is not there after the crash", file.type().key());
        }
        checkImportsWhole(platform, "after the crash " + when);
        auditVerifies(platform, "after a crash during an import");
        if (consents != null) {
            consents.restarted();
        }
        upload(municipality, platform, file, "resent after the crash");
        outcome.add("imports_resent", 1);
    }

    /**
     * The file's body, read from disk; tells when half and all of it were handed to the client, and may stop at
     * {@code pauseAt} until released (the platform then waits for the rest while it is killed).
     */
    private static final class WatchedFile extends FilterInputStream {
        private final long size;
        private final long pauseAt;
        private final CountDownLatch half;
        private final CountDownLatch all;
        private final CountDownLatch released;
        private long read;

        WatchedFile(Path file, long size, long pauseAt, CountDownLatch half, CountDownLatch all, CountDownLatch released) {
            super(open(file));
            this.size = size;
            this.pauseAt = pauseAt;
            this.half = half;
            this.all = all;
            this.released = released;
        }

        private static InputStream open(Path file) {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pauseAt >= 0 && read >= pauseAt) {
                half.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the platform was killed");
            }
            int n = super.read(b, off, pauseAt >= 0 ? (int) Math.min(len, Math.max(1, pauseAt - read)) : len);
            if (n > 0) {
                read += n;
            }
            if (read >= size / 2) {
                half.countDown();
            }
            if (n < 0) {
                all.countDown();
            }
            return n;
        }
    }

    private void upload(HttpClient municipality, PlatformProcess platform, SyntheticData.GeneratedFile file, String why)
            throws Exception {
        long started = System.nanoTime();
        var response = municipality.send(request(platform, "/api/municipalities/" + file.insurerNo() + "/files/"
                        + file.type().key() + "?mode=full")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file.path())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"rejectedRows\":0")) {
            outcome.problem("the import of %s%s was not taken whole: %d %s", file.type().key(),
                    why == null ? "" : " (" + why + ")", response.statusCode(),
                    response.body().substring(0, Math.min(300, response.body().length())));
            return;
        }
        log("imported %-18s %,8d rows in %5.1f s%s", file.type().key(), file.rows(), (System.nanoTime() - started) / 1e9,
                why == null ? "" : " (" + why + ")");
    }

    /** The committed import of this file's type (the latest), or null. */
    private Map<String, Object> importOf(PlatformProcess platform, SyntheticData.GeneratedFile file, boolean any)
            throws Exception {
        try (Connection db = connect(platform)) {
            var rs = db.createStatement().executeQuery("select import_id, status, rows from ingest.imports where record_type = '"
                    + file.type().key() + "' and insurer_no = '" + file.insurerNo() + "' order by finished_at desc limit 1");
            return rs.next() ? Map.of("id", rs.getString(1), "status", rs.getString(2), "rows", rs.getLong(3)) : null;
        }
    }

    /**
     * Every import there whole or not at all: each record row's import is a completed one, and each completed import
     * left exactly as many rows as its report says it inserted, revised and deleted; no history has two current
     * revisions.
     */
    private void checkImportsWhole(PlatformProcess platform, String when) throws Exception {
        try (Connection db = connect(platform)) {
            Map<String, Long> expected = new ConcurrentHashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select import_id, inserted + updated + deleted from ingest.imports where status = 'COMPLETED'")) {
                while (rs.next()) {
                    expected.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, Long> found = new java.util.HashMap<>();
            for (String table : recordTables(db)) {
                try (ResultSet rs = db.createStatement().executeQuery("select import_id, count(*) from " + table
                        + " group by import_id")) {
                    while (rs.next()) {
                        found.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    }
                }
                try (ResultSet rs = db.createStatement().executeQuery("select count(*) from (select 1 from " + table
                        + " where current group by insurer_no, insured_no, history_no having count(*) > 1) twice")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        outcome.problem("%s: %d histories in %s have two current revisions", when, rs.getLong(1), table);
                    }
                }
            }
            found.forEach((id, rows) -> {
                Long report = expected.get(id);
                if (report == null) {
                    outcome.problem("%s: %,d rows of import %s, which never completed (half an import)", when, rows, id);
                } else if (!report.equals(rows)) {
                    outcome.problem("%s: import %s reports %,d rows written and left %,d", when, id, report, rows);
                }
            });
        }
    }

    /** After the file was taken: every history in it is current, once. */
    private void checkComplete(PlatformProcess platform, SyntheticData.GeneratedFile file) throws Exception {
        try (Connection db = connect(platform)) {
            String table = "registry." + file.type().key().replace('-', '_') + "_records";
            if (!recordTables(db).contains(table)) {
                return;
            }
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from " + table
                    + " where current and not deleted and insurer_no = '" + file.insurerNo() + "'")) {
                rs.next();
                if (rs.getLong(1) != file.rows()) {
                    outcome.problem("%s: %,d rows sent, %,d current", file.type().key(), file.rows(), rs.getLong(1));
                }
            }
        }
    }

    private static List<String> recordTables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("""
                select c.table_schema || '.' || c.table_name from information_schema.columns c
                  join information_schema.columns h on h.table_schema = c.table_schema and h.table_name = c.table_name
                       and h.column_name = 'history_no'
                 where c.column_name = 'import_id' and c.table_schema <> 'ingest'
                   and c.table_name not like '%\\_20%' order by 1
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    // ---------------------------------------------------------------- consent

    /**
     * Municipal staff register 包括同意 from several clients at once; the platform (and, every other time, its
     * database) is killed under them. The ones in flight are sent again after the restart.
     */
    private void consents(PlatformProcess platform, ConsentLoad consents) throws Exception {
        for (int round = 0; round < settings.consentCrashes(); round++) {
            consents.start();
            long delay = 500 + random.nextInt(1500);
            Thread.sleep(delay);
            boolean database = round % 2 == 0;
            platform.crash(database);
            log("crashed %s after %d ms of 包括同意 registrations%s", platform.name(), delay, database ? ", with its database" : "");
            consents.stopped();
            double restart = platform.start();
            outcome.add("restarts", 1);
            outcome.numbers.merge("restart_max_s", restart, (a, b) -> Math.max((Double) a, (Double) b));
            auditVerifies(platform, "after a crash during consent changes");
            consents.restarted();
        }
        consents.finalCheck();
    }

    /** 包括同意 registrations by several clients at once, each until the platform dies under it. */
    private final class ConsentLoad {
        private final PlatformProcess platform;
        private final HttpClient municipality;
        private final String clerk;
        private final List<SyntheticData.Person> persons = new ArrayList<>();
        private final Set answeredIds = new Set();
        private final List<SyntheticData.Person> everInFlight = Collections.synchronizedList(new ArrayList<>());
        private final List<SyntheticData.Person> inFlight = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger answered = new AtomicInteger();
        private final List<Thread> clients = new ArrayList<>();
        private int next;

        ConsentLoad(PlatformProcess platform, SyntheticData data, String insurer) throws Exception {
            this.platform = platform;
            for (int i = 0; i < settings.persons() && persons.size() < 500; i++) {
                persons.add(data.person(i));
            }
            municipality = client(Party.municipality(insurer));
            clerk = firstAdmin(municipality, platform, "chaos.clerk", "MUNICIPAL_OFFICER");
        }

        /** Starts the clients (the persons must have been imported). */
        void start() {
            inFlight.clear();
            answered.set(0);
            clients.clear();
            for (int c = 0; c < settings.consentClients(); c++) {
                int first = next++ * 7;
                Thread thread = new Thread(() -> {
                    for (int n = first; ; n++) {
                        var person = persons.get(n % persons.size());
                        try {
                            var response = municipality.send(blanketConsent(platform, person, clerk),
                                    HttpResponse.BodyHandlers.ofString());
                            Matcher id = DECISION.matcher(response.body());
                            if (response.statusCode() == 201 && id.find()) {
                                answeredIds.add(id.group(1));
                                answered.incrementAndGet();
                            } else {
                                outcome.problem("a 包括同意 was refused: %d %s", response.statusCode(), response.body());
                                return;
                            }
                        } catch (IOException crashed) {
                            inFlight.add(person);
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
        }

        /** Waits (up to a minute) until this round has {@code n} registrations answered. */
        void awaitAnswers(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (answered.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        /** After the crash: every client has lost its connection. */
        void stopped() throws InterruptedException {
            for (Thread thread : clients) {
                thread.join(60_000);
            }
            log("包括同意 under the crash: %d answered, %d in flight", answered.get(), inFlight.size());
            outcome.add("consents_answered", answered.get());
            outcome.add("consents_in_flight", inFlight.size());
        }

        /** After the restart: checks, sends the ones in flight again, checks again. */
        void restarted() throws Exception {
            checkConsents(platform, answeredIds, "after the crash");
            for (var person : inFlight) {
                var response = municipality.send(blanketConsent(platform, person, clerk), HttpResponse.BodyHandlers.ofString());
                Matcher id = DECISION.matcher(response.body());
                if (response.statusCode() != 201 || !id.find()) {
                    outcome.problem("a 包括同意 sent again after the crash was refused: %d %s", response.statusCode(),
                            response.body());
                } else {
                    answeredIds.add(id.group(1));
                    outcome.add("consents_resent", 1);
                }
            }
            everInFlight.addAll(inFlight);
            checkConsents(platform, answeredIds, "after resending");
        }

        /** Each stored decision was answered, or was in flight when the platform died (and then sent again). */
        void finalCheck() throws Exception {
            try (Connection db = connect(platform);
                    ResultSet rs = db.createStatement().executeQuery("select count(*) from consent.decisions")) {
                rs.next();
                long stored = rs.getLong(1);
                outcome.numbers.put("consents_stored", stored);
                if (stored < answeredIds.size() || stored > answeredIds.size() + everInFlight.size()) {
                    outcome.problem("%,d 包括同意 stored for %,d answered and %,d in flight", stored, answeredIds.size(),
                            everInFlight.size());
                }
            }
        }
    }

    /** A thread-safe set of strings. */
    private static final class Set {
        private final java.util.Set<String> items = ConcurrentHashMap.newKeySet();

        void add(String s) {
            items.add(s);
        }

        int size() {
            return items.size();
        }

        java.util.Set<String> all() {
            return items;
        }
    }

    private HttpRequest blanketConsent(PlatformProcess platform, SyntheticData.Person person, String token) {
        return request(platform, "/api/municipalities/" + person.insurerNo() + "/insured/" + person.insuredNo()
                + "/blanket-consent").header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"occasion\":\"更新申請\"}")).build();
    }

    /**
     * Nothing lost, nothing half-applied: every answered decision is stored, and every person has as many consent
     * entries in the audit trail as decisions stored.
     */
    private void checkConsents(PlatformProcess platform, Set answered, String when) throws Exception {
        try (Connection db = connect(platform)) {
            java.util.Set<String> stored = new java.util.HashSet<>();
            try (ResultSet rs = db.createStatement().executeQuery("select decision_id from consent.decisions")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            long lost = answered.all().stream().filter(id -> !stored.contains(id)).count();
            if (lost > 0) {
                outcome.problem("%s: %d 包括同意 answered as registered are not stored", when, lost);
            }
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select coalesce(d.insured_no, a.insured_no), coalesce(d.n, 0), coalesce(a.n, 0)
                      from (select insured_no, count(*) n from consent.decisions group by insured_no) d
                      full join (select person_insured insured_no, count(*) n from audit.entries
                                  where event = 'consent' group by person_insured) a on a.insured_no = d.insured_no
                     where coalesce(d.n, 0) <> coalesce(a.n, 0)
                    """)) {
                int halfApplied = 0;
                long unaudited = 0;
                while (rs.next()) {
                    halfApplied++;
                    unaudited += rs.getLong(2) - rs.getLong(3);
                }
                if (halfApplied > 0) {
                    outcome.problem("%s: %d persons' 包括同意 half applied (%d decisions stored without their audit entry)",
                            when, halfApplied, unaudited);
                }
            }
        }
    }

    // ---------------------------------------------------------------- two instances

    private void twoInstances(PlatformProcess first, PlatformProcess second, SyntheticData data) throws Exception {
        double seconds = second.start();
        log("second instance up on the first one's database in %.1f s", seconds);
        outcome.numbers.put("second_start_s", seconds);
        HttpClient office = client(Party.office(OFFICE));
        String admin = firstAdmin(office, first, "chaos.admin", "CARE_MANAGER");
        revocations(first, second, office, admin);

        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; bodies.size() < 2_000 && i < settings.persons(); i++) {
            var p = data.person(i);
            if (!p.lost()) {
                bodies.add(("{\"insurerNo\":\"" + p.insurerNo() + "\",\"insuredNo\":\"" + p.insuredNo()
                        + "\",\"birthDate\":\"" + p.birthDate() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        long auditBefore = count(first, "select count(*) from audit.entries where event = 'eligibility'");
        PlatformProcess[] instances = {first, second};
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger[] answered = {new AtomicInteger(), new AtomicInteger()};
        AtomicInteger answeredAfterKill = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlightOnKilled = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.loadClients(); c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                boolean[] mine = new boolean[2]; // instances this client has seen fail
                for (int n = client; running.get(); n++) {
                    int to = n % 2;
                    if (mine[to]) {
                        to = 1 - to;
                    }
                    try {
                        var response = office.send(request(instances[to], "/api/eligibility")
                                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n % bodies.size()))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("\"status\":\"INSURED\"")) {
                            errors.add(instances[to].name() + ": " + response.statusCode() + " " + response.body());
                        } else {
                            answered[to].incrementAndGet();
                            if (killed.get()) {
                                answeredAfterKill.incrementAndGet();
                            }
                        }
                    } catch (IOException failed) {
                        // the load balancer's part: an instance that fails a request gets no more from this client
                        mine[to] = true;
                        if (instances[to] == second && killed.get()) {
                            inFlightOnKilled.incrementAndGet();
                        } else {
                            errors.add(instances[to].name() + ": " + failed);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        // half the time on both, and until the second has answered some, however slow the machine
        awaitAtLeast(answered[1], 20, settings.loadSeconds() * 500L);
        killed.set(true);
        second.crash(false);
        log("killed the second instance under load (%,d and %,d answered by then)", answered[0].get(), answered[1].get());
        awaitAtLeast(answeredAfterKill, 20, settings.loadSeconds() * 500L);
        running.set(false);
        for (Thread thread : clients) {
            thread.join(30_000);
        }
        long total = answered[0].get() + answered[1].get();
        log("資格確認 over two instances: %,d answered (%,d by the first, %,d by the second; %,d after the kill), "
                + "%d failed in flight on the killed one, %d other errors", total, answered[0].get(), answered[1].get(),
                answeredAfterKill.get(), inFlightOnKilled.get(), errors.size());
        outcome.numbers.put("load_answered", total);
        outcome.numbers.put("load_answered_by_second", (long) answered[1].get());
        outcome.numbers.put("load_answered_after_kill", (long) answeredAfterKill.get());
        outcome.numbers.put("load_in_flight_on_killed", (long) inFlightOnKilled.get());
        outcome.numbers.put("load_errors", (long) errors.size());
        errors.stream().limit(5).forEach(e -> outcome.problem("an error beyond the requests in flight on the killed instance: %s", e));
        if (inFlightOnKilled.get() > settings.loadClients()) {
            outcome.problem("%d requests failed on the killed instance, more than the %d clients had in flight",
                    inFlightOnKilled.get(), settings.loadClients());
        }
        if (answeredAfterKill.get() == 0 || answered[1].get() == 0) {
            outcome.problem("the load did not reach both instances and go on after the kill");
        }
        long audited = count(first, "select count(*) from audit.entries where event = 'eligibility'") - auditBefore;
        outcome.numbers.put("load_audited", audited);
        if (audited < total) {
            outcome.problem("%,d 資格確認 answered and only %,d audited", total, audited);
        }
    }

    /** Waits at least {@code millis}, and then until {@code counter} reaches {@code n} (a minute at most). */
    private static void awaitAtLeast(AtomicInteger counter, int n, long millis) throws InterruptedException {
        Thread.sleep(millis);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (counter.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * A staff member signed in at one instance signs out there: the token is refused at the other on the next
     * request; signed in again at the other, disabled by the administrator there: refused at the first.
     */
    private void revocations(PlatformProcess first, PlatformProcess second, HttpClient office, String admin)
            throws Exception {
        var created = office.send(request(second, "/api/staff").header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"loginId\":\"chaos.cm\",\"password\":\"" + PASSWORD + "\",\"jobType\":\"CARE_MANAGER\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"totpSecret\":\"([A-Z2-7]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !secret.find()) {
            outcome.problem("the administrator signed in at the first instance could not create staff at the second: %d %s",
                    created.statusCode(), created.body());
            return;
        }
        String token = signIn(office, first, "chaos.cm", secret.group(1));
        expect(office, second, token, 200, "a token from the first instance, at the second");
        var signedOut = office.send(request(first, "/api/staff/sign-out").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (signedOut.statusCode() != 204) {
            outcome.problem("sign-out answered %d", signedOut.statusCode());
        }
        expect(office, second, token, 401, "signed out at the first instance, the next request at the second");
        String again = signIn(office, second, "chaos.cm", secret.group(1));
        expect(office, first, again, 200, "a token from the second instance, at the first");
        var disabled = office.send(request(second, "/api/staff/chaos.cm/disable").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (disabled.statusCode() != 204) {
            outcome.problem("disabling answered %d", disabled.statusCode());
        }
        expect(office, first, again, 401, "disabled at the second instance, the next request at the first");
        log("revocations: a sign-out at the first and a disabling at the second were refused at the other instance "
                + "on the next request");
    }

    private void expect(HttpClient office, PlatformProcess at, String token, int status, String what) throws Exception {
        var response = office.send(request(at, "/api/staff/me").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding());
        outcome.add("revocation_checks", 1);
        if (response.statusCode() != status) {
            outcome.problem("%s: answered %d, expected %d", what, response.statusCode(), status);
        }
    }

    // ---------------------------------------------------------------- audit, database, HTTP

    /** {@code audit verify}, the command an operator runs, against the platform's database. */
    private void auditVerifies(PlatformProcess platform, String when) throws Exception {
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                PlatformProcess.platformClasspath(), "jp.kaigo.KaigoPlatform", "audit", "verify", "--jdbc-url",
                platform.jdbcUrl()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int exit = verify.waitFor();
        outcome.add("audit_verifications", 1);
        String last = output.lines().reduce((a, b) -> b).orElse("");
        if (exit != 0) {
            outcome.problem("audit verify %s: exit %d: %s", when, exit, output);
        } else {
            log("audit verify %s: %s", when, output.lines().filter(l -> l.startsWith("監査ログ")).findFirst().orElse(last));
        }
    }

    private long count(PlatformProcess platform, String sql) throws Exception {
        try (Connection db = connect(platform); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(PlatformProcess platform) throws Exception {
        return DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
    }

    private static final String PASSWORD = "chaos-monkey-password-1";

    /** Enrols the organisation's first administrator at the instance and signs in; returns the access token. */
    private String firstAdmin(HttpClient http, PlatformProcess platform, String loginId, String job) throws Exception {
        var enrolled = http.send(request(platform, "/api/staff/first-admin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginId\":\"" + loginId + "\",\"password\":\"" + PASSWORD
                        + "\",\"jobType\":\"" + job + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"totpSecret\":\"([A-Z2-7]+)\"").matcher(enrolled.body());
        if (!secret.find()) {
            throw new IllegalStateException("staff enrolment failed: " + enrolled.body());
        }
        return signIn(http, platform, loginId, secret.group(1));
    }

    /** Signs in with password and one-time code (each code is good once: the next time step if this one was used). */
    private String signIn(HttpClient http, PlatformProcess platform, String loginId, String secret) throws Exception {
        long step = Totp.step(Instant.now());
        for (long s = step; s <= step + 1; s++) {
            var signedIn = http.send(request(platform, "/api/staff/sign-in").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"loginId\":\"" + loginId + "\",\"password\":\"" + PASSWORD
                            + "\",\"oneTimeCode\":\"" + Totp.code(Base32.decode(secret), s) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(signedIn.body());
            if (token.find()) {
                return token.group(1);
            }
        }
        throw new IllegalStateException("staff sign-in failed at " + platform.name());
    }

    private void put(HttpClient http, PlatformProcess platform, String path, String json) throws Exception {
        var response = http.send(request(platform, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpRequest.Builder request(PlatformProcess platform, String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + platform.port() + path)).timeout(Duration.ofSeconds(60));
    }

    /** An HTTPS client (mutual TLS) presenting a fresh certificate of the platform CA for the party. */
    private HttpClient client(Party party) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(pki.issue(party, "障害試験 " + party, Duration.ofDays(1)).sslContext(pki.caCertificate()))
                .build();
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[chaos] " + format + "%n", args);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
