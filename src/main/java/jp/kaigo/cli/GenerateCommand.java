package jp.kaigo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kaigo.demo.SyntheticData;

/**
 * Writes synthetic municipality files and a {@code manifest.tsv} (insurer number, insurer name, record
 * type, file, rows; insured files first, the order to import them in).
 */
final class GenerateCommand {
    private GenerateCommand() {
    }

    static int run(Commands.Options options, PrintStream out) {
        Path dir = Path.of(options.required("out"));
        int persons = options.integer("persons", 3000);
        int municipalities = options.integer("municipalities", 3);
        long seed = options.integer("seed", 20_261_125);
        long started = System.nanoTime();
        var data = new SyntheticData(seed, municipalities);
        var files = data.writeCsv(dir, persons);
        List<String> manifest = new ArrayList<>();
        long rows = 0;
        for (var file : files) {
            String name = data.municipalities().stream().filter(m -> m.insurerNo().equals(file.insurerNo()))
                    .findFirst().orElseThrow().name();
            manifest.add(String.join("\t", file.insurerNo(), name, file.type().key(),
                    file.path().getFileName().toString(), String.valueOf(file.rows())));
            rows += file.rows();
        }
        try {
            Files.write(dir.resolve("manifest.tsv"), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("%,d 人分、%d ファイル、%,d 行を %s に書き出しました (%.1f 秒)%n", persons, files.size(), rows, dir,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
