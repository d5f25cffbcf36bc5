package jp.kaigo.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.AccessDecisions.AgendaFacts;
import jp.kaigo.access.AccessDecisions.SentDocument;
import jp.kaigo.access.AccessReason;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.shared.AgendaCase;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;

/**
 * The 介護認定審査会委員's room (design §6.4, §8.1): the packets of the agendas of the boards the member sits on,
 * within their window, and one packet opened — decided by access ({@code CommitteeRules} K2–K8, audited with the
 * purpose 介護認定審査会の審査). A packet on no agenda of the member's municipality, or on another board's, is
 * answered as not found: its existence is not confirmed. Members see the 事例番号, never whose case it is.
 */
@Service
public class CommitteeRoom {
    /** The packet's sections in the order shown, with their labels (the committee-packet layout's). */
    public static final Map<String, String> SECTIONS = sections();

    private final AccessDecisions access;
    private final DocumentExchange exchange;

    CommitteeRoom(AccessDecisions access, DocumentExchange exchange) {
        this.access = access;
        this.exchange = exchange;
    }

    /** A packet as listed: its document, board, meeting date and 事例番号 — nothing about the person. */
    public record Listed(UUID packetId, int boardNo, String boardName, LocalDate meetingOn, int caseNo) {
    }

    /** An opened packet: as listed, and its sections by key (see {@link #SECTIONS}). */
    public record Packet(Listed listed, Map<String, String> sections) {
    }

    /** The member's packets that are published and still within their window; empty for anyone else. */
    public List<Listed> packets(Actor actor) {
        if (!member(actor)) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Listed> listed = new ArrayList<>();
        for (AgendaCase c : access.boardPackets(actor)) {
            if (c.publishedAt() != null && !now.isBefore(c.publishedAt())) {
                listed.add(listed(c));
            }
        }
        return listed;
    }

    /**
     * The packet if the member may read it; empty when it is not found for them (unknown id, not on an agenda of
     * their municipality, another board's); denied (audited) when closed, not yet published or not a member on the
     * meeting day.
     */
    public Optional<Routed<Packet>> open(Actor actor, UUID packetId) {
        Optional<AgendaCase.OfMember> agenda = actor.isPerson() || actor.organisation() == null
                || actor.organisation().kind() != PartyKind.MUNICIPALITY ? Optional.empty()
                : access.packetAgenda(actor, packetId);
        String insurerNo = agenda.isPresent() ? actor.organisation().number() : null;
        String insuredNo = agenda.map(a -> a.agendaCase().insuredNo()).orElse(null);
        Correspondent board = agenda.map(a -> Correspondent.board(new InsurerNumber(insurerNo),
                String.valueOf(a.agendaCase().boardNo()))).orElse(null);
        SentDocument packet = new SentDocument(packetId, DocumentKind.COMMITTEE_PACKET,
                agenda.isPresent() ? actor.organisation() : null, board, insurerNo, insuredNo, false, false, false);
        AgendaFacts facts = agenda.map(a -> new AgendaFacts(true, a.memberOfBoard(), a.memberOnMeetingDay(),
                List.of("published", "held").contains(a.agendaCase().status()), a.agendaCase().publishedAt(),
                a.agendaCase().meetingOn())).orElse(new AgendaFacts(false, false, false, false, null, null));
        Decision decision = access.mayReadPacket(actor, packet, facts);
        if (!decision.permitted()) {
            return decision.reason() == AccessReason.NOT_ON_AGENDA || decision.reason() == AccessReason.OTHER_BOARD
                    ? Optional.empty() : Optional.of(new Routed.Denied<>(decision));
        }
        AgendaCase c = agenda.orElseThrow().agendaCase();
        Optional<Map<String, String>> payload = exchange.payload(new DocumentRef(insurer(actor),
                new InsuredNumber(c.insuredNo()), packetId));
        return payload.map(p -> new Routed.Done<>(new Packet(listed(c), p)));
    }

    private static Listed listed(AgendaCase c) {
        return new Listed(c.packetDocumentId(), c.boardNo(), c.boardName(), c.meetingOn(), c.caseNo());
    }

    private static boolean member(Actor actor) {
        return !actor.isPerson() && actor.organisation() != null
                && actor.organisation().kind() == PartyKind.MUNICIPALITY && actor.job() == JobType.COMMITTEE_MEMBER;
    }

    private static InsurerNumber insurer(Actor actor) {
        return new InsurerNumber(actor.organisation().number());
    }

    private static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("case", "案件");
        s.put("firstJudgement", "一次判定");
        s.put("survey", "認定調査票");
        s.put("surveyNotes", "認定調査票 特記事項");
        s.put("opinion", "主治医意見書");
        s.put("opinionNotes", "主治医意見書 特記すべき事項");
        return java.util.Collections.unmodifiableMap(s);
    }
}
