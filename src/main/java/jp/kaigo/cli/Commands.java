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
        return args.length > 0 && List.of("generate", "import", "master", "pki", "totp", "card", "audit", "backup", "restore", "receipt", "help").contains(args[0]);
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "generate" -> GenerateCommand.run(options, out);
                case "import" -> ImportCommand.run(options, out, err);
                case "master" -> MasterCommand.run(options, out, err);
                case "pki" -> PkiCommand.run(options, out);
                case "totp" -> TotpCommand.run(options, out);
                case "card" -> CardCommand.run(options, out);
                case "audit" -> AuditCommand.run(options, out);
                case "backup" -> BackupCommand.run(options, out, err);
                case "restore" -> RestoreCommand.run(options, out, err);
                case "receipt" -> ReceiptCommand.run(options, out);
                default -> {
                    out.println(usage());
                    yield 0;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("エラー: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("エラー: ファイルを読み書きできません: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                使い方:
                  generate --out DIR [--persons 3000] [--municipalities 3] [--seed 20261125]
                      合成データ(市町村インタフェースのCSV)を DIR に書き出します
                  import --insurer 保険者番号 --type 種別 FILE [--mode differential|full(既定: differential)] [--url https://localhost:8443]
                         [--format csv|json] [--charset UTF-8|Windows-31J] [--omit 列,列(意図して省略する列: 登録済みの値を保持)]
                         [--cert 保険者の証明書.p12 --password パスワード --cacert ca.pem | --pki data/pki]
                      ファイルを取り込みます(進捗を表示)。種別: insured, care-certificate, burden-ratio,
                      burden-limit, home-modification, welfare-equipment。証明書を省くとデモ証明書を使います
                  master --kind publication|designations|institutions FILE [--operator 運営者番号] [--url https://localhost:8443]
                         [--cert 証明書.p12 --password パスワード --cacert ca.pem | --pki data/pki]
                      事業所台帳を送ります: 介護サービス情報公表のオープンデータ(jigyosho_NNN.csv)、指定の一覧
                      (事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者)、医療機関とみなし指定
                  pki init [--dir data/pki]
                      プラットフォームの認証局とサーバ証明書を作ります(起動時にも自動で作られます)
                  pki issue --kind municipality|office|medical-institution|operator --number 番号 --name 名称
                            --password パスワード [--out DIR] [--days 365] [--dir data/pki]
                      クライアント証明書を発行します(PKCS#12 と PEM)
                  pki revoke --serial 16進シリアル番号 [--dir data/pki]
                      証明書を失効させます(稼働中のサーバは次の要求から拒否します)
                  totp --secret BASE32
                      ワンタイムパスワードを表示します(認証アプリの代わり。デモ・試験用)
                  card issue --out card.p12 --pin 4桁 --sign-pin 英数字6〜16文字 [--jlis data/pki/jlis]
                      模擬 J-LIS がマイナンバーカード(模擬)を発行し、紐付け用の証明書を表示します
                  card sign --card card.p12 --pin 4桁 --challenge BASE64
                      カードでチャレンジに署名します(カードリーダーアプリの代わり)
                  audit verify --jdbc-url jdbc:postgresql://ホスト:ポート/postgres [--user postgres] [--password …]
                      監査ログのハッシュチェーンを検証し、改ざん・挿入・削除を報告します(問題があれば終了コード1)
                  backup --out FILE [--data-dir data/postgres | --port 番号] [--pg-bin DIR]
                      組み込みデータベースを pg_dump で1つのファイルに保存します(稼働中でも止まっていても。
                      PostgreSQL 17 以降の pg_dump が要ります: bin/pg-client-17 が用意します)
                  restore FILE [--data-dir data/postgres] [--pg-bin DIR]
                      バックアップを新しい(空の)ディレクトリに pg_restore で復元し、監査ログを検証します
                      (問題があれば終了コード1。既存のデータは上書きしません)
                  receipt verify --receipt 受領証.json --ca ca.pem --cert 受領証の証明書.pem [--crl crl.pem]
                      文書の受領証(受領証 API の JSON)の署名と連鎖をオフラインで検証し、1件ずつ OK/NG を表示します
                      (すべて検証できたときだけ終了コード0)""";
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
