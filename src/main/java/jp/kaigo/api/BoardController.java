package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.filing.CommitteeDesk;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InsuredNumber;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's 市町村職員 prepares the 介護認定審査会 (design §6.2, §6.3, §8.1): boards and members, agendas,
 * the cases on them, the masking review of each case's packet and the publication. One {@link CommitteeDesk} call
 * each.
 */
@RestController
class BoardController {
    private final CommitteeDesk desk;
    private final StaffAccounts staff;

    BoardController(CommitteeDesk desk, StaffAccounts staff) {
        this.desk = desk;
        this.staff = staff;
    }

    record NewBoard(String boardNo, String name) {
    }

    record NewMember(String loginId, String validFrom, String validTo) {
    }

    record NewAgenda(String boardNo, String meetingOn) {
    }

    record NewCase(String insuredNo) {
    }

    /** A case on the agenda as the officer sees it. */
    record Listed(int caseNo, String insuredNo, boolean reviewed, String packetId) {
    }

    @PostMapping("/api/certification/boards")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createBoard(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody NewBoard body) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        Integer boardNo = boardNo(in, body.boardNo());
        in.check();
        return Map.of("boardNo", AccessDenied.unless(desk.createBoard(actor, boardNo, body.name())));
    }

    @PostMapping("/api/certification/boards/{boardNo}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addMember(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String boardNo, @RequestBody NewMember body) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        Integer board = boardNo(in, boardNo);
        LocalDate from = in.date(body.validFrom(), "validFrom", "任期の開始日", true);
        LocalDate to = in.date(body.validTo(), "validTo", "任期の終了日", false);
        in.check();
        AccessDenied.unless(desk.addMember(actor, board, body.loginId(), from, to));
        return Map.of("boardNo", board, "loginId", body.loginId());
    }

    @PostMapping("/api/certification/agendas")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createAgenda(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody NewAgenda body) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        Integer board = boardNo(in, body.boardNo());
        LocalDate meetingOn = in.date(body.meetingOn(), "meetingOn", "開催日", true);
        in.check();
        return Map.of("agendaId", AccessDenied.unless(desk.createAgenda(actor, board, meetingOn)).toString());
    }

    @GetMapping("/api/certification/agendas/{agendaId}")
    Map<String, Object> agenda(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String agendaId) {
        Actor actor = actor(caller, http);
        UUID id = agendaId(agendaId);
        List<CommitteeDesk.Entry> cases = AccessDenied.unless(desk.agenda(actor, id));
        if (cases.isEmpty()) {
            return Map.of("agendaId", id.toString(), "cases", List.of());
        }
        CommitteeDesk.Entry first = cases.get(0);
        return Map.of("agendaId", id.toString(), "boardNo", first.boardNo(), "meetingOn", first.meetingOn().toString(),
                "status", first.status(), "cases", cases.stream().map(c -> new Listed(c.caseNo(), c.insuredNo(),
                        c.reviewed(), c.packetId() == null ? null : c.packetId().toString())).toList());
    }

    @PostMapping("/api/certification/agendas/{agendaId}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addCase(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String agendaId, @RequestBody NewCase body) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        UUID id = in.value(agendaId, v -> Inputs.uuid(v, "agendaId", "審査会"));
        InsuredNumber insured = in.value(body.insuredNo(), InsuredNumber::new);
        in.check();
        return Map.of("caseNo", AccessDenied.unless(desk.addCase(actor, id, insured)));
    }

    @GetMapping("/api/certification/agendas/{agendaId}/cases/{caseNo}/packet")
    Map<String, String> packet(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String agendaId, @PathVariable String caseNo) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        UUID id = in.value(agendaId, v -> Inputs.uuid(v, "agendaId", "審査会"));
        Integer no = caseNo(in, caseNo);
        in.check();
        return AccessDenied.unless(desk.preview(actor, id, no));
    }

    @PostMapping("/api/certification/agendas/{agendaId}/cases/{caseNo}/review")
    Map<String, Object> review(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String agendaId, @PathVariable String caseNo) {
        Actor actor = actor(caller, http);
        Inputs in = new Inputs();
        UUID id = in.value(agendaId, v -> Inputs.uuid(v, "agendaId", "審査会"));
        Integer no = caseNo(in, caseNo);
        in.check();
        return Map.of("caseNo", AccessDenied.unless(desk.review(actor, id, no)), "reviewed", true);
    }

    @PostMapping("/api/certification/agendas/{agendaId}/publish")
    Map<String, Object> publish(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String agendaId) {
        Actor actor = actor(caller, http);
        UUID id = agendaId(agendaId);
        Map<Integer, UUID> packets = AccessDenied.unless(desk.publish(actor, id));
        return Map.of("agendaId", id.toString(), "packets", packets.entrySet().stream()
                .map(e -> Map.of("caseNo", e.getKey(), "packetId", e.getValue().toString())).toList());
    }

    private Actor actor(PartyUser caller, HttpServletRequest http) {
        return Actor.staff(StaffController.session(staff, caller, http));
    }

    private static UUID agendaId(String value) {
        Inputs in = new Inputs();
        UUID id = in.value(value, v -> Inputs.uuid(v, "agendaId", "審査会"));
        in.check();
        return id;
    }

    private static Integer boardNo(Inputs in, String value) {
        return in.value(value, v -> number(v, "boardNo", "合議体番号"));
    }

    private static Integer caseNo(Inputs in, String value) {
        return in.value(value, v -> number(v, "caseNo", "事例番号"));
    }

    private static int number(String value, String field, String label) {
        if (value == null || !value.strip().matches("[0-9]{1,4}")) {
            throw new jp.kaigo.shared.InvalidValue(field, label, "1〜4桁の半角数字で指定してください");
        }
        return Integer.parseInt(value.strip());
    }
}
