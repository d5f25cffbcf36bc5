package jp.kaigo.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * Signs statements with the platform's receipt key and verifies them later (docs/design/certification-online.md
 * §2.6.2). Implemented by {@code identity} with a certificate issued by the platform CA, so a records module can
 * sign without depending on the people level. Old receipt certificates are kept: a statement signed before a
 * renewal still verifies.
 */
public interface StatementSigner {

    /** The DER ECDSA-SHA256 signature and the hexadecimal serial of the certificate that verifies it. */
    record Signed(byte[] signature, String signerSerial) {
    }

    Signed sign(byte[] statement);

    /**
     * Whether the signature over the statement verifies with the receipt certificate of that serial, which the
     * platform CA issued, which was valid at {@code signedAt} and is not revoked.
     */
    boolean verify(byte[] statement, byte[] signature, String signerSerial, Instant signedAt);

    /** The receipt certificate of that serial, PEM, for a party that verifies offline. */
    Optional<String> certificatePem(String signerSerial);
}
