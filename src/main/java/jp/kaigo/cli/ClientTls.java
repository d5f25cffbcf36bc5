package jp.kaigo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.shared.Party;

/**
 * The client side of mutual TLS for the commands: {@code --cert} (a PKCS#12 file), {@code --password}
 * and {@code --cacert} (the platform CA). Without them, the demo certificates under
 * {@code --pki} (default {@code ./data/pki}) are used.
 */
final class ClientTls {
    private ClientTls() {
    }

    static SSLContext fromOptions(Commands.Options options, Party demoParty) {
        Path pki = Path.of(options.get("pki", "data/pki"));
        Path cert = Path.of(options.get("cert", pki.resolve("demo").resolve(IssuedCredential.fileBase(demoParty) + ".p12").toString()));
        Path ca = Path.of(options.get("cacert", pki.resolve("ca.pem").toString()));
        char[] password = options.get("password", "demo").toCharArray();
        if (!Files.isReadable(cert)) {
            throw new IllegalArgumentException("クライアント証明書を読めません: " + cert + " (--cert で指定してください)");
        }
        if (!Files.isReadable(ca)) {
            throw new IllegalArgumentException("認証局の証明書を読めません: " + ca + " (--cacert で指定してください)");
        }
        try (InputStream keys = Files.newInputStream(cert); InputStream caIn = Files.newInputStream(ca)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(keys, password);
            X509Certificate trusted = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(caIn);
            return IssuedCredential.sslContext(store, password, trusted);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("証明書を読み込めません(パスワードまたはファイル形式を確認してください): " + cert);
        }
    }
}
