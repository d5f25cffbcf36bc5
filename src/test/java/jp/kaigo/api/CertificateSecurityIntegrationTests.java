package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may connect, and what each kind of party may touch (mutual TLS 1.3, national-design.md A5). */
class CertificateSecurityIntegrationTests extends MunicipalityApiTests {
    private static final String ELIGIBILITY = "{\"insurerNo\":\"%s\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}";

    @Test
    void aRequestWithoutACertificateIsRefusedButHealthAnswers() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(IssuedCredential.anonymous(pki.caCertificate())).build();
        HttpResponse<String> eligibility = anonymous.send(HttpRequest.newBuilder(uri("/api/eligibility"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        ELIGIBILITY.formatted(insurer))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(eligibility.statusCode()).isEqualTo(401);
        assertThat(eligibility.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(eligibility.body()).contains("クライアント証明書");
        HttpResponse<String> health = anonymous.send(HttpRequest.newBuilder(uri("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateOfAnotherCaIsRefused(@TempDir Path otherCa) {
        PlatformPki other = PlatformPki.open(otherCa);
        IssuedCredential foreign = other.issue(Party.municipality(insurer), "偽の市", Duration.ofDays(1));
        assertRefused(new ApiClient(port, sslContext(foreign)));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        IssuedCredential expired = pki.issue(Party.municipality(insurer), "期限切れ", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        assertRefused(new ApiClient(port, expired.sslContext(pki.caCertificate())));
    }

    @Test
    void aRevokedCertificateIsRefusedFromTheNextRequestOn() {
        IssuedCredential credential = pki.issue(Party.municipality(insurer), "失効予定", Duration.ofDays(1));
        ApiClient client = new ApiClient(port, credential.sslContext(pki.caCertificate()));
        assertThat(client.get("/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        pki.revoke(credential.certificate().getSerialNumber());
        assertThat(client.get("/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(401);
    }

    @Test
    void aCertificateRevokedBetweenTwoConnectionsIsRefusedOnTheResumedSession() throws Exception {
        IssuedCredential credential = pki.issue(Party.municipality(insurer), "再開", Duration.ofDays(1));
        SSLContext tls = credential.sslContext(pki.caCertificate());
        HttpRequest request = HttpRequest.newBuilder(uri("/api/imports/00000000-0000-0000-0000-000000000000")).build();
        HttpResponse<String> before = HttpClient.newBuilder().sslContext(tls).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(404);
        pki.revoke(credential.certificate().getSerialNumber());
        // a new connection from the same TLS context resumes the session (the certificate is not sent again);
        // the revocation is checked on every request, so it is refused all the same
        HttpResponse<String> after = HttpClient.newBuilder().sslContext(tls).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(after.sslSession().orElseThrow().getCreationTime()).as("the session was resumed")
                .isEqualTo(before.sslSession().orElseThrow().getCreationTime());
        assertThat(after.statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheKeyExchangeGroupsWeNeedAreOffered() throws Exception {
        assertThat(handshakeWithGroup("X25519")).isTrue();
        assertThat(handshakeWithGroup("P-256")).isTrue();
        assertThat(handshakeWithGroup("P-384")).isTrue();
        assertThat(handshakeWithGroup("P-521")).isFalse();
        assertThat(handshakeWithGroup("ffdhe2048")).isFalse();
    }

    /** Whether OpenSSL's client completes a TLS 1.3 handshake with the server offering only {@code group}. */
    private boolean handshakeWithGroup(String group) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + port, "-tls1_3",
                "-groups", group, "-brief").redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        String out = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        openssl.waitFor();
        return out.contains("CONNECTION ESTABLISHED");
    }

    @Test
    void tls12IsRefused() {
        IssuedCredential credential = pki.issue(Party.municipality(insurer), "古いTLS", Duration.ofDays(1));
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        HttpClient old = HttpClient.newBuilder().sslContext(credential.sslContext(pki.caCertificate()))
                .sslParameters(tls12).build();
        assertThatThrownBy(() -> old.send(HttpRequest.newBuilder(uri("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void eachKindOfPartyReachesOnlyItsOwnEndpoints() {
        ApiClient.Response officeUpload = office.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n");
        assertThat(officeUpload.status()).isEqualTo(403);
        assertThat(office.put("/api/insurers/" + insurer, "{\"name\":\"乗っ取り\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/eligibility", ELIGIBILITY.formatted(insurer)).status()).isEqualTo(403);
        ApiClient hospital = client(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("471301234").value()));
        // an institution may reach 資格確認 (where designated for care): without a signed-in staff member, 401
        assertThat(hospital.post("/api/eligibility", ELIGIBILITY.formatted(insurer)).status()).isEqualTo(401);
    }

    /** API house rules: an unknown path is 404 (not "wrong certificate kind"); a wrong content type is problem+json. */
    @Test
    void unknownPathsAnswer404AndWrongContentTypesAProblemInJapanese() {
        assertThat(office.get("/api/no-such-thing").status()).isEqualTo(404);
        ApiClient.Response type = office.postBytes("/api/eligibility", "text/plain", "x".getBytes());
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.contentType()).startsWith("application/problem+json");
        assertThat(type.json().get("detail").asString()).contains("application/json");
    }

    @Test
    void aMunicipalityTouchesOnlyItsOwnInsured() {
        ApiClient.Response upload = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        assertThat(upload.status()).isEqualTo(200);
        String importId = upload.json().get("importId").asString();

        String otherNo = MunicipalityFiles.newInsurerNumber();
        ApiClient other = municipality(otherNo);
        MunicipalityFiles.register(other, otherNo);
        ApiClient.Response foreignUpload = other.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 2, "2021-04-01", null, "1940-05-06", null) + "\n");
        assertThat(foreignUpload.status()).isEqualTo(403);
        assertThat(foreignUpload.body()).doesNotContain("0000000001");
        assertThat(other.put("/api/insurers/" + insurer, "{\"name\":\"乗っ取り\"}").status()).isEqualTo(403);
        assertThat(other.get("/api/imports/" + importId).status()).isEqualTo(404);
        assertThat(other.get("/api/imports/" + importId + "/rejections").status()).isEqualTo(404);
        String person = "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\"}";
        assertThat(other.post("/api/insured/records", person).status()).isEqualTo(403);
        assertThat(other.post("/api/insured/history", person).status()).isEqualTo(403);

        assertThat(api.get("/api/imports/" + importId).status()).isEqualTo(200);
        assertThat(clerk().post("/api/insured/history", person).json()).hasSize(1);
    }

    private void assertRefused(ApiClient client) {
        try {
            assertThat(client.get("/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(401);
        } catch (UncheckedIOException e) {
            // refused in the TLS handshake: just as good
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        }
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    /** A client presenting a foreign certificate but trusting the platform's server. */
    private SSLContext sslContext(IssuedCredential foreign) {
        char[] password = "x".toCharArray();
        return IssuedCredential.sslContext(foreign.keyStore(password), password, pki.caCertificate());
    }
}
