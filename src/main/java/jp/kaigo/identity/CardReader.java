package jp.kaigo.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * The card-reader app's part, simulated: with the PIN, the card signs the platform's one-time
 * challenge with its 利用者証明用 key (SHA256withECDSA) and hands over its certificate.
 */
public final class CardReader {
    private CardReader() {
    }

    /** The certificate (DER) and the signature to relay to the platform. */
    public record SignedChallenge(byte[] certificate, byte[] signature) {
    }

    public static SignedChallenge sign(Path cardFile, String pin, byte[] challenge) {
        try (InputStream in = Files.newInputStream(cardFile)) {
            KeyStore card = KeyStore.getInstance("PKCS12");
            card.load(in, pin.toCharArray());
            PrivateKey key = (PrivateKey) card.getKey(SimulatedCard.AUTH, pin.toCharArray());
            return sign((X509Certificate) card.getCertificate(SimulatedCard.AUTH), key, challenge);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("カードを読めません(暗証番号またはファイルを確認してください)");
        }
    }

    public static SignedChallenge sign(X509Certificate certificate, PrivateKey key, byte[] challenge) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(challenge);
            return new SignedChallenge(certificate.getEncoded(), signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
