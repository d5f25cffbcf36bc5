package jp.kaigo.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * Who reads a 介護認定審査会資料 (the masked packet of one case) and until when, as a pure function of the facts
 * (docs/design/certification-online.md §6.4, rows K2–K8; K1 — a 審査会委員 reads nothing else — is decided by
 * {@link AccessRules}, {@link EligibilityRules} and {@link ExchangeRules}). {@code CommitteeDecisionTableTests} checks
 * every combination against the design's table. A packet the asker cannot see on an agenda of its own municipality is
 * answered {@link AccessReason#NOT_ON_AGENDA} (shown as "not found": its existence is not confirmed).
 */
final class CommitteeRules {
    /** Day arithmetic of the window is in Japanese time, whatever the server's zone. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The packet may be read through the meeting date + this many days, 23:59:59 Asia/Tokyo (I16 §6). */
    static final int WINDOW_DAYS = 7;

    /** The agenda's status (certification.agendas.status). */
    enum AgendaStatus {
        DRAFT, PUBLISHED, HELD, CANCELLED
    }

    /** The asking member's membership of the agenda's 合議体 (certification.board_members). */
    enum Membership {
        /** Never a member of that board (another 合議体's case). */
        NEVER,
        /** A member, but not on the meeting date (valid_to before it, or valid_from after it). */
        NOT_ON_MEETING_DAY,
        /** A member on the meeting date. */
        ON_MEETING_DAY
    }

    /**
     * @param actor       who asks
     * @param onOwnAgenda the packet is on an agenda of the asker's municipality (false for a guessed or unknown id,
     *                    or another municipality's packet); the other agenda facts mean nothing when false
     * @param membership  the asker's membership of the agenda's board
     * @param status      the agenda's status
     * @param publishedAt when the agenda was (or is to be) published; null if never
     * @param meetingOn   the meeting date (Japanese calendar day)
     * @param now         the time of the request
     */
    record Facts(Actor actor, boolean onOwnAgenda, Membership membership, AgendaStatus status, Instant publishedAt,
            LocalDate meetingOn, Instant now) {
    }

    private CommitteeRules() {
    }

    static AccessReason decide(Facts f) {
        if (f.actor().isPerson() || f.actor().kind() != PartyKind.MUNICIPALITY) {
            return AccessReason.NOT_INVOLVED; // §2.10 R7: the packet goes to the 合議体 and its municipality only
        }
        if (f.actor().job() != JobType.COMMITTEE_MEMBER) {
            // K8: the municipality's other staff, packets of its own agendas; anything else is not confirmed (K5)
            return f.onOwnAgenda() ? AccessReason.OWN_INSURED : AccessReason.NOT_ON_AGENDA;
        }
        if (f.onOwnAgenda() && f.membership() == Membership.NEVER) {
            return AccessReason.OTHER_BOARD; // K2
        }
        if (f.onOwnAgenda() && (f.status() == AgendaStatus.DRAFT || f.status() == AgendaStatus.CANCELLED
                || f.publishedAt() == null || f.now().isBefore(f.publishedAt()))) {
            return AccessReason.NOT_PUBLISHED; // K3
        }
        if (f.onOwnAgenda() && !f.now().isBefore(windowEnd(f.meetingOn()))) {
            return AccessReason.WINDOW_CLOSED; // K4
        }
        if (!f.onOwnAgenda()) {
            return AccessReason.NOT_ON_AGENDA; // K5
        }
        if (f.membership() != Membership.ON_MEETING_DAY) {
            return AccessReason.NOT_MEMBER; // K6
        }
        return AccessReason.BOARD_CASE; // K7
    }

    /** The first instant the packet is closed: the start of (meeting date + 8 days) in Japan. */
    static Instant windowEnd(LocalDate meetingOn) {
        return meetingOn.plusDays(WINDOW_DAYS + 1L).atStartOfDay(JAPAN).toInstant();
    }
}
