package jp.kaigo.chaos;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;

/**
 * The platform as an operating-system process of its own (the main class on the classes and libraries of this
 * JVM, without the test classes or their configuration), started on loopback and killed the hard way: SIGKILL
 * of the JVM alone (its embedded PostgreSQL lives on as an orphan, as after a crash of the JVM), or of the JVM
 * and every PostgreSQL process of its data directory (as after a power loss: a stale {@code postmaster.pid}).
 */
final class PlatformProcess {
    private final String name;
    private final Path work;
    private final int port;
    private final List<String> settings;
    private Process process;

    private PlatformProcess(String name, Path work, List<String> settings) throws IOException {
        this.name = name;
        this.work = work;
        this.port = freePort();
        this.settings = settings;
    }

    /** A platform with its own embedded PostgreSQL in {@code work/pg} (persistent: a restart sees the same database). */
    static PlatformProcess embedded(String name, Path work) throws IOException {
        return new PlatformProcess(name, work, List.of("--kaigo.database.data-dir=" + work.resolve("pg")));
    }

    /** A second platform on the database of {@code first}, connected by configuration alone. */
    static PlatformProcess sharing(String name, Path work, PlatformProcess first) throws IOException {
        return new PlatformProcess(name, work, List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + first.databasePort() + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.user=postgres", "--spring.flyway.password=",
                "--spring.datasource.hikari.connection-init-sql=set role kaigo_app"));
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Starts the platform and waits until it answers {@code /readyz}; returns the seconds it took. */
    double start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", platformClasspath(), "jp.kaigo.KaigoPlatform",
                "--server.port=" + port, "--kaigo.pki.dir=" + work.resolve("pki"), "--management.server.port=0",
                "--logging.file.name=" + work.resolve(name + ".json.log"), "--kaigo.demo.enabled=false",
                "--kaigo.ingest.pending-dir=" + work.resolve(name + "-pending"),
                // the harness drives one office and one municipality far harder than any real one: crashes are
                // measured here, not the per-organisation allowance
                "--kaigo.limits.organisation-per-second=100000000", "--kaigo.limits.organisation-burst=100000000"));
        command.addAll(settings);
        long started = System.nanoTime();
        process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
        waitUntilReady();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * SIGKILL of the JVM; with {@code database}, also of its embedded PostgreSQL (postmaster and backends), so that the
     * data directory is left as a power loss leaves it. Returns once every killed process is gone.
     */
    void crash(boolean database) throws Exception {
        List<ProcessHandle> victims = new ArrayList<>(List.of(process.toHandle()));
        if (database) {
            ProcessHandle postmaster = ProcessHandle.of(databasePid()).orElseThrow();
            victims.add(postmaster);
            victims.addAll(postmaster.descendants().toList());
        }
        victims.forEach(ProcessHandle::destroyForcibly); // SIGKILL on Linux
        for (ProcessHandle victim : victims) {
            victim.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** An orderly stop (SIGTERM), as an operator ends the platform. */
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The embedded PostgreSQL's port (line 4 of {@code postmaster.pid}). */
    int databasePort() throws IOException {
        return Integer.parseInt(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).get(3).strip());
    }

    private long databasePid() throws IOException {
        return Long.parseLong(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).get(0).strip());
    }

    String jdbcUrl() throws IOException {
        return "jdbc:postgresql://127.0.0.1:" + databasePort() + "/postgres";
    }

    private void waitUntilReady() throws Exception {
        HttpClient http = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + work.resolve(name + ".log"));
            }
            if (http == null && Files.exists(work.resolve("pki").resolve("server.pem"))) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .sslContext(IssuedCredential.anonymous(PlatformPki.open(work.resolve("pki")).caCertificate())).build();
            }
            if (http != null) {
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/readyz"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become ready within 180 s");
    }

    /**
     * This JVM's class path without test classes (whose application.properties would replace the platform's): the
     * platform runs with its own configuration, as {@code java -jar} would.
     */
    static String platformClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
