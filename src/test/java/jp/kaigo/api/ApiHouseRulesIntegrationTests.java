package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's house rules, checked on every endpoint the dispatcher knows under {@code /api} (a new endpoint
 * is walked without touching this test): a wrong method, a wrong body type, an unknown sub-path and a
 * non-ASCII {@code Authorization} header each answer a 4xx as problem+json in Japanese, never a 5xx.
 */
class ApiHouseRulesIntegrationTests extends MunicipalityApiTests {
    private static final String PROBLEM = "application/problem+json";
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One endpoint: its path pattern, the methods it answers and whether it reads a JSON body. */
    record Endpoint(String pattern, Set<String> methods, boolean jsonBody) {
    }

    @Test
    void everyEndpointAnswersAWrongMethodWith405AsAProblem() {
        List<String> broken = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String wrong = List.of("PATCH", "DELETE", "PUT", "POST", "GET").stream()
                    .filter(m -> !e.methods().contains(m)).findFirst().orElseThrow();
            ApiClient.Response r = caller(e.pattern()).request(wrong, path(e.pattern()), null, null, Map.of());
            check(broken, e, wrong, r, 405);
            if (r.status() == 405 && !r.body().contains("このパスで使えるメソッド")) {
                broken.add(wrong + " " + e.pattern() + ": 405 without the methods the path takes: " + r.body());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyEndpointReadingJsonAnswersAnotherBodyTypeWith415AsAProblem() {
        List<String> broken = new ArrayList<>();
        List<Endpoint> json = endpoints().stream().filter(Endpoint::jsonBody).toList();
        assertThat(json).hasSizeGreaterThan(20);
        for (Endpoint e : json) {
            String method = List.of("POST", "PUT", "PATCH").stream().filter(e.methods()::contains).findFirst().orElseThrow();
            ApiClient.Response r = caller(e.pattern()).request(method, path(e.pattern()), "text/plain", "x", Map.of());
            check(broken, e, method, r, 415);
        }
        assertThat(broken).isEmpty();
    }

    /** An empty object (every field missing), {@code null} and a list where an object belongs: a 4xx problem, never a 5xx. */
    @Test
    void everyEndpointReadingJsonAnswersEmptyOrMisshapenBodiesWithAProblem() {
        List<String> broken = new ArrayList<>();
        for (String body : List.of("{}", "null", "[]", "{\"x\":")) {
            for (Endpoint e : endpoints().stream().filter(Endpoint::jsonBody).toList()) {
                String method = List.of("POST", "PUT", "PATCH").stream().filter(e.methods()::contains).findFirst().orElseThrow();
                ApiClient.Response r = caller(e.pattern()).request(method, path(e.pattern()), "application/json", body, Map.of());
                if (r.status() < 400) {
                    continue; // an endpoint whose fields are all optional may accept it
                }
                check(broken, e, method + " " + body, r, null);
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyEndpointsUnknownSubPathAnswersAProblemAndNoFailure() {
        List<String> broken = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String method = e.methods().iterator().next();
            ApiClient.Response r = caller(e.pattern()).request(method, path(e.pattern()) + "/no-such-thing",
                    e.jsonBody() ? "application/json" : null, e.jsonBody() ? "{}" : null, Map.of());
            check(broken, e, method + " …/no-such-thing", r, null);
        }
        assertThat(broken).isEmpty();
        ApiClient.Response unknown = office.get("/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith(PROBLEM);
        assertThat(unknown.json().get("title").asString()).isEqualTo("見つかりません");
    }

    @Test
    void everyEndpointAnswersANonAsciiAuthorizationHeaderWith400AsAProblem() {
        List<String> broken = new ArrayList<>();
        // the second is what the README's curl sends when the sign-in failed: the problem itself as the token
        for (String header : List.of("Bearer トークン", "Bearer {\"detail\":\"ID・パスワード・ワンタイムパスワードのいずれかが正しくありません\","
                + "\"title\":\"認証できません\"}")) {
            for (Endpoint e : endpoints()) {
                String method = e.methods().iterator().next();
                ApiClient.Response r = caller(e.pattern()).raw(method, path(e.pattern()),
                        e.jsonBody() ? "application/json" : null, e.jsonBody() ? "{}" : null, Map.of("Authorization", header));
                check(broken, e, method + " (Authorization: " + header + ")", r, 400);
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anAnswerTypeTheEndpointCannotGiveIs406AsAProblem() {
        ApiClient.Response csv = office.request("GET", "/api/staff/me", null, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(406);
        assertThat(csv.contentType()).startsWith(PROBLEM);
        assertThat(csv.json().get("title").asString()).isEqualTo("この形式では答えられません");
    }

    @Test
    void theErrorPathItselfIsNotAFailure() {
        ApiClient.Response error = office.get("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.contentType()).startsWith(PROBLEM);
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        ApiClient.Response empty = office.post("/api/relationships", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith(PROBLEM);
        assertThat(fields(empty)).containsExactlyInAnyOrder("confirmation", "serviceType", "startDate");
        assertThat(empty.json().get("detail").asString()).contains("3件");
    }

    @Test
    void unknownValuesOfAClosedSetAreRefusedWithTheValuesAllowed() {
        ApiClient.Response purpose = office.get("/api/records/" + insurer + "/0000000001?purpose=xyz");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(fields(purpose)).containsExactly("purpose");
        assertThat(reason(purpose)).contains("care(介護サービスの提供)", "medical(医療の提供)", "insurer(保険者事務)", "operation(運営)")
                .doesNotContain("xyz");
        assertThat(office.get("/api/records/" + insurer + "/0000000001?purpose=care").status()).isEqualTo(200);

        ApiClient.Response careLevel = office.get("/api/records/search?category=certification&careLevel=99");
        assertThat(careLevel.status()).isEqualTo(400);
        assertThat(fields(careLevel)).containsExactly("careLevel");
        assertThat(reason(careLevel)).contains("21(要介護1)", "25(要介護5)", "13(要支援2)");
        assertThat(office.get("/api/records/search?category=certification&careLevel=23").status()).isEqualTo(200);

        ApiClient.Response serviceType = office.post("/api/relationships", "{\"confirmation\":\"x\",\"serviceType\":\"99\","
                + "\"startDate\":\"" + RECENT_START + "\"}");
        assertThat(serviceType.status()).isEqualTo(400);
        assertThat(fields(serviceType)).containsExactly("serviceType");
        assertThat(reason(serviceType)).contains("43", "46", "11");

        ApiClient.Response category = office.get("/api/records/" + insurer + "/0000000001/xyz");
        assertThat(category.status()).isEqualTo(400);
        assertThat(reason(category)).contains("certification(");

        ApiClient.Response mode = api.uploadCsv(insurer, "insured", "xyz", MunicipalityFiles.INSURED_HEADER + "\n");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(reason(mode)).contains("full", "differential");

        ApiClient.Response job = office.post("/api/staff", "{\"loginId\":\"someone\",\"password\":\"" + STAFF_PASSWORD
                + "\",\"jobType\":\"WIZARD\"}");
        assertThat(job.status()).isEqualTo(400);
        assertThat(reason(job)).contains("CARE_MANAGER(介護支援専門員)");
    }

    @Test
    void aNumberOrABooleanWhereTheLayoutWantsTextIsRefusedWithTheField() {
        ApiClient.Response number = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":19380203}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.contentType()).startsWith(PROBLEM);
        assertThat(fields(number)).containsExactly("birthDate");
        assertThat(reason(number)).contains("文字列").doesNotContain("19380203");

        ApiClient.Response bool = office.post("/api/eligibility/batch", "{\"queries\":[{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":true,\"birthDate\":\"1938-02-03\"}]}");
        assertThat(bool.status()).isEqualTo(400);
        assertThat(fields(bool)).containsExactly("queries[0].insuredNo");

        ApiClient.Response typo = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthdate\":\"1938-02-03\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(fields(typo)).containsExactly("birthdate");
        assertThat(reason(typo)).contains("この項目はありません");

        ApiClient.Response broken = office.post("/api/eligibility", "{\n\"insurerNo\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith(PROBLEM);
        assertThat(broken.json().get("detail").asString()).contains("JSON");
    }

    private static List<String> fields(ApiClient.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static String reason(ApiClient.Response r) {
        return r.json().get("errors").get(0).get("reason").asString();
    }

    /** Every {@code /api} endpoint of the dispatcher, each pattern once with all its methods. */
    private List<Endpoint> endpoints() {
        Map<String, Set<String>> methods = new TreeMap<>();
        Map<String, Boolean> json = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<String> verbs = methods.computeIfAbsent(pattern, p -> new TreeSet<>());
                m.getKey().getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(verbs::add);
                boolean body = false;
                for (MethodParameter p : m.getValue().getMethodParameters()) {
                    body |= p.hasParameterAnnotation(RequestBody.class);
                }
                json.merge(pattern, body, Boolean::logicalOr);
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        methods.forEach((pattern, verbs) -> endpoints.add(new Endpoint(pattern, verbs, json.get(pattern))));
        assertThat(endpoints).hasSizeGreaterThan(50);
        return endpoints;
    }

    /** The pattern with a plausible value for each variable (the municipality's own number for an insurer). */
    private String path(String pattern) {
        return pattern.replace("{insurerNo}", insurer).replaceAll("\\{[^}]*(Id|id)\\}", "00000000-0000-0000-0000-000000000000")
                .replaceAll("\\{[^}]+\\}", "x");
    }

    private static void check(List<String> broken, Endpoint e, String what, ApiClient.Response r, Integer expected) {
        String line = what + " " + e.pattern() + " → " + r.status() + " " + r.contentType();
        if (r.status() >= 500 || r.status() < 400) {
            broken.add(line + ": not a 4xx");
        } else if (expected != null && r.status() != expected) {
            broken.add(line + ": expected " + expected + " " + r.body());
        } else if (!r.contentType().startsWith(PROBLEM)) {
            broken.add(line + ": not problem+json");
        } else if (!r.body().matches("(?s).*\"title\":\"[^\"]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")) {
            broken.add(line + ": title not in Japanese: " + r.body());
        }
    }
}
