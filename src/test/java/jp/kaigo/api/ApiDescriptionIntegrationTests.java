package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description matches the controllers: every API endpoint (method and path) is described, nothing is
 * described that does not exist, and every operation names its problem answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void describesExactlyTheEndpointsTheControllersServe() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(IssuedCredential.anonymous(pki.caCertificate())).build();
        HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/api/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = new ObjectMapper().readTree(response.body());
        assertThat(api.get("openapi").asString()).startsWith("3.");

        TreeSet<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") || path.startsWith("/api/openapi.json")) { // the description itself
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    served.add(verb.name() + " " + path);
                }
            }
        });
        TreeSet<String> described = new TreeSet<>();
        List<String> withoutProblems = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String key = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            described.add(key);
            JsonNode responses = operation.getValue().get("responses");
            if (responses.get("400") == null || !responses.get("401").toString().contains("#/components/schemas/Problem")) {
                withoutProblems.add(key);
            }
        }));
        assertThat(served).hasSizeGreaterThan(50);
        assertThat(described).isEqualTo(served);
        assertThat(withoutProblems).isEmpty();
        assertThat(api.at("/components/securitySchemes/certificate/type").asString()).isEqualTo("mutualTLS");

        // every kind of problem is documented with its statuses and when it happens, and real answers use them
        JsonNode type = api.at("/components/schemas/Problem/properties/type");
        List<String> documented = new ArrayList<>();
        type.get("enum").forEach(t -> documented.add(t.asString()));
        assertThat(documented).hasSize(ProblemType.values().length);
        for (String urn : documented) {
            assertThat(type.get("description").asString()).contains("| `" + urn + "` |");
        }
        for (HttpResponse<String> problem : List.of(
                anonymous.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/no-such-thing")).build(),
                        HttpResponse.BodyHandlers.ofString()),
                anonymous.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/eligibility")).build(),
                        HttpResponse.BodyHandlers.ofString()))) {
            assertThat(documented).contains(new ObjectMapper().readTree(problem.body()).get("type").asString());
        }
    }
}
