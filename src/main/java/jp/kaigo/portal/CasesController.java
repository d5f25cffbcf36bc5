package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.CaseResults;
import jp.kaigo.filing.CertificationDesk;
import jp.kaigo.filing.CertificationDesk.Assignee;
import jp.kaigo.filing.CertificationDesk.AssignmentResult;
import jp.kaigo.filing.CertificationDesk.CaseFile;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.FirstJudgementImport;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 認定案件 for the municipality's 市町村職員 (docs/design/certification-online.md §8.3 steps 3, 4, 8, 10): the list of
 * the municipality's cases (with the upload of the 一次判定ソフト's CSV), and a case's page with one form per next
 * step — 認定調査を依頼, 意見書作成依頼, 一次判定を入力, 二次判定を記録. Each page and each button is one call to the
 * {@code filing} facade the API calls, which asks {@code access} first; a denial shows the decision's message. A
 * case is linked by its id alone. A refused form comes back to the case page with each error beside its field and
 * the values typed, nothing changed; a step done comes back with its message.
 */
@Controller
@RequestMapping("/portal/municipality/cases")
class CasesController {
    private static final String BASE = "/portal/municipality/cases";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    /** 依頼区分 of the 認定調査 (FC §5.1), as the survey-assignment takes them. */
    private static final List<Map.Entry<String, String>> SURVEY_KINDS = List.of(Map.entry("0", "初回"),
            Map.entry("1", "再依頼"), Map.entry("2", "再調査"));
    /** The case reference of the 一次判定 layout: the page's case gives it. */
    private static final Set<String> CASE_REFERENCE = Set.of("caseId", "insuredNo", "appliedOn");
    /** The opinion form's keys that the survey form also has: their input ids get the form's prefix. */
    private static final Set<String> SHARED_KEYS = Set.of("requestKind", "dueOn");

    private final SignedIn signedIn;
    private final CertificationDesk desk;
    private final FirstJudgementImport judgements;
    private final CaseResults results;
    private final DocumentRouting routing;

    CasesController(SignedIn signedIn, CertificationDesk desk, FirstJudgementImport judgements, CaseResults results,
            DocumentRouting routing) {
        this.signedIn = signedIn;
        this.desk = desk;
        this.judgements = judgements;
        this.results = results;
        this.routing = routing;
    }

    /** One field of a form as the page shows it: the input's id, the layout's field and its input kind. */
    record FormField(String id, MyApplicationController.Field field) {
    }

    /** One line of the CSV's report. */
    record ImportLine(long line, boolean accepted, String caseId, List<Violation> problems) {
    }

    // ---------------------------------------------------------------- the list

    @GetMapping
    String list(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        page(model, me);
        Routed<CertificationDesk.CaseList> routed = desk.cases(Actor.staff(me));
        if (routed instanceof Routed.Denied<CertificationDesk.CaseList> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            model.addAttribute("denied", true);
            model.addAttribute("cases", List.of());
            return "portal/municipality/cases";
        }
        model.addAttribute("cases", ((Routed.Done<CertificationDesk.CaseList>) routed).result().rows());
        return "portal/municipality/cases";
    }

    /** The 一次判定ソフト's CSV: every line's result (accepted with its warnings, or refused with its errors). */
    @PostMapping("/first-judgements")
    String importCsv(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @RequestParam MultipartFile file, @RequestParam(required = false) String charset) throws IOException {
        StaffSession me = signedIn.staff(request, response);
        municipal(me);
        if (file.isEmpty()) {
            flash.addFlashAttribute("importErrors", List.of(new Violation("file", "ファイル",
                    "ファイルを選んでください(空のファイルは取り込めません)")));
            return "redirect:" + BASE;
        }
        Charset chosen = "Shift_JIS".equals(charset) ? Charset.forName("Shift_JIS") : StandardCharsets.UTF_8;
        FirstJudgementImport.Answer answer = judgements.importResults(Actor.staff(me),
                new FirstJudgementImport.Csv(file.getInputStream(), chosen));
        if (answer instanceof FirstJudgementImport.FileRefused refused) {
            flash.addFlashAttribute("importErrors", List.of(new Violation(refused.problem().field(),
                    (refused.line() > 0 ? refused.line() + "行目 " : "") + refused.problem().label(),
                    refused.problem().reason())));
            return "redirect:" + BASE;
        }
        FirstJudgementImport.Imported imported = (FirstJudgementImport.Imported) answer;
        flash.addFlashAttribute("importLines", imported.lines().stream().map(CasesController::line).toList());
        flash.addFlashAttribute("importAccepted", imported.accepted());
        flash.addFlashAttribute("importRejected", imported.rejected());
        return "redirect:" + BASE + "?imported";
    }

    // ---------------------------------------------------------------- the case

    @GetMapping("/{caseId}")
    String caseFile(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String caseId) {
        StaffSession me = signedIn.staff(request, response);
        page(model, me);
        Routed<Optional<CaseFile>> routed = desk.caseFile(Actor.staff(me), id(caseId));
        if (routed instanceof Routed.Denied<Optional<CaseFile>> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            return "portal/municipality/case";
        }
        Optional<CaseFile> found = ((Routed.Done<Optional<CaseFile>>) routed).result();
        if (found.isEmpty()) {
            throw new PortalAdvice.PageNotFound();
        }
        CaseFile file = found.get();
        model.addAttribute("caseFile", file);
        model.addAttribute("action", BASE + "/" + file.caseId());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        Map<String, String> opinionDefaults = new LinkedHashMap<>();
        opinionDefaults.put("institutionCode", file.doctorInstitutionCode());
        opinionDefaults.put("doctorName", file.doctorName());
        opinionDefaults.put("requestKind", "1");
        opinionDefaults.put("doctorKind", "1");
        model.addAttribute("opinionDefaults", opinionDefaults);
        model.addAttribute("surveyKinds", SURVEY_KINDS);
        model.addAttribute("opinionFields", opinionFields());
        CertificationDesk.CaseForms forms = desk.caseForms();
        model.addAttribute("judgementFields", fields(forms.firstJudgement().stream()
                .filter(f -> !CASE_REFERENCE.contains(f.key())).toList(), ""));
        model.addAttribute("resultFields", fields(forms.result(), ""));
        model.addAttribute("formToken", UUID.randomUUID().toString().replace("-", ""));
        return "portal/municipality/case";
    }

    /** 認定調査を依頼する: to one of the municipality's own surveyors (職員ID) or an entrusted office (事業所番号). */
    @PostMapping("/{caseId}/survey")
    String assignSurvey(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String caseId, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = id(caseId);
        Map<String, String> values = values(form, List.of("staffLoginId", "officeNo", "requestKind", "dueOn"));
        List<Violation> problems = new ArrayList<>();
        String staffLoginId = values.get("staffLoginId");
        String officeNo = values.get("officeNo");
        Assignee to = null;
        if ((staffLoginId == null) == (officeNo == null)) {
            problems.add(new Violation("staffLoginId", "調査員の職員ID",
                    "自市町村の調査員の職員IDか、委託先の事業所番号のどちらか一方を入力してください"));
        } else if (staffLoginId != null) {
            to = new Assignee.OwnStaff(staffLoginId);
        } else {
            try {
                OfficeNumber.validate(officeNo, "officeNo", "委託先の事業所番号");
                to = new Assignee.EntrustedOffice(new OfficeNumber(officeNo));
            } catch (InvalidValue e) {
                problems.addAll(e.violations());
            }
        }
        String requestKind = values.getOrDefault("requestKind", "0");
        if (SURVEY_KINDS.stream().noneMatch(k -> k.getKey().equals(requestKind))) {
            problems.add(new Violation("requestKind", "依頼区分", "初回・再依頼・再調査から選んでください"));
        }
        LocalDate dueOn = null;
        try {
            Inputs in = new Inputs();
            dueOn = in.date(values.get("dueOn"), "dueOn", "調査票の提出期限", false);
            in.check();
        } catch (InvalidValue e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            return refused(flash, id, "survey", values, problems);
        }
        Routed<AssignmentResult> routed = desk.assignSurvey(Actor.staff(me), id, to, requestKind, dueOn);
        if (routed instanceof Routed.Denied<AssignmentResult> denied) {
            return denied(flash, id, "survey", values, denied.decision().message());
        }
        AssignmentResult result = ((Routed.Done<AssignmentResult>) routed).result();
        if (result instanceof AssignmentResult.Rejected rejected) {
            return refused(flash, id, "survey", values, rejected.violations());
        }
        return "redirect:" + BASE + "/" + id + "?surveyAssigned";
    }

    /** 意見書作成を依頼する: the 主治医意見書作成依頼 to the medical institution (sent as the API sends it). */
    @PostMapping("/{caseId}/opinion-request")
    String requestOpinion(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String caseId, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = id(caseId);
        List<String> keys = new ArrayList<>(List.of("institutionCode"));
        layout(DocumentKind.OPINION_REQUEST).forEach(f -> keys.add(f.key()));
        Map<String, String> values = values(form, keys);
        Map<String, String> payload = new LinkedHashMap<>(values);
        String institution = payload.remove("institutionCode");
        String token = form.get("formToken");
        String key = token != null && TOKEN.matcher(token).matches() ? "portal-opinion:" + token : null;
        Routed<SendResult> routed = desk.requestOpinion(Actor.staff(me), id, institution, payload, key);
        if (routed instanceof Routed.Denied<SendResult> denied) {
            return denied(flash, id, "opinion", values, denied.decision().message());
        }
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        if (result instanceof Invalid invalid) {
            return refused(flash, id, "opinion", values, invalid.violations());
        }
        if (result instanceof Refused refused) {
            return denied(flash, id, "opinion", values, refused.reason().message());
        }
        return "redirect:" + BASE + "/" + id + "?opinionRequested";
    }

    /** 一次判定を登録する: one result for this case (the import's JSON form); warnings shown after success. */
    @PostMapping("/{caseId}/first-judgement")
    String firstJudgement(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String caseId, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        municipal(me);
        UUID id = id(caseId);
        Map<String, String> values = values(form, desk.caseForms().firstJudgement().stream().map(FieldSpec::key)
                .filter(k -> !CASE_REFERENCE.contains(k)).toList());
        Map<String, String> row = new LinkedHashMap<>(values);
        row.put("caseId", id.toString());
        FirstJudgementImport.Answer answer = judgements.importResults(Actor.staff(me),
                new FirstJudgementImport.Objects(List.of(row)));
        if (answer instanceof FirstJudgementImport.FileRefused refused) {
            return refused(flash, id, "judgement", values, List.of(violation(refused.problem())));
        }
        FirstJudgementImport.Result line = ((FirstJudgementImport.Imported) answer).lines().get(0);
        if (line instanceof FirstJudgementImport.Rejected rejected) {
            return refused(flash, id, "judgement", values,
                    rejected.problems().stream().map(CasesController::violation).toList());
        }
        List<Violation> warnings = ((FirstJudgementImport.Accepted) line).warnings().stream()
                .map(CasesController::violation).toList();
        if (!warnings.isEmpty()) {
            flash.addFlashAttribute("warnings", warnings);
        }
        return "redirect:" + BASE + "/" + id + "?judgementRecorded";
    }

    /** 二次判定を記録する: level, 有効期間, 審査会の意見 and the reason when it differs from the 一次判定. */
    @PostMapping("/{caseId}/result")
    String result(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String caseId, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = id(caseId);
        Map<String, String> values = values(form, desk.caseForms().result().stream().map(FieldSpec::key).toList());
        try {
            Routed<UUID> routed = results.record(Actor.staff(me), id, values);
            if (routed instanceof Routed.Denied<UUID> denied) {
                return denied(flash, id, "result", values, denied.decision().message());
            }
        } catch (InvalidValue e) {
            return refused(flash, id, "result", values, e.violations());
        }
        return "redirect:" + BASE + "/" + id + "?resultRecorded";
    }

    // ---------------------------------------------------------------- helpers

    private static void page(Model model, StaffSession me) {
        model.addAttribute("me", me);
        model.addAttribute("area", "municipality");
    }

    /** Only a municipality's staff imports 一次判定 results (the facade's precondition); others find no page. */
    private static void municipal(StaffSession me) {
        if (me.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new PortalAdvice.PageNotFound();
        }
    }

    private static UUID id(String caseId) {
        Inputs in = new Inputs();
        UUID id = in.value(caseId, v -> Inputs.uuid(v, "caseId", "認定案件"));
        in.check();
        return id;
    }

    /** The form's values of these keys, stripped; blanks left out (the layouts treat them as not given). */
    private static Map<String, String> values(Map<String, String> form, List<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            String value = form.get(key);
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        }
        return values;
    }

    /** Back to the case page: each error beside its field of that form, the values typed kept, nothing changed. */
    private static String refused(RedirectAttributes flash, UUID id, String which, Map<String, String> values,
            List<Violation> violations) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v.reason());
        }
        flash.addFlashAttribute("form", which);
        flash.addFlashAttribute("fieldErrors", byField);
        flash.addFlashAttribute("values", values);
        flash.addFlashAttribute("errors", violations);
        return "redirect:" + BASE + "/" + id + "#" + which;
    }

    private static String denied(RedirectAttributes flash, UUID id, String which, Map<String, String> values,
            String message) {
        flash.addFlashAttribute("form", which);
        flash.addFlashAttribute("values", values);
        flash.addFlashAttribute("error", message);
        return "redirect:" + BASE + "/" + id;
    }

    private List<FieldSpec> layout(DocumentKind kind) {
        return routing.layout(kind).map(l -> l.fields()).orElseThrow(
                () -> new IllegalStateException("no layout for " + kind.key()));
    }

    private List<FormField> opinionFields() {
        List<FormField> fields = new ArrayList<>();
        fields.add(new FormField("institutionCode", new MyApplicationController.Field("institutionCode",
                "依頼先の医療機関コード", true, "数字10桁", List.of(), "text", 10)));
        fields.addAll(fields(layout(DocumentKind.OPINION_REQUEST), "opinion-"));
        return fields;
    }

    private static List<FormField> fields(List<FieldSpec> specs, String prefix) {
        return specs.stream().map(s -> new FormField(SHARED_KEYS.contains(s.key()) ? prefix + s.key() : s.key(),
                MyApplicationController.field(s))).toList();
    }

    private static Violation violation(FirstJudgementImport.Problem p) {
        return new Violation(p.field(), p.label(), p.reason());
    }

    private static ImportLine line(FirstJudgementImport.Result result) {
        if (result instanceof FirstJudgementImport.Accepted accepted) {
            return new ImportLine(accepted.line(), true, accepted.caseId().toString(),
                    accepted.warnings().stream().map(CasesController::violation).toList());
        }
        FirstJudgementImport.Rejected rejected = (FirstJudgementImport.Rejected) result;
        return new ImportLine(rejected.line(), false, null,
                rejected.problems().stream().map(CasesController::violation).toList());
    }
}
