package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.InsuredPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Notices are delivered once, also when the platform is killed and restarted between the commit and the delivery"
 * (issue 16, done-when; design §7.5, increment 14). The platform runs as a process of its own (its main class on the
 * classes and libraries of this JVM, with its own embedded PostgreSQL in a temporary directory), plus two hooks from
 * this class: {@link Trigger} publishes a {@code CareLevelCertified} in a committed transaction at start, and
 * {@link Halt} halts the JVM ({@code Runtime.halt(137)}: no shutdown hooks, as a kill) inside the notification
 * listener, before its email/SMS delivery or after it (the simulator's file written, the listener's transaction and
 * the event publication not completed). Restarted without the hooks, the platform republishes the outstanding
 * publication: exactly one notice, one simulator file, the publication completed.
 */
class NoticeDeliveryCrashTests {
    private static final Duration START_AND_DELIVER = Duration.ofSeconds(240);
    private static Path work;
    private static Process running;

    @BeforeAll
    static void workDirectory() throws IOException {
        work = Files.createTempDirectory("kaigo-notice-crash-");
        Path hooks = Files.createDirectories(work.resolve("hooks").resolve("jp").resolve("kaigo").resolve("notification"));
        Path compiled = Path.of(NoticeDeliveryCrashTests.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("jp").resolve("kaigo").resolve("notification");
        try (Stream<Path> classes = Files.list(compiled)) {
            for (Path c : classes.filter(f -> f.getFileName().toString().startsWith("NoticeDeliveryCrashTests")).toList()) {
                Files.copy(c, hooks.resolve(c.getFileName()));
            }
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        stop();
        boolean keep = false;
        if (work != null && Files.exists(work.resolve("pg").resolve("postmaster.pid"))) {
            // an embedded PostgreSQL orphaned by a halted platform that the restart did not stop: end it (by its pid)
            long pid = Long.parseLong(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            keep = ProcessHandle.of(pid).map(p -> {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                    return false;
                } catch (Exception e) {
                    return true;
                }
            }).orElse(false);
        }
        if (work != null) { // the platforms' logs, for whoever reads a failure
            Path logs = Files.createDirectories(Path.of("target", "notice-crash-logs"));
            try (Stream<Path> files = Files.list(work)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (work != null && !keep) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @AfterEach
    void stopThePlatform() throws InterruptedException {
        stop();
    }

    @Test
    void haltedBeforeTheDeliveryTheRestartDeliversOnce() throws Exception {
        crashAndRestart("before-delivery");
    }

    @Test
    void haltedAfterTheMessageWasWrittenTheRestartWritesNoSecond() throws Exception {
        crashAndRestart("after-delivery");
    }

    private void crashAndRestart(String haltAt) throws Exception {
        UUID caseId = UUID.randomUUID();
        InsuredPerson person = InsuredPerson.of("131011", String.format("C%09d", Math.abs(caseId.hashCode() % 1_000_000_000)));
        String name = haltAt;

        Process crashing = start(name + "-1", List.of("--spring.main.sources=" + Trigger.class.getName() + "," + Halt.class.getName(),
                "--kaigo.test.crash.halt=" + haltAt, "--kaigo.test.crash.case=" + caseId,
                "--kaigo.test.crash.person=" + person.insurerNo() + "/" + person.insuredNo()));
        assertThat(crashing.waitFor(START_AND_DELIVER.toSeconds(), TimeUnit.SECONDS))
                .as("the platform halts in the listener; see " + work.resolve(name + "-1.log")).isTrue();
        assertThat(crashing.exitValue()).as("halted by the hook; see " + work.resolve(name + "-1.log")).isEqualTo(137);
        running = null;
        Path sim = work.resolve("sim-" + haltAt);
        assertThat(files(sim)).as("messages written before the halt")
                .hasSize(haltAt.equals("after-delivery") ? 1 : 0);

        start(name + "-2", List.of());
        long deadline = System.nanoTime() + START_AND_DELIVER.toNanos();
        State state = State.NONE;
        while (System.nanoTime() < deadline) {
            assertThat(running.isAlive()).as("restarted platform; see " + work.resolve(name + "-2.log")).isTrue();
            state = state(person, caseId);
            if (state.notices() >= 1 && state.completed() >= 1 && state.incomplete() == 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(state.notices()).as("notices for the person").isEqualTo(1);
        assertThat(state.completed()).as("the publication completed").isEqualTo(1);
        assertThat(state.incomplete()).as("publications left incomplete").isZero();
        assertThat(state.smsSent()).as("SMS deliveries sent, each once").isEqualTo(1);
        String expected = state.noticeId() + ".txt";
        assertThat(files(sim)).as("simulator files").singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo(expected));
        stop();
    }

    record State(int notices, UUID noticeId, int completed, int incomplete, int smsSent) {
        static final State NONE = new State(0, null, 0, 0, 0);
    }

    private static State state(InsuredPerson person, UUID caseId) {
        String url;
        try {
            url = "jdbc:postgresql://127.0.0.1:" + databasePort() + "/postgres";
        } catch (IOException | RuntimeException notYet) {
            return State.NONE; // the restarted platform's PostgreSQL has not started yet
        }
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            int notices = count(db, "select count(*) from notification.notices where insurer_no = ? and insured_no = ?",
                    person.insurerNo(), person.insuredNo());
            UUID noticeId = null;
            try (PreparedStatement s = db.prepareStatement(
                    "select notice_id from notification.notices where insurer_no = ? and insured_no = ?")) {
                s.setString(1, person.insurerNo());
                s.setString(2, person.insuredNo());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        noticeId = rs.getObject(1, UUID.class);
                    }
                }
            }
            int completed = count(db, """
                    select count(*) from public.event_publication where listener_id like 'jp.kaigo.notification.%'
                       and serialized_event like ? and completion_date is not null""", "%" + caseId + "%");
            int incomplete = count(db, """
                    select count(*) from public.event_publication where listener_id like 'jp.kaigo.notification.%'
                       and serialized_event like ? and completion_date is null""", "%" + caseId + "%");
            int sms = count(db, """
                    select count(*) from notification.deliveries where insurer_no = ? and insured_no = ? and channel = 'sms'
                       and status = 'sent' and attempts = 1""", person.insurerNo(), person.insuredNo());
            return new State(notices, noticeId, completed, incomplete, sms);
        } catch (SQLException notYet) {
            return State.NONE; // the database or the schema is not there yet
        }
    }

    private static int count(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<Path> files(Path sim) throws IOException {
        Path dir = sim.resolve("sms");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static int databasePort() throws IOException {
        return Integer.parseInt(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).get(3).strip());
    }

    private static Process start(String name, List<String> extra) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + work.resolve("hooks");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", classpath, "jp.kaigo.KaigoPlatform", "--server.port=" + freePort(),
                "--management.server.port=0", "--kaigo.pki.dir=" + work.resolve("pki"),
                "--kaigo.database.data-dir=" + work.resolve("pg"), "--kaigo.demo.enabled=false",
                "--kaigo.ingest.pending-dir=" + work.resolve("pending"),
                "--kaigo.notification.simulator-dir=" + work.resolve("sim-" + name.substring(0, name.lastIndexOf('-'))),
                "--logging.file.name=" + work.resolve(name + ".json.log")));
        command.addAll(extra);
        running = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
        return running;
    }

    private static void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy(); // SIGTERM: an orderly stop, the embedded PostgreSQL with it
            if (!running.waitFor(60, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        }
        running = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** In the platform process: at start, the person asks for SMS and a case's result is published and committed. */
    static class Trigger implements ApplicationRunner {
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transactions;
        private final Notices notices;
        private final Environment environment;

        Trigger(ApplicationEventPublisher events, TransactionTemplate transactions, Notices notices, Environment environment) {
            this.events = events;
            this.transactions = transactions;
            this.notices = notices;
            this.environment = environment;
        }

        @Override
        public void run(ApplicationArguments args) {
            String[] numbers = environment.getRequiredProperty("kaigo.test.crash.person").split("/");
            InsuredPerson person = InsuredPerson.of(numbers[0], numbers[1]);
            UUID caseId = UUID.fromString(environment.getRequiredProperty("kaigo.test.crash.case"));
            notices.setPreferences(person, new ContactPreferences(false, null, "09012345678"), RecordedBy.SELF);
            transactions.executeWithoutResult(status -> events.publishEvent(new CareLevelCertified(caseId, person, "22",
                    LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), null)));
        }
    }

    /** In the platform process: the email/SMS channel halts the JVM before or after it writes the message. */
    static class Halt implements BeanPostProcessor, EnvironmentAware {
        private String haltAt = "";

        @Override
        public void setEnvironment(Environment environment) {
            haltAt = environment.getProperty("kaigo.test.crash.halt", "");
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof NotificationSimulator simulator)) {
                return bean;
            }
            return new NoticeChannel() {
                @Override
                public boolean handles(Channel channel) {
                    return simulator.handles(channel);
                }

                @Override
                public Delivery deliver(Channel channel, UUID noticeId, String address) {
                    if (haltAt.equals("before-delivery")) {
                        Runtime.getRuntime().halt(137);
                    }
                    Delivery delivery = simulator.deliver(channel, noticeId, address);
                    if (haltAt.equals("after-delivery")) {
                        Runtime.getRuntime().halt(137);
                    }
                    return delivery;
                }
            };
        }
    }
}
