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

    /** Signs the challenge with the card's 利用者証明用 key (PIN: the 4-digit one). */
    public static SignedChallenge sign(Path cardFile, String pin, byte[] challenge) {
        return signWith(cardFile, SimulatedCard.AUTH, pin, challenge);
    }

    /** Signs a statement with the card's 署名用 key (PIN: the 6–16 character one). */
    public static SignedChallenge signStatement(Path cardFile, String signPin, byte[] statement) {
        return signWith(cardFile, SimulatedCard.SIGN, signPin, statement);
    }

    private static SignedChallenge signWith(Path cardFile, String alias, String pin, byte[] data) {
        try (InputStream in = Files.newInputStream(cardFile)) {
            KeyStore card = KeyStore.getInstance("PKCS12");
            card.load(in, pin.toCharArray());
            PrivateKey key = (PrivateKey) card.getKey(alias, pin.toCharArray());
            return sign((X509Certificate) card.getCertificate(alias), key, data);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
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
