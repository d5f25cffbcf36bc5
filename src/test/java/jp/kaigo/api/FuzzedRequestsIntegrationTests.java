package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kaigo.shared.Fuzz;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Mutated requests over HTTP: every JSON endpoint the dispatcher knows (walked, as in
 * {@link ApiHouseRulesIntegrationTests}) gets mutants of the request bodies in {@code src/test/resources/fuzz/api-json},
 * and the file endpoints mutants of the municipal, LIFE and care-plan corpora. Every answer is below 500; a refusal
 * is problem+json with no stack trace and repeats none of the personal data sent; and a refused request wrote nothing
 * (the rows of every record schema are counted before and after). {@code -Dkaigo.fuzz.rounds=N} sends N times more
 * (beyond about 200 a second per organisation the rate limit answers 429, which is still a proper refusal).
 */
class FuzzedRequestsIntegrationTests extends MunicipalityApiTests {
    private static final List<String> SENT_PERSONAL = List.of("介護 花子", "カイゴ ハナコ", "介護 太郎", "試験 一郎",
            "1940-05-06", "1941-06-07", "1950-01-31", "テスト村", "那覇市1-1", "昭和16年6月7日");
    private static final List<String> STACK = List.of("Exception", "\tat ", "at jp.kaigo", "java.", "org.springframework",
            "tools.jackson", "SQLState", "ERROR:");
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mutatedJsonBodiesToEveryEndpointAreAnsweredWithoutFailureOrLeakOrPartialWrite() {
        loadOnePerson();
        Map<String[], Class<?>> endpoints = jsonEndpoints();
        List<String[]> walked = new ArrayList<>(endpoints.keySet());
        assertThat(walked).hasSizeGreaterThan(20);
        List<byte[]> corpus = substituted(Fuzz.corpus("api-json"));
        Fuzz fuzz = Fuzz.seeded(61);
        String count = rowCountQuery();
        long rows = rows(count);
        List<String> broken = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < Fuzz.rounds(200); round++) {
            String[] endpoint = walked.get(round % walked.size());
            // mostly a mutant of a body that fits the endpoint's request, now and then one of the corpus's
            List<byte[]> seeds = fuzz.random().nextInt(4) == 0 ? corpus
                    : List.of(ApiClient.JSON.writeValueAsBytes(seed(endpoints.get(endpoint))));
            byte[] body = fuzz.mutant(seeds);
            ApiClient.Response r = caller(endpoint[1]).request(endpoint[0], path(endpoint[1]), "application/json",
                    new String(body, StandardCharsets.UTF_8), Map.of());
            rows = check(broken, endpoint[0] + " " + endpoint[1] + " " + fuzz.describe(round, body), r, count, rows);
            statuses.merge(r.status(), 1, Integer::sum);
        }
        assertThat(broken).isEmpty();
        // past the JSON reader: an answer of the use case itself (2xx, or its 401/403/404/409 after the body was read);
        // which endpoint a mutant goes to shifts with every endpoint added, so no one status is required
        assertThat(statuses.keySet()).as("the mutants reach past the JSON reader: " + statuses).contains(400)
                .anyMatch(status -> status < 300 || status == 401 || status == 403 || status == 404 || status == 409);
    }

    @Test
    void mutatedFilesToTheFileEndpointsAreAnsweredWithoutFailureOrLeakOrPartialWrite() {
        loadOnePerson();
        List<byte[]> municipal = new ArrayList<>(substituted(Fuzz.corpus("municipal-csv")));
        municipal.addAll(substituted(Fuzz.corpus("municipal-json")));
        List<byte[]> documents = new ArrayList<>(substituted(Fuzz.corpus("life")));
        documents.addAll(substituted(Fuzz.corpus("care-plan")));
        Fuzz fuzz = Fuzz.seeded(62);
        String count = rowCountQuery();
        long rows = rows(count);
        List<String> broken = new ArrayList<>();
        List<String> types = List.of("insured", "care-certificate");
        for (int round = 0; round < Fuzz.rounds(120); round++) {
            ApiClient.Response r;
            byte[] body;
            String what;
            if (fuzz.random().nextBoolean()) {
                body = fuzz.mutant(municipal);
                String type = types.get(fuzz.random().nextInt(types.size()));
                String mode = fuzz.random().nextBoolean() ? "differential" : "full";
                boolean json = body.length > 0 && (body[0] == '{' || body[0] == '[');
                what = "upload " + type + " " + mode;
                r = api.upload(insurer, type, mode + (fuzz.random().nextInt(3) == 0 ? "&omit=postalCode" : ""),
                        json ? "application/json" : "text/csv", body);
            } else {
                body = fuzz.mutant(documents);
                String path = List.of("/api/life/files", "/api/care-plans/files/UP1KYO", "/api/care-plans/files/UPPLAN")
                        .get(fuzz.random().nextInt(3));
                what = "POST " + path;
                r = office.postBytes(path, "text/csv", body);
            }
            if (r.status() == 409) { // a mutated 全量 file that would delete the person: held, nothing changed
                assertThat(r.json().get("wouldDelete").asLong()).isPositive();
            }
            rows = check(broken, what + " " + fuzz.describe(round, body), r, count, rows);
        }
        assertThat(broken).isEmpty();
    }

    /** The answer's faults, if any; the row count to compare the next refusal with. */
    private long check(List<String> broken, String what, ApiClient.Response r, String count, long before) {
        long after = rows(count);
        if (r.status() >= 500) {
            broken.add(r.status() + " for " + what + " → " + r.body());
        } else if (r.status() >= 400) {
            if (!r.contentType().startsWith("application/problem+json")) {
                broken.add("not a problem for " + what + " → " + r.status() + " " + r.contentType());
            }
            for (String leak : STACK) {
                if (r.body().contains(leak)) {
                    broken.add("a stack trace (" + leak + ") for " + what + " → " + r.body());
                }
            }
            for (String personal : SENT_PERSONAL) {
                if (r.body().contains(personal)) {
                    broken.add("personal data (" + personal + ") echoed for " + what + " → " + r.body());
                }
            }
            if (after != before) {
                broken.add("refused (" + r.status() + ") yet " + (after - before) + " rows written for " + what);
            }
        }
        return after;
    }

    private void loadOnePerson() {
        ApiClient.Response loaded = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    }

    private List<byte[]> substituted(List<byte[]> corpus) {
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("windows-31j");
        List<byte[]> out = new ArrayList<>();
        for (byte[] file : corpus) {
            // the placeholders are ASCII, so they read the same in Shift_JIS and UTF-8
            String text = new String(file, StandardCharsets.ISO_8859_1).replace("{INSURER}", insurer).replace("471003", insurer)
                    .replace("{OFFICE}", officeNo).replace("{PERSON}", "0000000001").replace("{RECENT}", RECENT_START);
            out.add(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /** One statement counting the rows of every table of the record schemas (not the audit trail or import reports). */
    private String rowCountQuery() {
        return jdbc.sql("""
                select string_agg(format('(select count(*) from %I.%I)', table_schema, table_name), ' + ')
                  from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema in
                       ('registry', 'certification', 'careplan', 'life', 'claims', 'consent', 'relationship')
                """).query(String.class).single();
    }

    private long rows(String count) {
        return jdbc.sql("select " + count).query(Long.class).single();
    }

    /** Every JSON-reading endpoint (method and pattern, in a stable order) with the type its body is read into. */
    private Map<String[], Class<?>> jsonEndpoints() {
        Map<String, Class<?>> bodies = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            for (MethodParameter p : m.getValue().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    for (String pattern : m.getKey().getPatternValues()) {
                        for (RequestMethod verb : m.getKey().getMethodsCondition().getMethods()) {
                            if (pattern.startsWith("/api/")) {
                                bodies.put(verb.name() + " " + pattern, p.getParameterType());
                            }
                        }
                    }
                }
            }
        }
        Map<String[], Class<?>> endpoints = new java.util.LinkedHashMap<>();
        bodies.forEach((key, type) -> endpoints.put(key.split(" ", 2), type));
        return endpoints;
    }

    /** A body the type would take: each component of a request record with a plausible value for its name. */
    private Object seed(Class<?> type) {
        if (!type.isRecord()) {
            return Map.of();
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (var c : type.getRecordComponents()) {
            String name = c.getName();
            Object value;
            if (List.class.isAssignableFrom(c.getType())) {
                var element = (Class<?>) ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                value = List.of(element == String.class ? "x" : seed(element));
            } else if (c.getType() == String.class) {
                value = plausible(name);
            } else if (c.getType() == boolean.class || c.getType() == Boolean.class) {
                value = true;
            } else {
                value = 1;
            }
            body.put(name, value);
        }
        return body;
    }

    private String plausible(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("insurerNo")) {
            return insurer;
        } else if (name.equals("insuredNo")) {
            return "0000000001";
        } else if (name.equals("birthDate")) {
            return "1940-05-06";
        } else if (lower.endsWith("id")) {
            return "00000000-0000-0000-0000-000000000000";
        } else if (lower.contains("date") || lower.endsWith("from") || lower.endsWith("to") || lower.endsWith("until")
                || name.equals("asOf")) {
            return RECENT_START;
        } else if (lower.contains("number") || lower.endsWith("no")) {
            return officeNo;
        }
        return switch (name) {
            case "serviceType" -> "43";
            case "category" -> "certification";
            case "decision" -> "give";
            case "kind", "partyKind" -> "office";
            case "jobType" -> "CARE_MANAGER";
            case "qualification" -> "CARE_MANAGER";
            case "password" -> STAFF_PASSWORD;
            case "loginId" -> "fuzzed";
            case "oneTimeCode" -> "123456";
            case "certificate", "signature", "signingCertificate", "statementSignature" -> "MIIBszCCAVmgAwIBAgIU";
            case "planKind" -> "11";
            case "url" -> "https://hooks.example.invalid/kaigo";
            default -> "テスト村の記録";
        };
    }

    private String path(String pattern) {
        return pattern.replace("{insurerNo}", insurer).replace("{insuredNo}", "0000000001")
                .replaceAll("\\{[^}]*(Id|id)\\}", "00000000-0000-0000-0000-000000000000").replaceAll("\\{[^}]+\\}", "x");
    }
}
