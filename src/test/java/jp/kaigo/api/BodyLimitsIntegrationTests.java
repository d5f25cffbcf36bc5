package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller cannot hurt the platform by sending too much: a JSON body over 1MB (by its Content-Length or while
 * it streams in), nested too deep or with a string too long is refused with a 4xx problem in Japanese that says
 * the limit, and a municipality's file far larger than a JSON body still goes in.
 */
class BodyLimitsIntegrationTests extends MunicipalityApiTests {
    private static final String PROBLEM = "application/problem+json";
    @Autowired
    JsonMapper apiJson;

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
        String query = "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1938-02-03\"}";
        String big = "{\"queries\":[" + String.join(",", java.util.Collections.nCopies(15_000, query)) + "]}"; // 1.2 MB
        assertThat(big.length()).isGreaterThan(1 << 20);
        ApiClient.Response declared = office.post("/api/eligibility/batch", big);
                ApiClient.Response raw = office.raw("POST", "/api/eligibility", "application/json", big, java.util.Map.of());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith(PROBLEM);
        assertThat(declared.json().get("title").asString()).isEqualTo("本文が大きすぎます");
        assertThat(declared.json().get("detail").asString()).contains("1MB");

        ApiClient.Response streamed = office.postStreamed("/api/eligibility/batch", "application/json",
                big.getBytes(StandardCharsets.UTF_8));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.contentType()).startsWith(PROBLEM);
        assertThat(streamed.json().get("detail").asString()).contains("1MB");
        assertThat(streamed.body()).doesNotContain("0000000001");
    }

    /**
     * Every request type is flat enough that binding fails at the first wrong token, so depth is checked on the
     * API's own mapper: the parser refuses the 33rd level before anything is built.
     */
    @Test
    void aJsonBodyNestedTooDeepIsRefusedByTheApisParser() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThatThrownBy(() -> apiJson.readTree(deep)).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("nesting depth");
        assertThat(apiJson.readTree("[".repeat(30) + "]".repeat(30)).isArray()).isTrue();
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedWithoutRepeatingIt() {
        String longNumber = "1234567890".repeat(7000);
        ApiClient.Response r = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\""
                + longNumber + "\",\"birthDate\":\"1938-02-03\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.json().get("detail").asString()).contains("文字列が長すぎます", "65536文字");
        assertThat(r.body()).doesNotContain("1234567890");
    }

    @Test
    void aMunicipalFileFarLargerThanAJsonBodyIsImported() {
        String csv = insuredFile();
        assertThat(csv.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1 << 20);
        ApiClient.Response r = api.uploadCsv(insurer, "insured", "full", csv);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("inserted").asLong()).isEqualTo(12_000);

        ApiClient.Response streamed = api.postStreamed("/api/municipalities/" + insurer + "/files/insured?mode=full",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.json().get("unchanged").asLong()).isEqualTo(12_000);
    }

    private String insuredFile() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 12_000; i++) {
            rows.add(MunicipalityFiles.insuredRow(insurer, String.format("%010d", i), 1, "2026-04-01", null,
                    "1940-01-01", null));
        }
        return MunicipalityFiles.INSURED_HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
