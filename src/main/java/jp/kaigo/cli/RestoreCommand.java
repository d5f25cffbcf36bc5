package jp.kaigo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.VerificationReport;

/**
 * {@code restore FILE --data-dir DIR}: a backup made by {@code backup} becomes a new embedded database in
 * DIR (which must not hold one: a restore never overwrites), all of it or nothing (pg_restore in one
 * transaction; on failure DIR is removed again), and its audit chain is verified before the command
 * says it is done. The platform then starts on it with {@code --kaigo.database.data-dir=DIR}.
 */
final class RestoreCommand {
    private RestoreCommand() {
    }

    static int run(Commands.Options options, PrintStream out, PrintStream err) throws IOException {
        if (options.positional().size() != 1) {
            throw new IllegalArgumentException("復元するバックアップファイルを1つ指定してください");
        }
        Path file = Path.of(options.positional().get(0)).toAbsolutePath();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("ファイルを読めません: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (!new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("PGDMP")) {
                throw new IllegalArgumentException(file + " は backup コマンドのバックアップ(pg_dump のカスタム形式)ではありません");
            }
        }
        Path dir = Path.of(options.get("data-dir", "./data/postgres")).toAbsolutePath().normalize();
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IllegalArgumentException(dir + " にはもうデータがあります。復元は新しいディレクトリに行います"
                    + "(今のデータを別の場所に移すか、--data-dir で空のディレクトリを指定してください)");
        }
        boolean restored = false;
        try (EmbeddedTarget target = EmbeddedTarget.started(dir)) {
            int serverMajor = target.serverMajorVersion();
            PostgresTools.Tool pgRestore = PostgresTools.find("pg_restore", serverMajor, options.named().get("pg-bin"));
            createApplicationRole(target);
            List<String> arguments = new ArrayList<>(List.of("--exit-on-error", "--single-transaction"));
            arguments.addAll(target.connectionOptions());
            arguments.add(file.toString());
            PostgresTools.Outcome outcome = PostgresTools.run(pgRestore, arguments);
            if (!outcome.succeeded()) {
                err.println("エラー: pg_restore が失敗しました(終了コード " + outcome.exitCode() + ")。"
                        + dir + " は作りませんでした");
                outcome.errors().forEach(line -> err.println("  " + line));
                return 1;
            }
            var dataSource = target.dataSource();
            VerificationReport report;
            long tables;
            try {
                report = AuditLog.verify(dataSource);
                tables = countTables(target);
            } finally {
                dataSource.destroy();
            }
            restored = true;
            out.printf("復元しました: %s (表 %d、pg_restore %d)%n", dir, tables, pgRestore.major());
            out.println("監査ログ " + report.entriesChecked() + " 件を検証しました: "
                    + (report.intact() ? "改ざんは見つかりません" : report.problems().size() + " 件の問題があります"));
            report.problems().forEach(p -> out.println("  " + p));
            out.println("起動: java -jar kaigo-platform.jar --kaigo.database.data-dir=" + dir);
            return report.intact() ? 0 : 1;
        } finally {
            if (!restored) {
                removeQuietly(dir);
            }
        }
    }

    /** The role the application works as (cluster-wide, so not in a database's dump); the backup's grants name it. */
    private static void createApplicationRole(EmbeddedTarget target) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'kaigo_app') then "
                    + "create role kaigo_app nologin; end if; end $$");
        } catch (SQLException e) {
            throw new IllegalArgumentException("新しいデータベースに役割 kaigo_app を作れません: " + e.getSQLState());
        }
    }

    private static long countTables(EmbeddedTarget target) {
        try (Connection c = target.connect(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') "
                        + "and n.nspname not like 'pg_toast%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalArgumentException("復元したデータベースを読めません: " + e.getSQLState());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void removeQuietly(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".owner"));
    }
}
