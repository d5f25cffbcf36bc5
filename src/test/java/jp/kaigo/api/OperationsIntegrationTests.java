package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.kaigo.identity.IssuedCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * What operations see: probes on the public port, metrics and health on the loopback management port, and logs
 * that never carry a person's name, number, birth date or address.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests extends MunicipalityApiTests {
    private static final String INSURED_NO = "0000000042";
    private static final String BIRTH = "1940-05-06";
    @LocalManagementPort
    int managementPort;

    @Test
    void metricsShowEachEligibilityCheckAndReadAgainstTheObjectivesAndLogsNameNobody(CapturedOutput output) throws Exception {
        ApiClient.Response upload = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, INSURED_NO, 1, "2020-04-01", null, BIRTH, null) + "\n");
        assertThat(upload.status()).isEqualTo(200);
        String query = "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + INSURED_NO + "\",\"birthDate\":\"" + BIRTH + "\"}";
        assertThat(office.post("/api/eligibility", query).json().get("status").asString()).isEqualTo("INSURED");
        assertThat(office.post("/api/eligibility", query.replace(BIRTH, "1940-05-07")).json().get("status").asString())
                .isEqualTo("UNKNOWN");
        registerInCharge(office, INSURED_NO, BIRTH, "43", RECENT_START);
        assertThat(office.get("/api/records/" + insurer + "/" + INSURED_NO).status()).isEqualTo(200);

        String metrics = management("/actuator/prometheus").body();
        // 資格確認 by numbers through the API: counted with buckets at the objectives (100 ms among them)
        assertThat(metrics).containsPattern(
                "kaigo_eligibility_seconds_bucket\\{channel=\"api\",kind=\"numbers\",status=\"2xx\",le=\"0\\.1\"} \\d");
        assertThat(metrics).containsPattern("kaigo_eligibility_seconds_count\\{channel=\"api\",kind=\"numbers\",status=\"2xx\"} [3-9]");
        assertThat(metrics).containsPattern("kaigo_record_read_seconds_count\\{channel=\"api\",kind=\"person\",status=\"2xx\"} [1-9]");
        assertThat(metrics).containsPattern("kaigo_import_rows_total\\{outcome=\"accepted\"} [1-9]");
        // the municipal data's freshness: from the file's arrival to answering, against the objective's buckets
        assertThat(metrics).containsPattern("kaigo_import_visible_seconds_bucket\\{le=\"10\\.0\"} [1-9]");
        assertThat(metrics).contains("kaigo_audit_queue_entries").contains("kaigo_signin_refused_total")
                .contains("kaigo_card_refused_total");

        // the management port tells what readiness rests on
        HttpResponse<String> health = management("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"auditWriter\":{").contains("\"crl\":{").contains("\"db\":{");

        assertThat(output.getAll()).as("personal data in the log").doesNotContain(INSURED_NO).doesNotContain("介護 花子")
                .doesNotContain("カイゴ").doesNotContain(BIRTH).doesNotContain("1940-05-07").doesNotContain("テスト村1番地");
    }

    @Test
    void thePublicPortAnswersOnlyTheProbesWithoutACertificate() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(IssuedCredential.anonymous(pki.caCertificate())).build();
        HttpResponse<String> ready = anonymous.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/readyz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
        HttpResponse<String> live = anonymous.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/livez"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        // metrics are not on the public port, not even with a certificate
        assertThat(api.get("/actuator/prometheus").status()).isIn(401, 403, 404);
        assertThat(anonymous.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403, 404);
    }

    private HttpResponse<String> management(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
