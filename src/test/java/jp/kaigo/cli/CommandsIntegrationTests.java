package jp.kaigo.cli;

import static jp.kaigo.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The command-line tools as an operator uses them: generate files, then upload one with progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandsIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;

    @Test
    void generatesFilesAndImportsOneShowingProgress(@TempDir Path dir) throws Exception {
        CommandRun generate = run("generate", "--out", dir.toString(), "--persons", "500", "--municipalities", "1", "--seed", "3");
        assertThat(generate.code()).isZero();
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.tsv"));
        assertThat(manifest).hasSize(6);
        String[] insured = manifest.get(0).split("\t");
        assertThat(insured[2]).isEqualTo("insured");

        CommandRun issued = run("pki", "issue", "--dir", pki.directory().toString(), "--kind", "municipality", "--number",
                insured[0], "--name", insured[1], "--password", "secret", "--out", dir.toString());
        assertThat(issued.code()).as(issued.err()).isZero();
        Path cert = dir.resolve("municipality-" + insured[0] + ".p12");
        IssuedCredential registering = pki.issue(Party.municipality(insured[0]), insured[1], Duration.ofMinutes(5));
        HttpClient.newBuilder().sslContext(registering.sslContext(pki.caCertificate())).build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/insurers/" + insured[0]))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + insured[1] + "\"}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        CommandRun wrongPassword = run("import", "--url", "https://localhost:" + port, "--insurer", insured[0], "--type", "insured",
                "--cert", cert.toString(), "--password", "wrong", "--cacert", pki.caFile().toString(),
                dir.resolve(insured[3]).toString());
        assertThat(wrongPassword.code()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("パスワード");
        // the generated file is the municipality's complete state: a 全量 import, asked for by name (差分 is the default)
        CommandRun imported = run("import", "--url", "https://localhost:" + port, "--insurer", insured[0], "--type", "insured",
                "--mode", "full", "--cert", cert.toString(), "--password", "secret", "--cacert", pki.caFile().toString(),
                dir.resolve(insured[3]).toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("送信中").contains("100.0%").contains("完了");
        assertThat(imported.out()).contains("\"status\":\"COMPLETED\"").contains("\"inserted\":" + insured[4]);

        // the header and the first person only: as a 全量 file it would delete the others, so it waits (exit code 3)
        byte[] whole = Files.readAllBytes(dir.resolve(insured[3]));
        int cut = 0;
        for (int lines = 0; lines < 2; cut++) {
            lines += whole[cut] == '\n' ? 1 : 0;
        }
        Path fewer = dir.resolve("fewer-" + insured[3]);
        Files.write(fewer, java.util.Arrays.copyOf(whole, cut));
        CommandRun held = run("import", "--url", "https://localhost:" + port, "--insurer", insured[0], "--type", "insured",
                "--mode", "full", "--cert", cert.toString(), "--password", "secret", "--cacert", pki.caFile().toString(),
                fewer.toString());
        assertThat(held.code()).as(held.err()).isEqualTo(3);
        assertThat(held.out()).contains("\"wouldDelete\":" + (Long.parseLong(insured[4]) - 1)).contains("confirmUrl");
        assertThat(held.err()).contains("確認を待っています");
    }

    @Test
    void totpPrintsTheCodeAnAuthenticatorAppWouldShow() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        String base32 = Base32.toBase32String(secret);
        CommandRun run = run("totp", "--secret", base32.replace("=", "").toLowerCase());
        assertThat(run.code()).isZero();
        long step = Totp.step(Instant.now());
        assertThat(run.out().strip()).isIn(Totp.code(secret, step), Totp.code(secret, step - 1));
        // RFC 6238 appendix B, SHA-1, T = 59 s
        assertThat(Totp.code(secret, 1)).isEqualTo("287082");
        assertThat(run("totp", "--secret", "not base32!").code()).isEqualTo(2);
    }

    @Test
    void issuesASimulatedCardAndSignsAChallengeWithItsPin(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("card.p12");
        CommandRun issued = run("card", "issue", "--jlis", dir.resolve("jlis").toString(), "--out", card.toString(),
                "--pin", "1234", "--sign-pin", "abc12345");
        assertThat(issued.code()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("\"certificate\":\"");
        byte[] challenge = new byte[32];
        CommandRun signed = run("card", "sign", "--card", card.toString(), "--pin", "1234", "--challenge",
                java.util.Base64.getEncoder().encodeToString(challenge));
        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("\"signature\":\"");
        assertThat(run("card", "sign", "--card", card.toString(), "--pin", "9999", "--challenge", "AAAA").err())
                .contains("暗証番号");
        assertThat(run("card", "issue", "--jlis", dir.resolve("jlis").toString(), "--out", dir.resolve("b.p12").toString(),
                "--pin", "12", "--sign-pin", "abc12345").err()).contains("数字4桁");
    }

    @Test
    void explainsWrongUsage() {
        CommandRun run = run("import", "--insurer");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--insurer に値がありません").contains("使い方");
        CommandRun missingFile = run("import", "--insurer", "131011", "--type", "insured", "/no/such/file.csv");
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("ファイルを読めません");
    }
}
