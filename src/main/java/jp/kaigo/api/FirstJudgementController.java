package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.FirstJudgementImport;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FileRejected;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Violation;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The municipality's 一次判定 results (design §6.1, §8.1): a CSV (a header of field keys or labels, one case a line)
 * or JSON (one object or an array of them, every value a string), by a signed-in staff member of the municipality,
 * one call to {@link FirstJudgementImport}. The answer is 200 with every line's result — accepted with the case and
 * its warnings, or rejected with line, field, label and reason — and the good lines stored, as the municipality's
 * file imports do; a CSV that cannot be read as a whole, or JSON of another shape, is a 400 and stores nothing.
 */
@RestController
class FirstJudgementController {
    private static final String PATH = "/api/certification/first-judgements";

    private final FirstJudgementImport imports;
    private final StaffAccounts staff;

    FirstJudgementController(FirstJudgementImport imports, StaffAccounts staff) {
        this.imports = imports;
        this.staff = staff;
    }

    /** One broken rule (or warning) of a line. */
    record LineProblem(long line, String field, String label, String reason) {
    }

    /** One line's result: {@code accepted} with the case id and warnings, or {@code rejected} with its errors. */
    record LineResult(long line, String status, String caseId, List<LineProblem> warnings, List<LineProblem> errors) {
    }

    record Answer(long accepted, long rejected, List<LineResult> lines) {
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    Answer csv(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam(required = false) String charset) throws IOException {
        Actor actor = municipalOfficer(caller, http);
        Charset chosen = charset(charset != null ? charset : http.getCharacterEncoding());
        return answer(imports.importResults(actor, new FirstJudgementImport.Csv(http.getInputStream(), chosen)));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Answer json(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @RequestBody JsonNode body) {
        Actor actor = municipalOfficer(caller, http);
        return answer(imports.importResults(actor, new FirstJudgementImport.Objects(objects(body))));
    }

    private Actor municipalOfficer(PartyUser caller, HttpServletRequest http) {
        StaffSession session = StaffController.session(staff, caller, http);
        if (session.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new Forbidden("一次判定の結果は保険者(市町村)の職員だけが取り込めます");
        }
        return Actor.staff(session);
    }

    /** The CSV's charset: as named (parameter or Content-Type), UTF-8 when none is. */
    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("charset", "文字コード", "使えない文字コードです(UTF-8 または Shift_JIS)");
        }
    }

    /** The objects' values by key; anything but an object of strings (or nulls, left out) is refused whole. */
    private static List<Map<String, String>> objects(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new InvalidValue("body", "本文", "一次判定の結果はJSONのオブジェクトか、その配列で送ってください");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isObject()) {
            nodes.add(body);
        } else {
            body.forEach(nodes::add);
        }
        List<Map<String, String>> objects = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String position = (i + 1) + "件目: ";
            if (!node.isObject()) {
                violations.add(new Violation("body", "本文", position + "一次判定の結果はオブジェクトで送ってください"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = property.getValue();
                if (value.isString()) {
                    values.put(property.getKey(), value.asString());
                } else if (!value.isNull()) {
                    // as everywhere in the API (JsonRules): a number as text keeps its digits exactly as written
                    violations.add(new Violation(property.getKey(), property.getKey(),
                            position + "文字列で指定してください(例: \"55.2\")"));
                }
            }
            objects.add(values);
        }
        if (!violations.isEmpty()) {
            throw new InvalidValue(violations);
        }
        return objects;
    }

    private static Answer answer(FirstJudgementImport.Answer answer) {
        if (answer instanceof FirstJudgementImport.FileRefused refused) {
            throw new FileRejected(refused.line(), refused.problem().field(), refused.problem().label(),
                    refused.problem().reason());
        }
        FirstJudgementImport.Imported imported = (FirstJudgementImport.Imported) answer;
        List<LineResult> lines = imported.lines().stream().map(result -> {
            if (result instanceof FirstJudgementImport.Accepted accepted) {
                return new LineResult(accepted.line(), "accepted", accepted.caseId().toString(),
                        problems(accepted.line(), accepted.warnings()), List.of());
            }
            FirstJudgementImport.Rejected rejected = (FirstJudgementImport.Rejected) result;
            return new LineResult(rejected.line(), "rejected", null, List.of(),
                    problems(rejected.line(), rejected.problems()));
        }).toList();
        return new Answer(imported.accepted(), imported.rejected(), lines);
    }

    private static List<LineProblem> problems(long line, List<FirstJudgementImport.Problem> problems) {
        return problems.stream().map(p -> new LineProblem(line, p.field(), p.label(), p.reason())).toList();
    }
}
