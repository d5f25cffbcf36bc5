package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 「要介護認定を申請する」 for the person signed in with the card, or their representative
 * (docs/design/certification-online.md §3.2, §8.1 "portal (person)"): the form is built from the
 * {@code certification-application} layout, sent through {@link DocumentRouting} to the municipality that insures
 * the person, and answered with its 受付番号. Field errors come back beside each field and nothing is stored; the
 * form carries a token that becomes the idempotency key, so sending the same form twice gives the same document.
 */
@Controller
@RequestMapping("/portal/me")
class MyApplicationController {
    private static final DocumentKind KIND = DocumentKind.CERTIFICATION_APPLICATION;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern LENGTH = Pattern.compile("^(\\d+)文字以内");
    /** Longer texts get a text area. */
    private static final int LONG_TEXT = 100;
    /** Coded fields with at most this many codes are radio buttons, others a select. */
    private static final int RADIOS = 4;
    /** The form's sections (design §3.2), by the layout's keys; a key the layout lacks is left out. */
    private static final List<Section> SECTIONS = List.of(
            new Section("type", "申請区分", List.of("applicationType", "changeReason", "phone")),
            new Section("doctor", "主治医", List.of("noDoctor", "doctorInstitutionCode", "doctorInstitutionName",
                    "doctorInstitutionAddress", "doctorInstitutionPhone", "doctorName", "doctorDepartment")),
            new Section("hospital", "過去6か月の入院・入所", List.of("hospitalised", "hospitalName", "hospitalAddress",
                    "hospitalFrom", "hospitalTo")),
            new Section("survey", "認定調査", List.of("surveyPlace", "surveyPlaceName", "surveyPlaceAddress",
                    "surveyContactName", "surveyContactRelation", "surveyContactPhone", "surveyNotes")),
            new Section("secondary", "第2号被保険者(40〜64歳)の方", List.of("medicalInsurer", "medicalInsuredSymbol",
                    "specificDisease")),
            new Section("applicant", "申請者(代理人が申請するとき)", List.of("applicantName", "applicantRelation",
                    "applicantPhone")),
            new Section("consent", "同意", List.of("blanketConsent")),
            new Section("notice", "結果の通知", List.of("resultByPaper")));

    private final SignedIn signedIn;
    private final DocumentRouting routing;

    MyApplicationController(SignedIn signedIn, DocumentRouting routing) {
        this.signedIn = signedIn;
        this.routing = routing;
    }

    private record Section(String id, String title, List<String> keys) {
    }

    /** A section of the form as the page shows it. */
    record Group(String id, String title, List<Field> fields) {
    }

    /** One field: the layout's key, label, whether required, its rule in words, its codes, and how it is typed. */
    record Field(String key, String label, boolean required, String rule, List<Map.Entry<String, String>> codes,
            String input, Integer maxLength) {
    }

    @GetMapping("/apply")
    String form(Model model) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        return form(model, me, Map.of(), List.of(), newToken());
    }

    /** Sends the application (one call); the same form sent twice is the same document (its token is the key). */
    @PostMapping("/apply")
    String apply(Model model, HttpServletResponse response, @RequestParam Map<String, String> form) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        String token = form.get("formToken");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidValue("formToken", "申請フォーム", "申請のページを開き直してから送信してください");
        }
        DocumentLayout layout = layout();
        Map<String, String> payload = new LinkedHashMap<>();
        for (FieldSpec field : layout.fields()) {
            String value = form.get(field.key());
            if (value != null && !value.isBlank()) {
                payload.put(field.key(), value.strip());
            }
        }
        InsurerNumber insurer = new InsurerNumber(me.insurerNo());
        Routed<SendResult> routed = routing.send(Actor.person(me), new Outgoing(KIND,
                Correspondent.of(Party.municipality(me.insurerNo())), insurer, new InsuredNumber(me.insuredNo()),
                payload, "portal-apply:" + token, null, null));
        if (routed instanceof Routed.Denied<SendResult> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            return form(model, me, payload, List.of(), token);
        }
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        if (result instanceof SendResult.Sent sent) {
            return "redirect:/portal/me/applications/" + sent.document().documentId() + "?sent";
        }
        if (result instanceof SendResult.Duplicate duplicate) {
            return "redirect:/portal/me/applications/" + duplicate.document().documentId() + "?sent";
        }
        if (result instanceof Invalid invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, me, payload, invalid.violations(), token);
        }
        Refused refused = (Refused) result;
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("error", refused.reason().message());
        return form(model, me, payload, List.of(), token);
    }

    /** The application sent: its 受付番号 (the document id), its status and what was written. */
    @GetMapping("/applications/{documentId}")
    String application(Model model, HttpServletResponse response, @PathVariable String documentId) {
        MyNumberCards.LinkedPerson me = signedIn.person();
        Inputs in = new Inputs();
        UUID id = in.value(documentId, v -> Inputs.uuid(v, "documentId", "受付番号"));
        in.check();
        person(model, me);
        Routed<OpenResult> opened = routing.open(Actor.person(me),
                new DocumentRef(new InsurerNumber(me.insurerNo()), new InsuredNumber(me.insuredNo()), id));
        if (opened instanceof Routed.Denied<OpenResult> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
        } else if (((Routed.Done<OpenResult>) opened).result() instanceof OpenResult.Opened open) {
            model.addAttribute("view", open.document());
            model.addAttribute("lines", DocumentPages.lines(layout(), open.document().payload()));
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", ((Refused) ((Routed.Done<OpenResult>) opened).result()).reason().message());
        }
        return "portal/me/application";
    }

    // ---------------------------------------------------------------- the form

    private String form(Model model, MyNumberCards.LinkedPerson me, Map<String, String> values,
            List<Violation> violations, String token) {
        person(model, me);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v.reason());
        }
        if (!violations.isEmpty()) {
            model.addAttribute("errors", violations);
        }
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("values", values);
        model.addAttribute("groups", groups(layout(), me.actingAs() != null || values.keySet().stream()
                .anyMatch(k -> k.startsWith("applicant"))));
        model.addAttribute("formToken", token);
        return "portal/me/apply";
    }

    private static void person(Model model, MyNumberCards.LinkedPerson me) {
        model.addAttribute("me", me);
        model.addAttribute("acting", me.actingAs() == null ? null
                : MunicipalityController.REPRESENTATIVE_KINDS.getOrDefault(me.actingAs(), me.actingAs()));
    }

    /** The layout's fields in the form's sections; a field no section names comes last, so none is lost. */
    static List<Group> groups(DocumentLayout layout, boolean withApplicant) {
        List<Group> groups = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Section section : SECTIONS) {
            placed.addAll(section.keys());
            if (section.id().equals("applicant") && !withApplicant) {
                continue;
            }
            List<Field> fields = section.keys().stream().flatMap(k -> layout.field(k).stream())
                    .map(MyApplicationController::field).toList();
            if (!fields.isEmpty()) {
                groups.add(new Group(section.id(), section.title(), fields));
            }
        }
        List<Field> rest = layout.fields().stream().filter(f -> !placed.contains(f.key()))
                .map(MyApplicationController::field).toList();
        if (!rest.isEmpty()) {
            groups.add(new Group("other", "その他", rest));
        }
        return groups;
    }

    static Field field(FieldSpec spec) {
        Integer length = null;
        Matcher m = LENGTH.matcher(spec.rule());
        if (m.find()) {
            length = Integer.valueOf(m.group(1));
        }
        String input;
        if (!spec.codes().isEmpty()) {
            input = spec.codes().size() <= RADIOS ? "radio" : "select";
        } else if (spec.rule().startsWith("日付")) {
            input = "date";
        } else if (length != null && length > LONG_TEXT) {
            input = "textarea";
        } else {
            input = "text";
        }
        return new Field(spec.key(), spec.label(), spec.required(), spec.rule(), DocumentPages.codes(spec), input,
                length);
    }

    private DocumentLayout layout() {
        return routing.layout(KIND).orElseThrow(() -> new IllegalStateException("no layout for " + KIND.key()));
    }

    private static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
