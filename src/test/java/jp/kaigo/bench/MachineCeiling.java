package jp.kaigo.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this machine can do today, measured in the same run as the platform so that the platform's figures can be
 * given as ratios that travel between machines: {@code pgbench -S} (8 clients, simple protocol, 20 s) and a
 * server-side COPY of 1,000,000 rows shaped like the insured file, both against a scratch PostgreSQL started from
 * the same binaries and settings as the platform's embedded one (fsync on).
 */
final class MachineCeiling {
    /** Select-only transactions per second, and rows per second of a server-side COPY. */
    record Result(double pgbenchTps, double copyRowsPerSecond) {
    }

    private static final int COPY_ROWS = 1_000_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private MachineCeiling() {
    }

    /** The ceiling alone: {@code java -cp … jp.kaigo.bench.MachineCeiling}. */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("kaigo-ceiling-");
        try {
            Result r = measure(work);
            System.out.printf(Locale.ROOT, "{\"pgbench_tps\":%.0f,\"copy_rows_per_s\":%.0f}%n", r.pgbenchTps(),
                    r.copyRowsPerSecond());
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Result measure(Path work) throws Exception {
        Path dir = work.resolve("ceiling-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "2GB").setServerConfig("max_wal_size", "4GB")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            String port = Integer.toString(pg.getPort());
            List<String> connect = List.of("-h", "localhost", "-p", port, "-U", "postgres");
            run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connect, List.of("postgres")));
            String out = run(concat(List.of("pgbench", "-S", "-M", "simple", "-c", "8", "-j", "2", "-T", "20"), connect,
                    List.of("postgres")));
            Matcher tps = TPS.matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench's output:\n" + out);
            }
            Path rows = work.resolve("ceiling-rows.csv");
            try (BufferedWriter w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                for (int i = 0; i < COPY_ROWS; i++) {
                    w.write(String.format(Locale.ROOT, "131011,%010d,1,2020-04-01,,介護 花子,カイゴ ハナコ,1940-05-06,2,"
                            + "東京都千代田区1番地,1,2005-04-01,01,,%n", i));
                }
            }
            double seconds;
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
                sql.execute("create table ceiling (insurer text, insured text, history int, valid_from date, valid_to date,"
                        + " name text, kana text, birth date, sex text, address text, kind text, acquired date,"
                        + " reason text, lost date, lost_reason text)");
                long start = System.nanoTime();
                sql.execute("copy ceiling from '" + rows.toAbsolutePath() + "' (format csv)");
                seconds = (System.nanoTime() - start) / 1e9;
            }
            Files.deleteIfExists(rows);
            return new Result(Double.parseDouble(tps.group(1)), COPY_ROWS / seconds);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + out);
        }
        return out;
    }
}
