package jp.kaigo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backup --out FILE}: the embedded database in one file, written by PostgreSQL's pg_dump (custom
 * format, compressed, one consistent snapshot while the platform goes on serving). The file holds
 * personal data: it is readable by its owner only, and appears only once complete.
 */
final class BackupCommand {
    private BackupCommand() {
    }

    static int run(Commands.Options options, PrintStream out, PrintStream err) throws IOException {
        Path file = Path.of(options.required("out")).toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " はもうあります。別の名前を指定してください(上書きしません)");
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("保存先のディレクトリがありません: " + file.getParent());
        }
        try (EmbeddedTarget target = options.named().containsKey("port")
                ? EmbeddedTarget.running(options.integer("port", 0))
                : EmbeddedTarget.of(Path.of(options.get("data-dir", "./data/postgres")).toAbsolutePath().normalize())) {
            int serverMajor = target.serverMajorVersion();
            PostgresTools.Tool pgDump = PostgresTools.find("pg_dump", serverMajor, options.named().get("pg-bin"));
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            List<String> arguments = new ArrayList<>(List.of("--format=custom", "--file=" + partial));
            arguments.addAll(target.connectionOptions());
            PostgresTools.Outcome dump = PostgresTools.run(pgDump, arguments);
            if (!dump.succeeded()) {
                Files.deleteIfExists(partial);
                err.println("エラー: pg_dump が失敗しました(終了コード " + dump.exitCode() + ")。ファイルは作っていません");
                dump.errors().forEach(line -> err.println("  " + line));
                return 1;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            out.printf("バックアップを保存しました: %s (%,d バイト、PostgreSQL %d のデータベースを pg_dump %d で)%n",
                    file, Files.size(file), serverMajor, pgDump.major());
            out.println("復元: java -jar kaigo-platform.jar restore " + file + " --data-dir 新しいディレクトリ");
            return 0;
        }
    }
}
