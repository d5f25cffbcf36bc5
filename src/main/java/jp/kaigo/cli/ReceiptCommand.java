package jp.kaigo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.kaigo.exchange.Receipt;
import jp.kaigo.exchange.ReceiptChain;
import jp.kaigo.exchange.ReceiptVerdict;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.PlatformPki.ReceiptSignature;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code receipt verify}: checks a document's signed receipts offline (design §2.6.3, §8.1), with nothing but files.
 * The receipts file is what {@code GET /api/exchange/documents/{insurerNo}/{insuredNo}/{id}/receipts} answers: a JSON
 * array of {@link Receipt} as Jackson writes it ({@code documentId}, {@code seq}, {@code statement} and
 * {@code signature} in base64, {@code signerSerial} in hexadecimal). A receipt names its signing certificate by serial
 * only, so the receipt certificates come in {@code --cert} (one PEM file, one or more certificates: the platform's
 * {@code receipts-<serial>.pem} of its PKI directory, or what {@code DocumentExchange.receiptCertificate(serial)}
 * answers); each must be issued by the CA of {@code --ca}. Without {@code --crl} revocation is not checked (said in the output).
 * One line per receipt; exit code 0 only when every receipt verifies and the list is one unbroken chain.
 */
final class ReceiptCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private ReceiptCommand() {
    }

    static int run(Commands.Options options, PrintStream out) throws IOException {
        if (options.positional().isEmpty() || !options.positional().get(0).equals("verify")) {
            throw new IllegalArgumentException("receipt の後に verify を指定してください");
        }
        List<Receipt> receipts = receipts(Path.of(options.required("receipt")));
        X509Certificate ca = onlyCertificate(Path.of(options.required("ca")), "--ca");
        Map<String, X509Certificate> signers = new HashMap<>();
        for (X509Certificate cert : certificates(Path.of(options.required("cert")), "--cert")) {
            signers.put(cert.getSerialNumber().toString(16), cert);
        }
        Predicate<X509Certificate> revoked = c -> false;
        String crlFile = options.get("crl", null);
        if (crlFile != null) {
            X509CRL crl = crl(Path.of(crlFile), ca);
            revoked = crl::isRevoked;
        }
        if (receipts.isEmpty()) {
            out.println("受領証がありません");
            return 1;
        }
        Predicate<X509Certificate> isRevoked = revoked;
        List<ReceiptVerdict> verdicts = ReceiptChain.check(receipts, (r, at) -> {
            X509Certificate signer = r.signerSerial() == null ? null : signers.get(r.signerSerial().toLowerCase());
            if (signer == null) {
                return "署名した証明書(シリアル番号 " + r.signerSerial() + ")が --cert にありません";
            }
            ReceiptSignature check = PlatformPki.checkReceipt(ca, isRevoked, r.statement(), r.signature(), signer, at);
            return check == ReceiptSignature.VALID ? null : reason(check);
        });
        int broken = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            ReceiptVerdict v = verdicts.get(i);
            Receipt r = receipts.get(i);
            String name = "受領証 " + r.documentId() + "/" + r.seq();
            String when = v.at() == null ? "-" : TIME.format(v.at());
            String step = v.step() == null ? "-" : v.step();
            if (v.verified()) {
                out.println(v.position() + "  " + name + "  " + step + "  " + when + "  OK");
            } else {
                broken++;
                out.println(v.position() + "  " + name + "  " + step + "  " + when + "  NG  " + reason(v));
            }
        }
        out.println(broken == 0 ? "すべての受領証を検証しました(" + verdicts.size() + "件)" + (crlFile == null ? "。失効は確認していません(--crl)" : "")
                : "検証できない受領証があります: " + broken + "件 / " + verdicts.size() + "件");
        return broken == 0 ? 0 : 1;
    }

    private static String reason(ReceiptVerdict v) {
        return switch (v.problem()) {
            case FORMAT -> "受領証の形式が正しくありません(文書番号・連番が本文と一致しない、または本文を読めません)";
            case SIGNATURE -> v.detail();
            case CHAIN -> "前の受領証とつながりません(受領証の削除・並べ替え、または別の文書の受領証です)";
        };
    }

    private static String reason(ReceiptSignature check) {
        return switch (check) {
            case NOT_ISSUED_BY_CA -> "署名した証明書がこの認証局(--ca)の発行したものではありません";
            case OUTSIDE_VALIDITY -> "署名の日時が証明書の有効期間外です";
            case NOT_FOR_RECEIPTS -> "署名した証明書は受領証の署名用ではありません";
            case REVOKED -> "署名した証明書は失効しています";
            case BAD_SIGNATURE -> "署名が一致しません(受領証が変更されています)";
            case VALID -> null;
        };
    }

    private static List<Receipt> receipts(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("ファイルを読めません: " + file);
        }
        try {
            List<Receipt> receipts = JSON.readValue(file.toFile(), new TypeReference<List<Receipt>>() {
            });
            if (receipts == null || receipts.contains(null)) {
                throw new IllegalArgumentException("--receipt は受領証の JSON 配列ではありません: " + file);
            }
            return receipts;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("--receipt は受領証の JSON 配列ではありません: " + file);
        }
    }

    private static X509Certificate onlyCertificate(Path file, String option) {
        List<X509Certificate> certs = certificates(file, option);
        if (certs.size() != 1) {
            throw new IllegalArgumentException(option + " には証明書を1つだけ含む PEM ファイルを指定してください: " + file);
        }
        return certs.get(0);
    }

    private static List<X509Certificate> certificates(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(option + " に証明書がありません: " + file);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(option + " の証明書(PEM)を読めません: " + file);
        }
    }

    private static X509CRL crl(Path file, X509Certificate ca) {
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            crl.verify(ca.getPublicKey());
            return crl;
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("--crl はこの認証局の失効リスト(PEM)ではありません: " + file);
        }
    }
}
