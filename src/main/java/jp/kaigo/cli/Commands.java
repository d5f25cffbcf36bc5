package jp.kaigo.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the command-line tools: {@code java -jar kaigo-platform.jar <command> [options]}. */
public final class Commands {
    private Commands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && List.of("generate", "import", "help").contains(args[0]);
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "generate" -> GenerateCommand.run(options, out);
                case "import" -> ImportCommand.run(options, out, err);
                default -> {
                    out.println(usage());
                    yield 0;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("エラー: " + e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    static String usage() {
        return """
                使い方:
                  generate --out DIR [--persons 3000] [--municipalities 3] [--seed 20261125]
                      合成データ(市町村インタフェースのCSV)を DIR に書き出します
                  import --insurer 保険者番号 --type 種別 FILE [--mode full|differential] [--url http://localhost:8080]
                         [--format csv|json] [--charset UTF-8|Windows-31J]
                      ファイルを取り込みます(進捗を表示)。種別: insured, care-certificate, burden-ratio,
                      burden-limit, home-modification, welfare-equipment""";
    }

    /** {@code --name value} pairs and positional arguments. */
    record Options(Map<String, String> named, List<String> positional) {
        static Options parse(String[] args) {
            Map<String, String> named = new HashMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " に値がありません");
                    }
                    named.put(args[i].substring(2), args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
            return new Options(named, positional);
        }

        String get(String name, String fallback) {
            return named.getOrDefault(name, fallback);
        }

        String required(String name) {
            String value = named.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " を指定してください");
            }
            return value;
        }

        int integer(String name, int fallback) {
            try {
                return Integer.parseInt(get(name, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " は整数で指定してください");
            }
        }
    }
}
