package jp.kaigo.identity;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Optional;
import jp.kaigo.shared.StatementSigner;
import org.springframework.stereotype.Component;

/**
 * The platform's receipt signer (design §2.6.2): statements are signed with the receipt key of {@link PlatformPki}
 * and verified against the receipt certificate they name, current or past.
 */
@Component
class ReceiptKeys implements StatementSigner {
    private final PlatformPki pki;

    ReceiptKeys(PlatformPki pki) {
        this.pki = pki;
    }

    @Override
    public Signed sign(byte[] statement) {
        PlatformPki.ReceiptSigner signer = pki.receiptSigner();
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(signer.key());
            signature.update(statement);
            return new Signed(signature.sign(), signer.serial());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(byte[] statement, byte[] signature, String signerSerial, Instant signedAt) {
        return pki.receiptCertificate(signerSerial)
                .map(cert -> pki.verifyReceipt(statement, signature, cert, signedAt))
                .orElse(false);
    }

    @Override
    public Optional<String> certificatePem(String signerSerial) {
        return pki.receiptCertificate(signerSerial).map(Pem::certificate);
    }
}
