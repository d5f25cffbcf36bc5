package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's TLS server certificate stays within what browsers accept: Safari and every Apple platform
 * refuse a server certificate valid for more than 398 days.
 */
class ServerCertificateTests {
    @Test
    void aNewPlatformGetsACertificateBrowsersAccept(@TempDir Path dir) {
        assertThat(lifeInDays(PlatformPki.open(dir))).isLessThanOrEqualTo(398);
    }

    @Test
    void aTooLongLivedCertificateFromAnEarlierVersionIsReplacedAtStart(@TempDir Path dir) {
        PlatformPki pki = PlatformPki.open(dir);
        pki.issueServer(Duration.ofDays(825));
        assertThat(lifeInDays(pki)).isGreaterThan(398);
        assertThat(lifeInDays(PlatformPki.open(dir))).isLessThanOrEqualTo(398);
    }

    @Test
    void aCertificateNearItsEndIsReplacedAtStart(@TempDir Path dir) {
        PlatformPki pki = PlatformPki.open(dir);
        pki.issueServer(Duration.ofDays(10));
        X509Certificate renewed = Pem.readCertificate(PlatformPki.open(dir).serverCertificateFile());
        assertThat(Duration.between(renewed.getNotBefore().toInstant(), renewed.getNotAfter().toInstant()).toDays())
                .isGreaterThan(300);
    }

    private static long lifeInDays(PlatformPki pki) {
        X509Certificate server = Pem.readCertificate(pki.serverCertificateFile());
        return Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()).toDays();
    }
}
