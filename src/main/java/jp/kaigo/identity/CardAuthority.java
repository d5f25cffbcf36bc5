package jp.kaigo.identity;

import java.security.cert.X509Certificate;

/**
 * J-LIS, the issuer of the My Number card's certificates (公的個人認証サービス). The platform cannot
 * reach the real one here; {@link SimulatedJlis} stands in for it.
 */
public interface CardAuthority {

    /** Whether the card's 利用者証明用 certificate is J-LIS's, valid now and not revoked (J-LIS CRL). */
    boolean vouchesFor(X509Certificate authenticationCertificate);

    /**
     * Whether the 署名用 certificate is J-LIS's, valid, not revoked, and of the same card as the
     * 利用者証明用 one (the real J-LIS tells by the 署名用 certificate's 基本4情報; the simulation by its
     * card identifier).
     */
    boolean vouchesForSigning(X509Certificate signingCertificate, X509Certificate authenticationCertificate);

    /**
     * The serial number (hex) of the 利用者証明用 certificate that the one with {@code serial} replaced
     * when the card was renewed, if any (J-LIS's link between old and new certificates).
     */
    java.util.Optional<String> renewedFrom(String serial);
}
