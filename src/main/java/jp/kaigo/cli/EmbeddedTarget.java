package jp.kaigo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded database a backup or restore works on, reached over loopback TCP as user postgres: the
 * server of a running platform (its port given, or read from the data directory's postmaster.pid), or a
 * server the command starts itself on the data directory and stops when done.
 */
final class EmbeddedTarget implements AutoCloseable {
    private final int port;
    private final EmbeddedPostgres owned;
    private final FileLock ownership;

    private EmbeddedTarget(int port, EmbeddedPostgres owned, FileLock ownership) {
        this.port = port;
        this.owned = owned;
        this.ownership = ownership;
    }

    /** The server of a running platform on this port of this machine. */
    static EmbeddedTarget running(int port) {
        return new EmbeddedTarget(port, null, null);
    }

    /** The data directory's server: the running platform's, or one started for the command. */
    static EmbeddedTarget of(Path dataDir) throws IOException {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(dataDir + " にデータベースがありません(--data-dir で場所を指定できます)");
        }
        Path pid = dataDir.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            List<String> lines = Files.readAllLines(pid);
            boolean alive = !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .map(ProcessHandle::isAlive).orElse(false);
            if (alive && lines.size() >= 4) {
                return running(Integer.parseInt(lines.get(3).strip()));
            }
        }
        return started(dataDir);
    }

    /**
     * A server started for the command on the directory (a new, empty database where none is), which it
     * holds as the platform does (jp.kaigo.EmbeddedDatabase: the lock on DIR.owner), so that neither starts
     * while the other works there.
     */
    static EmbeddedTarget started(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".owner"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException(dir + " は稼働中のプラットフォームが使っています。止めてから実行してください");
        }
        try {
            // a server left by a killed platform is not running (its pid is gone): PostgreSQL recovers from its WAL
            Files.deleteIfExists(dir.resolve("postmaster.pid"));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
            return new EmbeddedTarget(server.getPort(), server, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** pg_dump's and pg_restore's options that name this server and database. */
    List<String> connectionOptions() {
        return List.of("--host=localhost", "--port=" + port, "--username=postgres", "--dbname=postgres", "--no-password");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(jdbcUrl(), "postgres", "", true);
    }

    int serverMajorVersion() {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new IllegalArgumentException("データベース(localhost:" + port + ")に接続できません: " + e.getSQLState());
        }
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            try {
                owned.close();
            } finally {
                ownership.channel().close();
            }
        }
    }
}
