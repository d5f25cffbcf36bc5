package jp.kaigo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured. With
 * {@code kaigo.database.data-dir} set, the data persists there (fsync on, so that a restart or a crash
 * keeps what was committed); when it is blank, a throwaway directory is used and deleted when the
 * server stops (tests). The server stops after the last application context has closed. One server per JVM, however many contexts start.
 */
public class EmbeddedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres server;
    /** Where the server puts its Unix-domain socket. */
    private static Path socketDirectory;
    /** Held while this process owns the persistent data directory (released by the OS on exit). */
    private static FileLock ownership;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        EmbeddedPostgres pg = start(env.getProperty("kaigo.database.data-dir", ""));
        // migrations run as the owner; the application's connections switch to the role kaigo_app, which
        // has only the grants the modules give it (the audit log, for one, is insert-only)
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", jdbcUrl(pg),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "",
                "spring.datasource.hikari.connection-init-sql", "set role kaigo_app")));
    }

    /**
     * The server's Unix-domain socket where the platform supports it (same machine, so no TCP/IP stack
     * on every statement: measured on the 資格確認 path), else its loopback TCP port.
     */
    private static String jdbcUrl(EmbeddedPostgres pg) {
        String tcp = pg.getJdbcUrl("postgres", "postgres");
        if (socketDirectory == null || !AFUNIXSocket.isSupported()) {
            return tcp;
        }
        Path socket = socketDirectory.resolve(".s.PGSQL." + pg.getPort());
        return tcp + "&socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg=" + socket;
    }

    private static synchronized EmbeddedPostgres start(String dataDir) {
        if (server != null) {
            return server;
        }
        try {
            boolean persistent = !dataDir.isBlank();
            Path dir = persistent ? Path.of(dataDir).toAbsolutePath().normalize() : Files.createTempDirectory("kaigo-pg-");
            Files.createDirectories(dir);
            if (persistent) {
                holdOwnership(dir);
                clearStaleLock(dir);
            }
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(!persistent)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "2GB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("temp_buffers", "128MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB");
            // a short path of its own: a socket's path may not exceed 107 bytes, wherever the data lies
            socketDirectory = Files.createTempDirectory("kaigo-pg-socket-");
            builder.setServerConfig("unix_socket_directories", socketDirectory.toString());
            if (persistent) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            server = builder.start();
            // stop the database only after every application context has closed (and released its pool)
            SpringApplication.getShutdownHandlers().add(EmbeddedDatabase::stop);
            log.info("embedded PostgreSQL started on port {} ({})", server.getPort(),
                    persistent ? "data in " + dir : "throwaway data");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static synchronized void stop() {
        try {
            server.close();
            Files.deleteIfExists(socketDirectory);
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * Takes the data directory for this process for as long as it runs (a lock the operating system
     * releases when the process dies, even by kill -9). A second platform on the same directory is
     * refused here, so a PostgreSQL found running in it below can only be an orphan of a dead run.
     */
    private static void holdOwnership(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".owner"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another running platform uses the database in " + dir
                    + "; stop it first or set kaigo.database.data-dir to another directory");
        }
        ownership = lock;
    }

    /**
     * After a hard kill of the JVM the postmaster may live on as an orphan holding the directory; stop it,
     * or remove the lock file if its process is gone. PostgreSQL then recovers from its WAL as usual.
     */
    private static void clearStaleLock(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isPresent()) {
            log.warn("stopping an orphaned PostgreSQL (pid {}) left by an earlier run", pid);
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
