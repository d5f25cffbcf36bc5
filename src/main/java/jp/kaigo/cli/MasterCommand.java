package jp.kaigo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.HttpsURLConnection;
import jp.kaigo.shared.Party;

/**
 * Sends an office-master file (事業所台帳) to a running platform: the MHLW open-data file as published, a
 * designation file, or the medical institutions with their みなし指定; prints the report (every problem with its
 * line, field and reason when the file is refused).
 */
final class MasterCommand {
    /** The demo operator's number (its certificate is issued with the demo data). */
    static final String DEMO_OPERATOR = "1";

    private MasterCommand() {
    }

    static int run(Commands.Options options, PrintStream out, PrintStream err) {
        if (options.positional().size() != 1) {
            throw new IllegalArgumentException("送るファイルを1つ指定してください");
        }
        Path file = Path.of(options.positional().get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("ファイルを読めません: " + file);
        }
        String path = switch (options.required("kind")) {
            case "publication" -> "/api/master/publication?name="
                    + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
            case "designations" -> "/api/master/designations";
            case "institutions" -> "/api/master/medical-institutions";
            default -> throw new IllegalArgumentException("--kind は publication, designations, institutions のいずれかです");
        };
        String operator = options.get("operator", DEMO_OPERATOR);
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create(options.get("url", "https://localhost:8443") + path)
                    .toURL().openConnection();
            if (http instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(ClientTls.fromOptions(options, Party.operator(operator)).getSocketFactory());
            }
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "text/csv");
            http.getOutputStream().write(Files.readAllBytes(file));
            int status = http.getResponseCode();
            out.println(new String((status < 400 ? http.getInputStream() : http.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8));
            return status == 200 ? 0 : 1;
        } catch (IOException e) {
            err.println("送信できませんでした: " + e.getMessage());
            return 1;
        }
    }
}
