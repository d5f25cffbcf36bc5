package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.CommitteeDesk;
import jp.kaigo.filing.CommitteeRoom;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.AgendaSummary;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The municipality's 介護認定審査会 pages (docs/design/certification-online.md §6.2, §6.3, §8.3 step 8): the agendas
 * and a new meeting, the cases of one agenda with 「案件を追加」 and 「公開する」, the masking review of one case (the
 * packet as written beside what the committee will see, the masked places marked), and the boards with their
 * members. One {@link CommitteeDesk} call per request; a refused input comes back beside its field with nothing
 * changed, a denial shows the decision's message.
 */
@Controller
@RequestMapping("/portal/municipality")
class AgendasController {
    private static final Pattern MASKED = Pattern.compile("(?:＊＊＊)+");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    /** How many sent forms a session remembers (the oldest is forgotten first). */
    private static final int REMEMBERED_FORMS = 20;
    private static final Map<String, String> STATUSES = Map.of("draft", "準備中", "published", "公開済",
            "held", "開催済", "cancelled", "中止");

    private final SignedIn signedIn;
    private final CommitteeDesk desk;

    AgendasController(SignedIn signedIn, CommitteeDesk desk) {
        this.signedIn = signedIn;
        this.desk = desk;
    }

    // ---------------------------------------------------------------- agendas

    @GetMapping("/agendas")
    String agendas(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        return agendasPage(model, response, me, Map.of(), List.of());
    }

    @PostMapping("/agendas")
    String createAgenda(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        String token = form.get("formToken");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidValue("formToken", "新しい会議", "審査会のページを開き直してから作成してください");
        }
        // the same form sent twice (a double click, a reload) is the meeting it created the first time: one at a
        // time per session, so that two clicks at once cannot both create one
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(request.getSession())) {
            Map<String, UUID> sent = sentForms(request);
            UUID already = sent.get(token);
            if (already != null) {
                return "redirect:/portal/municipality/agendas/" + already + "?created";
            }
            return createAgenda(request, response, model, me, form, sent, token);
        }
    }

    private String createAgenda(HttpServletRequest request, HttpServletResponse response, Model model,
            StaffSession me, Map<String, String> form, Map<String, UUID> sent, String token) {
        Inputs in = new Inputs();
        Integer boardNo = in.value(form.get("boardNo"), v -> number(v, "boardNo", "合議体"));
        LocalDate meetingOn = in.date(form.get("meetingOn"), "meetingOn", "開催日", true);
        try {
            in.check();
            Routed<UUID> created = desk.createAgenda(Actor.staff(me), boardNo, meetingOn);
            if (created instanceof Routed.Denied<UUID> denied) {
                return denied(model, response, me, denied);
            }
            UUID agendaId = ((Routed.Done<UUID>) created).result();
            sent.put(token, agendaId);
            return "redirect:/portal/municipality/agendas/" + agendaId + "?created";
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return agendasPage(model, response, me, form, e.violations());
        }
    }

    private String agendasPage(Model model, HttpServletResponse response, StaffSession me, Map<String, String> values,
            List<Violation> violations) {
        Actor actor = Actor.staff(me);
        Routed<List<AgendaSummary>> agendas = desk.agendas(actor);
        if (agendas instanceof Routed.Denied<List<AgendaSummary>> denied) {
            return denied(model, response, me, denied);
        }
        Routed<List<CommitteeDesk.Board>> boards = desk.boards(actor);
        if (boards instanceof Routed.Denied<List<CommitteeDesk.Board>> denied) {
            return denied(model, response, me, denied);
        }
        model.addAttribute("me", me);
        model.addAttribute("agendas", ((Routed.Done<List<AgendaSummary>>) agendas).result());
        model.addAttribute("boards", ((Routed.Done<List<CommitteeDesk.Board>>) boards).result());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("formToken", values.getOrDefault("formToken", newToken()));
        form(model, values, violations);
        return "portal/municipality/agendas";
    }

    // ---------------------------------------------------------------- one agenda

    @GetMapping("/agendas/{agendaId}")
    String agenda(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String agendaId) {
        StaffSession me = signedIn.staff(request, response);
        return agendaPage(model, response, me, agendaId(agendaId), Map.of(), List.of());
    }

    @PostMapping("/agendas/{agendaId}/cases")
    String addCase(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String agendaId, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = agendaId(agendaId);
        try {
            Inputs in = new Inputs();
            InsuredNumber insured = in.value(form.get("insuredNo"), InsuredNumber::new);
            in.check();
            Routed<Integer> added = desk.addCase(Actor.staff(me), id, insured);
            if (added instanceof Routed.Denied<Integer> denied) {
                return denied(model, response, me, denied);
            }
            return "redirect:/portal/municipality/agendas/" + id + "?added=" + ((Routed.Done<Integer>) added).result();
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return agendaPage(model, response, me, id, form, e.violations());
        }
    }

    @PostMapping("/agendas/{agendaId}/publish")
    String publish(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String agendaId) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = agendaId(agendaId);
        try {
            Routed<Map<Integer, UUID>> published = desk.publish(Actor.staff(me), id);
            if (published instanceof Routed.Denied<Map<Integer, UUID>> denied) {
                return denied(model, response, me, denied);
            }
            return "redirect:/portal/municipality/agendas/" + id + "?published";
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("publishErrors", e.violations());
            return agendaPage(model, response, me, id, Map.of(), List.of());
        }
    }

    private String agendaPage(Model model, HttpServletResponse response, StaffSession me, UUID agendaId,
            Map<String, String> values, List<Violation> violations) {
        Actor actor = Actor.staff(me);
        Routed<Optional<AgendaSummary>> summary = desk.agendaSummary(actor, agendaId);
        if (summary instanceof Routed.Denied<Optional<AgendaSummary>> denied) {
            return denied(model, response, me, denied);
        }
        AgendaSummary agenda = ((Routed.Done<Optional<AgendaSummary>>) summary).result()
                .orElseThrow(PortalAdvice.PageNotFound::new);
        Routed<List<CommitteeDesk.Entry>> cases = desk.agenda(actor, agendaId);
        if (cases instanceof Routed.Denied<List<CommitteeDesk.Entry>> denied) {
            return denied(model, response, me, denied);
        }
        List<CommitteeDesk.Entry> entries = ((Routed.Done<List<CommitteeDesk.Entry>>) cases).result();
        model.addAttribute("me", me);
        model.addAttribute("agenda", agenda);
        model.addAttribute("status", STATUSES.getOrDefault(agenda.status(), agenda.status()));
        model.addAttribute("draft", "draft".equals(agenda.status()));
        model.addAttribute("cases", entries);
        model.addAttribute("unreviewed", entries.stream().filter(e -> !e.reviewed()).count());
        form(model, values, violations);
        return "portal/municipality/agenda";
    }

    // ---------------------------------------------------------------- the masking review of one case

    /** One section of the packet: as written, and as the committee will see it, its masked places marked. */
    record Section(String key, String label, List<String> written, List<List<Part>> masked) {
    }

    /** A piece of a masked line: text, or a masked place. */
    record Part(String text, boolean masked) {
    }

    @GetMapping("/agendas/{agendaId}/cases/{caseNo}")
    String review(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String agendaId, @PathVariable String caseNo) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = agendaId(agendaId);
        int no = caseNo(caseNo);
        Actor actor = Actor.staff(me);
        Optional<CommitteeDesk.Entry> entry = entry(model, response, me, actor, id, no);
        if (entry == null) {
            return "portal/problem";
        }
        Routed<Map<String, String>> masked = desk.preview(actor, id, no);
        if (masked instanceof Routed.Denied<Map<String, String>> denied) {
            return denied(model, response, me, denied);
        }
        Routed<Map<String, String>> written = desk.asWritten(actor, id, no);
        if (written instanceof Routed.Denied<Map<String, String>> denied) {
            return denied(model, response, me, denied);
        }
        Map<String, String> shown = ((Routed.Done<Map<String, String>>) masked).result();
        Map<String, String> original = ((Routed.Done<Map<String, String>>) written).result();
        List<Section> sections = new ArrayList<>();
        CommitteeRoom.SECTIONS.forEach((key, label) -> {
            if (shown.containsKey(key) || original.containsKey(key)) {
                sections.add(new Section(key, label, items(original.get(key)),
                        items(shown.get(key)).stream().map(AgendasController::parts).toList()));
            }
        });
        model.addAttribute("me", me);
        model.addAttribute("entry", entry.orElseThrow());
        model.addAttribute("agendaId", id);
        model.addAttribute("status", STATUSES.getOrDefault(entry.get().status(), entry.get().status()));
        model.addAttribute("draft", "draft".equals(entry.get().status()));
        model.addAttribute("sections", sections);
        model.addAttribute("maskedPlaces", sections.stream().flatMap(s -> s.masked().stream())
                .flatMap(List::stream).filter(Part::masked).count());
        return "portal/municipality/agenda-case";
    }

    @PostMapping("/agendas/{agendaId}/cases/{caseNo}/review")
    String reviewed(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String agendaId, @PathVariable String caseNo) {
        StaffSession me = signedIn.staff(request, response);
        UUID id = agendaId(agendaId);
        int no = caseNo(caseNo);
        Routed<Integer> reviewed = desk.review(Actor.staff(me), id, no);
        if (reviewed instanceof Routed.Denied<Integer> denied) {
            return denied(model, response, me, denied);
        }
        return "redirect:/portal/municipality/agendas/" + id + "?reviewed=" + no;
    }

    /** The case as listed on its agenda; null after answering the denial; empty is "not found" (thrown). */
    private Optional<CommitteeDesk.Entry> entry(Model model, HttpServletResponse response, StaffSession me, Actor actor,
            UUID agendaId, int caseNo) {
        Routed<List<CommitteeDesk.Entry>> cases = desk.agenda(actor, agendaId);
        if (cases instanceof Routed.Denied<List<CommitteeDesk.Entry>> denied) {
            denied(model, response, me, denied);
            return null;
        }
        return Optional.of(((Routed.Done<List<CommitteeDesk.Entry>>) cases).result().stream()
                .filter(e -> e.caseNo() == caseNo).findFirst().orElseThrow(PortalAdvice.PageNotFound::new));
    }

    /** A section is one line, its items joined by " / " (certification's packet). */
    private static List<String> items(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(" / "));
    }

    private static List<Part> parts(String line) {
        List<Part> parts = new ArrayList<>();
        Matcher m = MASKED.matcher(line);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(line.substring(at, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < line.length()) {
            parts.add(new Part(line.substring(at), false));
        }
        return parts;
    }

    // ---------------------------------------------------------------- boards

    @GetMapping("/boards")
    String boards(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        return boardsPage(model, response, me, Map.of(), List.of());
    }

    @PostMapping("/boards")
    String createBoard(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        try {
            Inputs in = new Inputs();
            Integer boardNo = in.value(form.get("boardNo"), v -> number(v, "boardNo", "合議体番号"));
            in.check();
            Routed<Integer> created = desk.createBoard(Actor.staff(me), boardNo, form.get("name"));
            if (created instanceof Routed.Denied<Integer> denied) {
                return denied(model, response, me, denied);
            }
            return "redirect:/portal/municipality/boards/" + boardNo + "?created";
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return boardsPage(model, response, me, form, e.violations());
        }
    }

    @GetMapping("/boards/{boardNo}")
    String board(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String boardNo) {
        StaffSession me = signedIn.staff(request, response);
        return boardPage(model, response, me, boardNo(boardNo), Map.of(), List.of());
    }

    @PostMapping("/boards/{boardNo}/members")
    String addMember(HttpServletRequest request, HttpServletResponse response, Model model,
            @PathVariable String boardNo, @RequestParam Map<String, String> form) {
        StaffSession me = signedIn.staff(request, response);
        int board = boardNo(boardNo);
        try {
            Inputs in = new Inputs();
            if (form.get("loginId") == null || form.get("loginId").isBlank()) {
                in.reject("loginId", "委員のログインID", "必須です");
            }
            LocalDate from = in.date(form.get("validFrom"), "validFrom", "任期の開始日", true);
            LocalDate to = in.date(form.get("validTo"), "validTo", "任期の終了日", false);
            in.check();
            Routed<UUID> added = desk.addMember(Actor.staff(me), board, form.get("loginId"), from, to);
            if (added instanceof Routed.Denied<UUID> denied) {
                return denied(model, response, me, denied);
            }
            return "redirect:/portal/municipality/boards/" + board + "?added";
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return boardPage(model, response, me, board, form, e.violations());
        }
    }

    private String boardsPage(Model model, HttpServletResponse response, StaffSession me, Map<String, String> values,
            List<Violation> violations) {
        Routed<List<CommitteeDesk.Board>> boards = desk.boards(Actor.staff(me));
        if (boards instanceof Routed.Denied<List<CommitteeDesk.Board>> denied) {
            return denied(model, response, me, denied);
        }
        model.addAttribute("me", me);
        model.addAttribute("boards", ((Routed.Done<List<CommitteeDesk.Board>>) boards).result());
        form(model, values, violations);
        return "portal/municipality/boards";
    }

    private String boardPage(Model model, HttpServletResponse response, StaffSession me, int boardNo,
            Map<String, String> values, List<Violation> violations) {
        Routed<List<CommitteeDesk.Board>> boards = desk.boards(Actor.staff(me));
        if (boards instanceof Routed.Denied<List<CommitteeDesk.Board>> denied) {
            return denied(model, response, me, denied);
        }
        CommitteeDesk.Board board = ((Routed.Done<List<CommitteeDesk.Board>>) boards).result().stream()
                .filter(b -> b.boardNo() == boardNo).findFirst().orElseThrow(PortalAdvice.PageNotFound::new);
        model.addAttribute("me", me);
        model.addAttribute("board", board);
        model.addAttribute("today", Inputs.today());
        form(model, values, violations);
        return "portal/municipality/board";
    }

    // ---------------------------------------------------------------- helpers

    /** The 新しい会議 forms this session sent, by their token, with the meeting each created. */
    @SuppressWarnings("unchecked")
    private static Map<String, UUID> sentForms(HttpServletRequest request) {
        var session = request.getSession();
        Object held = session.getAttribute("agendaForms");
        if (held instanceof Map<?, ?> map) {
            return (Map<String, UUID>) map;
        }
        Map<String, UUID> forms = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
                return size() > REMEMBERED_FORMS;
            }
        };
        session.setAttribute("agendaForms", forms);
        return forms;
    }

    private static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The values sent back into the form, and each refusal beside its field. */
    private static void form(Model model, Map<String, String> values, List<Violation> violations) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v.reason());
        }
        if (!violations.isEmpty()) {
            model.addAttribute("errors", violations);
        }
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("values", values);
    }

    private static String denied(Model model, HttpServletResponse response, StaffSession me, Routed.Denied<?> denied) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("me", me);
        model.addAttribute("error", denied.decision().message());
        return "portal/problem";
    }

    /** An agenda a link names; a link that names none is "not found". */
    private static UUID agendaId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PortalAdvice.PageNotFound();
        }
    }

    private static int caseNo(String value) {
        if (value == null || !value.matches("[0-9]{1,4}")) {
            throw new PortalAdvice.PageNotFound();
        }
        return Integer.parseInt(value);
    }

    private static int boardNo(String value) {
        if (value == null || !value.matches("[0-9]{1,3}")) {
            throw new PortalAdvice.PageNotFound();
        }
        return Integer.parseInt(value);
    }

    private static int number(String value, String field, String label) {
        if (value == null || !value.strip().matches("[0-9]{1,3}")) {
            throw new InvalidValue(field, label, "1〜999の半角数字で指定してください");
        }
        return Integer.parseInt(value.strip());
    }
}
