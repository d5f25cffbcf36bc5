package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Implemented by each module that holds shared care records, for the {@code access} module only: exits
 * never read care records directly, they ask {@code access}, which decides and then reads through this.
 */
public interface CareRecordSource {

    /** The categories this source holds. */
    List<InformationCategory> categories();

    /** Every current record of the category for the person, newest first: fields by layout key. */
    List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo);

    /**
     * Whether the medical institution's request to write the person's 主治医意見書 is open on {@code today}: the
     * insurer asked it (at most 180 days ago) and the 意見書 has not arrived, or arrived at most 30 days ago.
     * Such an institution sees what the request needs without a consent.
     */
    default boolean opinionRequestOpen(String institutionCode, String insurerNo, String insuredNo, LocalDate today) {
        return false;
    }

    /** Whether the person has an open 認定 case (an accepted application not yet decided or withdrawn). */
    default boolean caseOpen(String insurerNo, String insuredNo) {
        return false;
    }

    /**
     * Whether an open survey assignment of the person's open 認定 case names this staff member as the municipality's
     * own surveyor (design §4.1, S8).
     */
    default boolean surveyAssignedTo(String insurerNo, String insuredNo, java.util.UUID staffId) {
        return false;
    }

    /** The 有効期間 of the person's latest 認定 with a level (要支援1–要介護5), if any. */
    default java.util.Optional<Period> latestCertified(String insurerNo, String insuredNo) {
        return java.util.Optional.empty();
    }

    // 介護認定審査会 (docs/design/certification-online.md §6.2–§6.4)

    /** The cases of the insurer's agenda, by 事例番号 (empty for an unknown agenda). */
    default List<AgendaCase> agendaCases(String insurerNo, java.util.UUID agendaId) {
        return List.of();
    }

    /**
     * The published cases of agendas of the boards the staff member sits on on the meeting day, meeting no more than
     * 7 days ago, by meeting date and 事例番号.
     */
    default List<AgendaCase> boardPackets(String insurerNo, java.util.UUID staffId) {
        return List.of();
    }

    /** The insurer's agenda case whose packet is this document, with the staff member's membership of its board. */
    default java.util.Optional<AgendaCase.OfMember> packetAgenda(String insurerNo, java.util.UUID packetDocumentId,
            java.util.UUID staffId) {
        return java.util.Optional.empty();
    }

    /**
     * The masked 審査会資料 of the case on the agenda as built now (design §6.3), its sections by key; the names and
     * phones of the application (contact, applicant, doctor) are masked too.
     */
    default Map<String, String> committeePacket(String insurerNo, AgendaCase agendaCase, List<String> otherNames,
            List<String> phones) {
        return Map.of();
    }

    /** The insurer's boards (合議体) with their members' terms, by number. */
    default List<AgendaSummary.Board> committeeBoards(String insurerNo) {
        return List.of();
    }

    /** The insurer's agendas, the latest meeting first. */
    default List<AgendaSummary> agendas(String insurerNo) {
        return List.of();
    }

    /**
     * The same 審査会資料 with its free texts as written (nothing masked), for the officer's masking review beside
     * the masked one only; never sent.
     */
    default Map<String, String> committeePacketAsWritten(String insurerNo, AgendaCase agendaCase) {
        return Map.of();
    }
}
