package jp.kaigo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own pg_dump and pg_restore, as the backup and restore commands run them: found where they
 * are usually installed, and taken only when their version is at least the server's (a pg_dump older
 * than its server refuses to dump it; PostgreSQL 17's tools read and write older servers too).
 */
final class PostgresTools {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    /** A tool and the major version it printed. */
    record Tool(Path executable, int major) {
    }

    /** What a tool printed and how it ended; the last lines of its errors, without any row's contents. */
    record Outcome(int exitCode, List<String> errors) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private PostgresTools() {
    }

    /**
     * The tool named {@code name} (pg_dump, pg_restore) of a version that handles a server of
     * {@code serverMajor}: in {@code pgBin} when given, else in {@code KAIGO_PG_BIN}, Debian's
     * /usr/lib/postgresql/N/bin, the directory bin/pg-client-17 fills, and the PATH.
     */
    static Tool find(String name, int serverMajor, String pgBin) {
        List<Path> candidates = new ArrayList<>();
        if (pgBin != null) {
            candidates.add(Path.of(pgBin).resolve(name));
        } else {
            String env = System.getenv("KAIGO_PG_BIN");
            if (env != null && !env.isBlank()) {
                candidates.add(Path.of(env).resolve(name));
            }
            Path debian = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    versions.sorted((a, b) -> Integer.compare(major(b), major(a)))
                            .forEach(v -> candidates.add(v.resolve("bin").resolve(name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String cache = System.getenv("XDG_CACHE_HOME");
            Path cacheDir = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache");
            candidates.add(cacheDir.resolve("kaigo/postgresql-17-client/bin").resolve(name));
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir).resolve(name));
                }
            }
        }
        Set<String> tooOld = new LinkedHashSet<>();
        for (Path candidate : candidates) {
            if (!Files.isExecutable(candidate)) {
                continue;
            }
            int major = versionOf(candidate);
            if (major >= serverMajor) {
                return new Tool(candidate, major);
            }
            tooOld.add(candidate + " (" + (major > 0 ? "PostgreSQL " + major : "版が分かりません") + ")");
        }
        throw new IllegalArgumentException(name + " が見つかりません。データベースは PostgreSQL " + serverMajor
                + " です。PostgreSQL " + serverMajor + " 以降の " + name + " が要ります"
                + (tooOld.isEmpty() ? "" : "(古すぎるもの: " + String.join(", ", tooOld) + ")")
                + "。bin/pg-client-17 が用意します。置き場所は --pg-bin で指定できます");
    }

    private static int major(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int versionOf(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return 0;
            }
            Matcher m = VERSION.matcher(printed);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Runs the tool to its end. Its error lines are kept except CONTEXT and DETAIL, where PostgreSQL may
     * quote a row (personal data must not reach the console or a log).
     */
    static Outcome run(Tool tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool.executable().toString());
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PGCONNECT_TIMEOUT", "10");
            builder.environment().put("LC_MESSAGES", "C");
            Process process = builder.start();
            List<String> errors = new ArrayList<>();
            try (var lines = process.errorReader(StandardCharsets.UTF_8).lines()) {
                lines.filter(line -> !line.matches("^(\\S+: )?(CONTEXT|DETAIL|LINE \\d+):.*"))
                        .forEach(line -> {
                            if (errors.size() < 20) {
                                errors.add(line);
                            }
                        });
            }
            return new Outcome(process.waitFor(), errors);
        } catch (IOException e) {
            throw new IllegalArgumentException(tool.executable() + " を実行できません: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
