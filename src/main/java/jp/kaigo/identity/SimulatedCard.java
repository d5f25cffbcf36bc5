package jp.kaigo.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A simulated My Number card: the 利用者証明用 key and certificate (authentication, PIN of 4 digits) and
 * the 署名用 key and certificate (signing, PIN of 6–16 characters), as a PKCS#12 file whose store
 * password is the authentication PIN and whose signing key is protected by the signing PIN.
 */
public record SimulatedCard(X509Certificate authCertificate, PrivateKey authKey, X509Certificate signCertificate,
        PrivateKey signKey, X509Certificate jlisCa) {
    static final String AUTH = "auth";
    static final String SIGN = "sign";

    public void write(Path file, String authPin, String signPin) {
        if (authPin == null || !authPin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("利用者証明用の暗証番号は数字4桁です");
        }
        if (signPin == null || !signPin.matches("[A-Za-z0-9]{6,16}")) {
            throw new IllegalArgumentException("署名用の暗証番号は英数字6〜16文字です");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(AUTH, authKey, authPin.toCharArray(), new Certificate[] {authCertificate, jlisCa});
            store.setKeyEntry(SIGN, signKey, signPin.toCharArray(), new Certificate[] {signCertificate, jlisCa});
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, authPin.toCharArray());
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
