package jp.kaigo.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import javax.net.ssl.HttpsURLConnection;
import jp.kaigo.shared.Party;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads one municipality file to a running platform, streaming it (the file is never read into
 * memory), with a progress line on standard error; prints the import report on standard output.
 */
final class ImportCommand {
    private ImportCommand() {
    }

    static int run(Commands.Options options, PrintStream out, PrintStream err) {
        if (options.positional().size() != 1) {
            throw new IllegalArgumentException("取り込むファイルを1つ指定してください");
        }
        Path file = Path.of(options.positional().get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("ファイルを読めません: " + file);
        }
        String insurer = options.required("insurer");
        String url = options.get("url", "https://localhost:8443") + "/api/municipalities/" + insurer
                + "/files/" + options.required("type") + "?mode=" + options.get("mode", "differential")
                + "&name=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                + (options.named().containsKey("charset") ? "&charset=" + options.get("charset", "") : "")
                + (options.named().containsKey("omit")
                        ? "&omit=" + URLEncoder.encode(options.get("omit", ""), StandardCharsets.UTF_8) : "");
        String format = options.get("format", file.toString().toLowerCase().endsWith(".json") ? "json" : "csv");
        try {
            long size = Files.size(file);
            HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
            if (http instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(ClientTls.fromOptions(options, Party.municipality(insurer)).getSocketFactory());
            }
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setChunkedStreamingMode(1 << 16);
            http.setRequestProperty("Content-Type", format.equals("json") ? "application/json" : "text/csv");
            long started = System.nanoTime();
            try (InputStream in = new Progress(Files.newInputStream(file), size, err, started);
                    OutputStream body = http.getOutputStream()) {
                in.transferTo(body);
            }
            err.print("\rサーバで取り込み中…                                        ");
            int status = http.getResponseCode();
            String answer = new String((status < 400 ? http.getInputStream() : http.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
            err.printf("\r完了 (%.1f 秒)                                              %n", (System.nanoTime() - started) / 1e9);
            out.println(answer);
            if (status == 409) {
                // a 全量 file that deletes records waits for the municipality's confirmation (nothing changed yet)
                err.println("この全量ファイルは記録を削除するため、確認を待っています(まだ何も変更していません)。"
                        + "wouldDelete の件数を確かめ、expiresAt までに confirmUrl へ POST して取り込むか、"
                        + "cancelUrl へ POST して取り消してください");
                return 3;
            }
            return status == 200 ? 0 : 1;
        } catch (IOException e) {
            err.println("送信できませんでした: " + e.getMessage());
            return 1;
        }
    }

    /** Counts bytes sent and redraws a progress line at most twice a second. */
    private static final class Progress extends FilterInputStream {
        private final long size;
        private final PrintStream err;
        private final long started;
        private long sent;
        private long lastDraw;

        Progress(InputStream in, long size, PrintStream err, long started) {
            super(in);
            this.size = size;
            this.err = err;
            this.started = started;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sent += n;
                long now = System.nanoTime();
                if (now - lastDraw > 500_000_000L || sent == size) {
                    lastDraw = now;
                    double seconds = Math.max(1e-9, (now - started) / 1e9);
                    err.printf("\r送信中 %5.1f%%  %,.1f / %,.1f MB  %,.1f MB/s", size == 0 ? 100.0 : sent * 100.0 / size,
                            sent / 1e6, size / 1e6, sent / 1e6 / seconds);
                }
            }
            return n;
        }
    }
}
