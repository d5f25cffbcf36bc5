package jp.kaigo.cli;

import static jp.kaigo.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.kaigo.exchange.Receipt;
import jp.kaigo.identity.PlatformPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code receipt verify} (design §2.6.3, §8.1) as a party uses it offline: the receipts as the API answers them
 * (a JSON array of {@link Receipt} written by Jackson), the platform CA's certificate and the receipt certificate,
 * nothing else. The statements are written here from design §2.6.1, not by the platform's code, and signed with
 * the receipt key of a platform CA made for the test.
 */
class ReceiptCommandTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID DOCUMENT = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final String[][] STEPS = {{"-", "sent", "office:1310100019"}, {"sent", "delivered", "platform"},
        {"delivered", "read", "municipality:131016"}, {"read", "accepted", "municipality:131016"}};

    /** The receipt certificate is made now: the receipts are signed in its life. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;
    PlatformPki pki;
    List<Receipt> receipts;

    @BeforeEach
    void fourSignedReceipts() throws Exception {
        pki = PlatformPki.open(dir.resolve("pki"));
        PlatformPki.ReceiptSigner signer = pki.receiptSigner();
        receipts = new ArrayList<>();
        byte[] previous = null;
        for (int i = 0; i < STEPS.length; i++) {
            String text = "kaigo-receipt/1\n"
                    + "receipt=" + DOCUMENT + "/" + (i + 1) + "\n"
                    + "document=" + DOCUMENT + "\n"
                    + "kind=certification-application\nversion=1\nlayout=2026-1\n"
                    + "content-sha256=" + "ab".repeat(32) + "\n"
                    + "sender=office:1310100019\nsender-certificate=1f2e\nrecipient=municipality:131016\n"
                    + "from=" + STEPS[i][0] + "\nto=" + STEPS[i][1] + "\nby=" + STEPS[i][2] + "\nreason=-\n"
                    + "at=" + START.plusSeconds(i) + "\n"
                    + "previous=" + (previous == null ? "-" : HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(previous))) + "\n";
            byte[] statement = text.getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(signer.key());
            s.update(statement);
            receipts.add(new Receipt(DOCUMENT, i + 1, statement, s.sign(), signer.serial()));
            previous = statement;
        }
    }

    private String write(List<Receipt> list) throws Exception {
        Path file = dir.resolve("receipts-" + UUID.randomUUID() + ".json");
        Files.writeString(file, JSON.writeValueAsString(list));
        return file.toString();
    }

    private String ca() {
        return pki.caFile().toString();
    }

    private String cert() {
        return pki.directory().resolve("receipts.pem").toString();
    }

    @Test
    void aGoodChainVerifies() throws Exception {
        CommandRun r = run("receipt", "verify", "--receipt", write(receipts), "--ca", ca(), "--cert", cert());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains(DOCUMENT + "/1").contains("-→sent")
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.000 +09:00").withZone(ZoneId.of("Asia/Tokyo")).format(START))
                .endsWith("OK");
        assertThat(lines.get(3)).contains(DOCUMENT + "/4").contains("read→accepted").endsWith("OK");
        assertThat(lines.get(4)).contains("すべての受領証を検証しました(4件)");
    }

    @Test
    void theFileIsTheReceiptRecordAsJacksonWritesIt() throws Exception {
        var json = JSON.readTree(JSON.writeValueAsString(receipts)).get(0);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("documentId", "seq", "statement", "signature", "signerSerial");
        assertThat(json.get("documentId").asString()).isEqualTo(DOCUMENT.toString());
        assertThat(json.get("seq").asInt()).isEqualTo(1);
        assertThat(json.get("statement").asString()).isEqualTo(Base64.getEncoder().encodeToString(receipts.get(0).statement()));
        assertThat(json.get("signature").asString()).isEqualTo(Base64.getEncoder().encodeToString(receipts.get(0).signature()));
        assertThat(json.get("signerSerial").asString()).isEqualTo(pki.receiptSigner().serial());
    }

    @Test
    void aFlippedByteIsRefusedNamingTheReceipt() throws Exception {
        List<Receipt> changed = new ArrayList<>(receipts);
        byte[] statement = receipts.get(2).statement().clone();
        int at = new String(statement, StandardCharsets.UTF_8).indexOf("content-sha256=") + "content-sha256=".length();
        statement[at] = (byte) (statement[at] == 'a' ? 'b' : 'a');
        changed.set(2, new Receipt(DOCUMENT, 3, statement, receipts.get(2).signature(), receipts.get(2).signerSerial()));
        CommandRun r = run("receipt", "verify", "--receipt", write(changed), "--ca", ca(), "--cert", cert());
        assertThat(r.code()).isNotZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1)).contains(DOCUMENT + "/2").endsWith("OK");
        assertThat(lines.get(2)).contains(DOCUMENT + "/3").contains("NG").contains("署名が一致しません");
        // the next one names the original statement as its previous: the chain shows the change as well
        assertThat(lines.get(3)).contains(DOCUMENT + "/4").contains("NG").contains("つながりません");
        assertThat(lines.get(4)).contains("検証できない受領証があります: 2件");
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() throws Exception {
        PlatformPki other = PlatformPki.open(dir.resolve("other"));
        CommandRun r = run("receipt", "verify", "--receipt", write(receipts), "--ca", other.caFile().toString(),
                "--cert", cert());
        assertThat(r.code()).isNotZero();
        assertThat(r.out().lines().limit(4)).allSatisfy(line -> assertThat(line).contains("NG")
                .contains("この認証局(--ca)の発行したものではありません"));
        // the other CA's receipt certificate is not the one that signed them
        assertThat(other.receiptSigner().serial()).isNotEqualTo(receipts.get(0).signerSerial());
        CommandRun otherKey = run("receipt", "verify", "--receipt", write(receipts), "--ca", ca(), "--cert",
                other.directory().resolve("receipts.pem").toString());
        assertThat(otherKey.code()).isNotZero();
        assertThat(otherKey.out()).contains("が --cert にありません");
    }

    @Test
    void aRemovedReceiptShowsWhereTheGapIs() throws Exception {
        List<Receipt> withoutSecond = new ArrayList<>(receipts);
        withoutSecond.remove(1);
        CommandRun r = run("receipt", "verify", "--receipt", write(withoutSecond), "--ca", ca(), "--cert", cert());
        assertThat(r.code()).isNotZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).endsWith("OK");
        assertThat(lines.get(1)).contains(DOCUMENT + "/3").contains("NG").contains("つながりません");
        assertThat(lines.get(2)).contains(DOCUMENT + "/4").endsWith("OK");
    }

    @Test
    void aRevokedReceiptCertificateIsRefusedWhenTheCrlIsGiven() throws Exception {
        pki.revoke(pki.receiptSigner().certificate().getSerialNumber());
        String file = write(receipts);
        assertThat(run("receipt", "verify", "--receipt", file, "--ca", ca(), "--cert", cert()).code()).isZero();
        CommandRun r = run("receipt", "verify", "--receipt", file, "--ca", ca(), "--cert", cert(), "--crl",
                pki.directory().resolve("crl.pem").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.out()).contains("失効しています");
    }

    @Test
    void badFilesAreExplainedNotThrown() throws Exception {
        Path notJson = dir.resolve("bad.json");
        Files.writeString(notJson, "{\"documentId\": 1}");
        CommandRun r = run("receipt", "verify", "--receipt", notJson.toString(), "--ca", ca(), "--cert", cert());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("受領証の JSON 配列ではありません");
        CommandRun noCa = run("receipt", "verify", "--receipt", write(receipts), "--ca", notJson.toString(), "--cert", cert());
        assertThat(noCa.code()).isEqualTo(2);
        assertThat(noCa.err()).contains("--ca の証明書(PEM)を読めません");
        assertThat(run("receipt", "verify", "--receipt", write(receipts), "--ca", ca()).err()).contains("--cert を指定してください");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]");
        assertThat(run("receipt", "verify", "--receipt", empty.toString(), "--ca", ca(), "--cert", cert()).code()).isEqualTo(1);
    }
}
