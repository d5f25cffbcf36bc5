package jp.kaigo.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agenda of the 介護認定審査会 (docs/design/certification-online.md §6.2) as the certification module holds it
 * and {@code access} hands it on to the municipality's 市町村職員: its board, meeting date, status
 * (draft/published/held/cancelled), when published, and how many of its cases there are and are reviewed. No
 * person's data.
 */
public record AgendaSummary(UUID agendaId, int boardNo, String boardName, LocalDate meetingOn, String status,
        Instant publishedAt, int cases, int reviewed) {

    /** A 合議体 of the municipality with its members' terms (members by staff id only). */
    public record Board(int boardNo, String name, List<Member> members) {
    }

    /** A member's term on a board (to: open when null). */
    public record Member(UUID staffId, LocalDate validFrom, LocalDate validTo) {
    }
}
