package jp.kaigo.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * SIMULATOR of J-LIS for development and tests: a test CA (in {@code <pki dir>/jlis}) that issues
 * simulated My Number cards with real keys and certificates, renews them (recording which
 * certificate replaced which, in {@code renewals.tsv}) and revokes them through its own CRL.
 * Its certificates carry no 個人番号 and no personal data (a random card ID only).
 */
public final class SimulatedJlis implements CardAuthority {
    private static final Duration CARD_VALIDITY = Duration.ofDays(5 * 365);
    private final PlatformPki ca;
    private final Path renewals;

    private SimulatedJlis(PlatformPki ca) {
        this.ca = ca;
        this.renewals = ca.directory().resolve("renewals.tsv");
    }

    public static SimulatedJlis open(Path dir) {
        return new SimulatedJlis(PlatformPki.open(dir, "J-LIS test CA (simulated)", false));
    }

    /** A new card: fresh key pairs for authentication and signing, certificates from this CA. */
    public SimulatedCard issueCard() {
        String cardId = UUID.randomUUID().toString();
        KeyPair auth = PlatformPki.newKeyPair();
        KeyPair sign = PlatformPki.newKeyPair();
        X509Certificate authCert = ca.issueFor(subject(cardId, "利用者証明用"), auth.getPublic(), CARD_VALIDITY,
                KeyUsage.digitalSignature);
        X509Certificate signCert = ca.issueFor(subject(cardId, "署名用"), sign.getPublic(), CARD_VALIDITY,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        return new SimulatedCard(authCert, auth.getPrivate(), signCert, sign.getPrivate(), ca.caCertificate());
    }

    /**
     * Renews a card (new keys and certificates, as when a card expires or is reissued): the old
     * 利用者証明用 certificate is revoked and J-LIS records which certificate replaced it.
     */
    public synchronized SimulatedCard renew(SimulatedCard old) {
        SimulatedCard renewed = issueCard();
        try {
            Files.writeString(renewals, old.authCertificate().getSerialNumber().toString(16) + "\t"
                    + renewed.authCertificate().getSerialNumber().toString(16) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        revoke(old.authCertificate());
        return renewed;
    }

    @Override
    public synchronized Optional<String> renewedFrom(String serial) {
        try {
            if (!Files.exists(renewals)) {
                return Optional.empty();
            }
            return Files.readAllLines(renewals, StandardCharsets.US_ASCII).stream().map(l -> l.split("\t"))
                    .filter(cells -> cells.length == 2 && cells[1].equals(serial)).map(cells -> cells[0]).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void revoke(X509Certificate cert) {
        ca.revoke(cert.getSerialNumber());
    }

    public X509Certificate caCertificate() {
        return ca.caCertificate();
    }

    @Override
    public boolean vouchesFor(X509Certificate authenticationCertificate) {
        return ca.vouchesFor(authenticationCertificate);
    }

    @Override
    public boolean vouchesForSigning(X509Certificate signingCertificate, X509Certificate authenticationCertificate) {
        X500Name signing = X500Name.getInstance(signingCertificate.getSubjectX500Principal().getEncoded());
        X500Name authentication = X500Name.getInstance(authenticationCertificate.getSubjectX500Principal().getEncoded());
        return ca.vouchesFor(signingCertificate) && "署名用".equals(rdn(signing, BCStyle.OU))
                && rdn(signing, BCStyle.CN) != null && rdn(signing, BCStyle.CN).equals(rdn(authentication, BCStyle.CN));
    }

    private static String rdn(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }

    private static X500Name subject(String cardId, String use) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "J-LIS (simulated)").addRDN(BCStyle.OU, use)
                .addRDN(BCStyle.CN, cardId).build();
    }
}
