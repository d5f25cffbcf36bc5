package jp.kaigo.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case on an agenda of the 介護認定審査会 (docs/design/certification-online.md §6.2), as the certification module
 * holds it and {@code access} hands it on: the agenda (board, meeting date, status draft/published/held/cancelled,
 * when published), the case's 事例番号, whose it is, its application document, its packet document once published
 * and whether its masking is reviewed.
 */
public record AgendaCase(UUID agendaId, int boardNo, String boardName, LocalDate meetingOn, String status,
        Instant publishedAt, int caseNo, String insuredNo, UUID caseId, UUID applicationDocumentId,
        UUID packetDocumentId, boolean reviewed) {

    /** The agenda a packet is on, with a staff member's membership of its board (ever; on the meeting day). */
    public record OfMember(AgendaCase agendaCase, boolean memberOfBoard, boolean memberOnMeetingDay) {
    }
}
