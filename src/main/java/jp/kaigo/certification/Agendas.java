package jp.kaigo.certification;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.AgendaCase;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 介護認定審査会's boards (合議体), their members, the agendas of their meetings and the cases on them (design
 * §6.2), as SQL over certification V7. A case goes on an agenda once its 一次判定 is in (進捗 4 → 5); an agenda is
 * published once every case's masking is reviewed, with one packet document per case. Runs in the caller's
 * transaction; bad input is refused field by field ({@link InvalidValue}).
 */
@Component
class Agendas {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Days the members may read a packet after the meeting (design §6.4 K4). */
    static final int WINDOW_DAYS = 7;

    private final JdbcClient sql;
    private final CaseRevisions revisions;

    Agendas(JdbcClient sql, CaseRevisions revisions) {
        this.sql = sql;
        this.revisions = revisions;
    }

    void createBoard(InsurerNumber insurer, int boardNo, String name) {
        if (boardNo < 1 || boardNo > 999) {
            throw new InvalidValue("boardNo", "合議体番号", "1〜999の整数で指定してください");
        }
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new InvalidValue("name", "合議体の名称", "1〜60文字で指定してください");
        }
        int created = sql.sql("""
                insert into certification.boards (insurer_no, board_no, name) values (:insurer, :board, :name)
                on conflict do nothing
                """).param("insurer", insurer.value()).param("board", boardNo).param("name", name.strip()).update();
        if (created == 0) {
            throw new InvalidValue("boardNo", "合議体番号", "この番号の合議体はすでにあります");
        }
    }

    void addMember(InsurerNumber insurer, int boardNo, UUID staffId, LocalDate from, LocalDate to) {
        board(insurer, boardNo);
        if (from == null) {
            throw new InvalidValue("validFrom", "任期の開始日", "必須です");
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidValue("validTo", "任期の終了日", "開始日より前の日付です");
        }
        sql.sql("""
                insert into certification.board_members (insurer_no, board_no, staff_id, valid_from, valid_to)
                values (:insurer, :board, :staff, :from, :to)
                on conflict (insurer_no, board_no, staff_id, valid_from) do update set valid_to = excluded.valid_to
                """).param("insurer", insurer.value()).param("board", boardNo).param("staff", staffId)
                .param("from", from).param("to", to).update();
    }

    UUID createAgenda(InsurerNumber insurer, int boardNo, LocalDate meetingOn) {
        board(insurer, boardNo);
        if (meetingOn == null) {
            throw new InvalidValue("meetingOn", "開催日", "必須です");
        }
        if (meetingOn.isBefore(LocalDate.now(JAPAN))) {
            throw new InvalidValue("meetingOn", "開催日", "過去の日付です");
        }
        UUID id = UUID.randomUUID();
        sql.sql("""
                insert into certification.agendas (insurer_no, agenda_id, board_no, meeting_on, status)
                values (:insurer, :agenda, :board, :meetingOn, 'draft')
                """).param("insurer", insurer.value()).param("agenda", id).param("board", boardNo)
                .param("meetingOn", meetingOn).update();
        return id;
    }

    /**
     * Puts the person's open case on the draft agenda as its next 事例番号 and moves the case to 進捗 5
     * (介護認定審査会); a case already at 5 (left from a cancelled agenda) stays there.
     */
    UUID addCase(InsurerNumber insurer, UUID agendaId, InsuredNumber insured) {
        draft(insurer, agendaId);
        var found = sql.sql("""
                select c.case_id, r.progress from certification.cases c
                  join certification.certification_records r on r.insurer_no = c.insurer_no
                       and r.insured_no = c.insured_no and r.case_id = c.case_id and r.current
                 where c.insurer_no = :insurer and c.insured_no = :insured and c.status = 'open'
                """).param("insurer", insurer.value()).param("insured", insured.value())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).optional()
                .orElseThrow(() -> new InvalidValue("insuredNo", "被保険者番号", "この方の受付中の認定案件がありません"));
        UUID caseId = (UUID) found[0];
        String progress = (String) found[1];
        if (!Progress.FIRST_JUDGEMENT.code().equals(progress) && !Progress.BOARD.code().equals(progress)) {
            throw new InvalidValue("insuredNo", "被保険者番号", "一次判定の取込後に審査会の案件にできます");
        }
        boolean onAnother = sql.sql("""
                select exists (select 1 from certification.agenda_cases ac
                  join certification.agendas a on a.insurer_no = ac.insurer_no and a.agenda_id = ac.agenda_id
                 where ac.insurer_no = :insurer and ac.case_id = :case and a.status <> 'cancelled')
                """).param("insurer", insurer.value()).param("case", caseId).query(Boolean.class).single();
        if (onAnother) {
            throw new InvalidValue("insuredNo", "被保険者番号", "この案件はすでに審査会の案件になっています");
        }
        int caseNo = sql.sql("""
                select coalesce(max(case_no), 0) + 1 from certification.agenda_cases
                 where insurer_no = :insurer and agenda_id = :agenda
                """).param("insurer", insurer.value()).param("agenda", agendaId).query(Integer.class).single();
        sql.sql("""
                insert into certification.agenda_cases (insurer_no, agenda_id, case_no, insured_no, case_id)
                values (:insurer, :agenda, :caseNo, :insured, :case)
                """).param("insurer", insurer.value()).param("agenda", agendaId).param("caseNo", caseNo)
                .param("insured", insured.value()).param("case", caseId).update();
        if (Progress.FIRST_JUDGEMENT.code().equals(progress)) {
            revisions.advance(insurer, insured, caseId, Progress.BOARD, Map.of());
        }
        return caseId;
    }

    void reviewed(InsurerNumber insurer, UUID agendaId, int caseNo, UUID staffId) {
        draft(insurer, agendaId);
        int marked = sql.sql("""
                update certification.agenda_cases set masking_reviewed_by = :staff, masking_reviewed_at = now()
                 where insurer_no = :insurer and agenda_id = :agenda and case_no = :caseNo
                """).param("staff", staffId).param("insurer", insurer.value()).param("agenda", agendaId)
                .param("caseNo", caseNo).update();
        if (marked == 0) {
            throw new InvalidValue("caseNo", "事例番号", "この審査会の案件にありません");
        }
    }

    /** Every case of the agenda, in 事例番号 order. */
    List<AgendaCase> cases(InsurerNumber insurer, UUID agendaId) {
        return sql.sql(SELECT + " where a.insurer_no = :insurer and a.agenda_id = :agenda order by ac.case_no")
                .param("insurer", insurer.value()).param("agenda", agendaId).query(Agendas::agendaCase).list();
    }

    /** The draft's cases for publication: refused unless there is at least one and each one's masking is reviewed. */
    List<AgendaCase> toPublish(InsurerNumber insurer, UUID agendaId) {
        draft(insurer, agendaId);
        List<AgendaCase> cases = cases(insurer, agendaId);
        if (cases.isEmpty()) {
            throw new InvalidValue("agendaId", "審査会", "案件がありません");
        }
        List<Integer> unreviewed = cases.stream().filter(c -> !c.reviewed()).map(AgendaCase::caseNo)
                .toList();
        if (!unreviewed.isEmpty()) {
            throw new InvalidValue("caseNo", "事例番号", "マスキングの確認が済んでいない案件があります(事例番号 "
                    + unreviewed.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        }
        return cases;
    }

    void published(InsurerNumber insurer, UUID agendaId, Map<Integer, UUID> packets) {
        toPublish(insurer, agendaId);
        for (Map.Entry<Integer, UUID> packet : packets.entrySet()) {
            sql.sql("""
                    update certification.agenda_cases set packet_document_id = :document
                     where insurer_no = :insurer and agenda_id = :agenda and case_no = :caseNo
                    """).param("document", packet.getValue()).param("insurer", insurer.value())
                    .param("agenda", agendaId).param("caseNo", packet.getKey()).update();
        }
        sql.sql("""
                update certification.agendas set status = 'published', published_at = now()
                 where insurer_no = :insurer and agenda_id = :agenda and status = 'draft'
                """).param("insurer", insurer.value()).param("agenda", agendaId).update();
    }

    /**
     * The published cases of agendas of the boards the staff member belongs to on the meeting day, whose window
     * (meeting + {@value #WINDOW_DAYS} days) is not over, by meeting date and 事例番号.
     */
    List<AgendaCase> ofMember(InsurerNumber insurer, UUID staffId) {
        return sql.sql(SELECT + """
                 where a.insurer_no = :insurer and a.status in ('published', 'held') and ac.packet_document_id is not null
                   and a.meeting_on >= :earliest
                   and exists (select 1 from certification.board_members m where m.insurer_no = a.insurer_no
                               and m.board_no = a.board_no and m.staff_id = :staff and m.valid_from <= a.meeting_on
                               and (m.valid_to is null or m.valid_to >= a.meeting_on))
                 order by a.meeting_on, a.board_no, ac.case_no
                """).param("insurer", insurer.value()).param("staff", staffId)
                .param("earliest", LocalDate.now(JAPAN).minusDays(WINDOW_DAYS)).query(Agendas::agendaCase).list();
    }

    /** The agenda the packet document is on, with the staff member's membership of its board. */
    Optional<AgendaCase.OfMember> packetAgenda(InsurerNumber insurer, UUID documentId, UUID staffId) {
        return sql.sql(SELECT + " where a.insurer_no = :insurer and ac.packet_document_id = :document")
                .param("insurer", insurer.value()).param("document", documentId).query(Agendas::agendaCase).optional()
                .map(c -> {
                    List<Object[]> terms = sql.sql("""
                            select valid_from, valid_to from certification.board_members
                             where insurer_no = :insurer and board_no = :board and staff_id = :staff
                            """).param("insurer", insurer.value()).param("board", c.boardNo()).param("staff", staffId)
                            .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class),
                                    rs.getObject(2, LocalDate.class)}).list();
                    boolean onMeetingDay = terms.stream().anyMatch(t -> !((LocalDate) t[0]).isAfter(c.meetingOn())
                            && (t[1] == null || !((LocalDate) t[1]).isBefore(c.meetingOn())));
                    return new AgendaCase.OfMember(c, !terms.isEmpty(), onMeetingDay);
                });
    }

    /** The municipality's boards by number, each with its members' terms (by start). */
    List<jp.kaigo.shared.AgendaSummary.Board> boards(InsurerNumber insurer) {
        List<Object[]> boards = sql.sql("select board_no, name from certification.boards where insurer_no = :insurer"
                + " order by board_no").param("insurer", insurer.value())
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        List<Object[]> members = sql.sql("""
                select board_no, staff_id, valid_from, valid_to from certification.board_members
                 where insurer_no = :insurer order by board_no, valid_from, staff_id
                """).param("insurer", insurer.value()).query((rs, i) -> new Object[] {rs.getInt(1),
                        new jp.kaigo.shared.AgendaSummary.Member(rs.getObject(2, UUID.class),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))}).list();
        return boards.stream().map(b -> new jp.kaigo.shared.AgendaSummary.Board((Integer) b[0], (String) b[1],
                members.stream().filter(m -> m[0].equals(b[0]))
                        .map(m -> (jp.kaigo.shared.AgendaSummary.Member) m[1]).toList())).toList();
    }

    /** The municipality's agendas, the latest meeting first, with their numbers of cases and of reviewed ones. */
    List<jp.kaigo.shared.AgendaSummary> agendas(InsurerNumber insurer) {
        return sql.sql("""
                select a.agenda_id, a.board_no, b.name, a.meeting_on, a.status, a.published_at,
                       count(ac.case_no), count(ac.masking_reviewed_at)
                  from certification.agendas a
                  join certification.boards b on b.insurer_no = a.insurer_no and b.board_no = a.board_no
                  left join certification.agenda_cases ac on ac.insurer_no = a.insurer_no and ac.agenda_id = a.agenda_id
                 where a.insurer_no = :insurer
                 group by a.agenda_id, a.board_no, b.name, a.meeting_on, a.status, a.published_at
                 order by a.meeting_on desc, a.board_no, a.agenda_id
                """).param("insurer", insurer.value()).query((rs, i) -> {
                    Timestamp published = rs.getTimestamp(6);
                    return new jp.kaigo.shared.AgendaSummary(rs.getObject(1, UUID.class), rs.getInt(2),
                            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                            published == null ? null : published.toInstant(), rs.getInt(7), rs.getInt(8));
                }).list();
    }

    private static final String SELECT = """
            select a.agenda_id, a.board_no, b.name, a.meeting_on, a.status, a.published_at, ac.case_no, ac.insured_no,
                   ac.case_id, c.application_document_id, ac.packet_document_id, ac.masking_reviewed_at is not null
              from certification.agendas a
              join certification.boards b on b.insurer_no = a.insurer_no and b.board_no = a.board_no
              join certification.agenda_cases ac on ac.insurer_no = a.insurer_no and ac.agenda_id = a.agenda_id
              join certification.cases c on c.insurer_no = ac.insurer_no and c.insured_no = ac.insured_no
                   and c.case_id = ac.case_id
            """;

    private static AgendaCase agendaCase(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp(6);
        return new AgendaCase(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), published == null ? null : published.toInstant(),
                rs.getInt(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                rs.getObject(11, UUID.class), rs.getBoolean(12));
    }

    private void board(InsurerNumber insurer, int boardNo) {
        boolean exists = sql.sql("select exists (select 1 from certification.boards where insurer_no = :insurer"
                + " and board_no = :board)").param("insurer", insurer.value()).param("board", boardNo)
                .query(Boolean.class).single();
        if (!exists) {
            throw new InvalidValue("boardNo", "合議体番号", "この市町村の合議体にありません");
        }
    }

    private void draft(InsurerNumber insurer, UUID agendaId) {
        String status = sql.sql("select status from certification.agendas where insurer_no = :insurer and agenda_id = :agenda"
                + " for update").param("insurer", insurer.value()).param("agenda", agendaId).query(String.class)
                .optional().orElseThrow(() -> new InvalidValue("agendaId", "審査会", "この市町村の審査会にありません"));
        if (!"draft".equals(status)) {
            throw new InvalidValue("agendaId", "審査会", "公開済みの審査会は変更できません");
        }
    }
}
