package jp.kaigo.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.AccessDecisions.CaseFacts;
import jp.kaigo.access.AccessDecisions.CaseStep;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.SendDocument;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.shared.AgendaCase;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipality's 市町村職員 prepares the 介護認定審査会 (design §6.2, §6.3): boards and their members, agendas,
 * the cases on them, the masking review of each case's packet and the publication, which sends one masked
 * {@code committee-packet} per case to the board. Every step asks access first ({@link CaseStep#AGENDA}, audited;
 * per person where a person's case is touched); bad input is refused field by field ({@code InvalidValue}).
 */
@Service
public class CommitteeDesk {
    /** The application's fields naming someone other than the person, and its phones: masked in the packet. */
    private static final List<String> APPLICATION_NAMES = List.of("applicantName", "surveyContactName", "doctorName");
    private static final List<String> APPLICATION_PHONES = List.of("phone", "applicantPhone", "surveyContactPhone",
            "doctorInstitutionPhone");

    private final AccessDecisions access;
    private final CareCertification certification;
    private final DocumentExchange exchange;
    private final TransactionTemplate tx;

    CommitteeDesk(AccessDecisions access, CareCertification certification, DocumentExchange exchange,
            TransactionTemplate tx) {
        this.access = access;
        this.certification = certification;
        this.exchange = exchange;
        this.tx = tx;
    }

    public Routed<Integer> createBoard(Actor actor, int boardNo, String name) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        certification.createBoard(insurer(actor), boardNo, name);
        return new Routed.Done<>(boardNo);
    }

    /**
     * A member joins the board; {@code memberJob} is the job of the named account of this municipality as identity
     * holds it (null: no such account): only a 認定審査会委員 may sit on a board.
     */
    public Routed<UUID> addMember(Actor actor, int boardNo, UUID staffId, JobType memberJob, LocalDate validFrom,
            LocalDate validTo) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        if (staffId == null || memberJob != JobType.COMMITTEE_MEMBER) {
            throw new InvalidValue("loginId", "委員のログインID", "この市町村の認定審査会委員のアカウントではありません");
        }
        certification.addBoardMember(insurer(actor), boardNo, staffId, validFrom, validTo);
        return new Routed.Done<>(staffId);
    }

    public Routed<UUID> createAgenda(Actor actor, int boardNo, LocalDate meetingOn) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(certification.createAgenda(insurer(actor), boardNo, meetingOn));
    }

    /** Puts the person's case (一次判定 in) on the draft agenda; answers its 事例番号. */
    public Routed<Integer> addCase(Actor actor, UUID agendaId, InsuredNumber insured) {
        Decision decision = mayPrepare(actor, insured);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        UUID caseId = certification.addToAgenda(insurer(actor), agendaId, insured);
        return new Routed.Done<>(access.agendaCases(actor, agendaId).stream().filter(c -> c.caseId().equals(caseId))
                .mapToInt(AgendaCase::caseNo).findFirst().orElseThrow());
    }

    /** A case on an agenda as the officer sees it: its 事例番号, whose, reviewed, its packet once published. */
    public record Entry(UUID agendaId, int boardNo, LocalDate meetingOn, String status, int caseNo, String insuredNo,
            boolean reviewed, UUID packetId) {
    }

    /** The agenda's cases in 事例番号 order (empty for an agenda without cases or not of this municipality). */
    public Routed<List<Entry>> agenda(Actor actor, UUID agendaId) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(access.agendaCases(actor, agendaId).stream()
                .map(c -> new Entry(c.agendaId(), c.boardNo(), c.meetingOn(), c.status(), c.caseNo(), c.insuredNo(),
                        c.reviewed(), c.packetDocumentId())).toList());
    }

    /** The case's packet, masked, as publication would send it now: what the officer reviews. */
    public Routed<Map<String, String>> preview(Actor actor, UUID agendaId, int caseNo) {
        Optional<AgendaCase> onAgenda = municipality(actor) ? caseOf(actor, agendaId, caseNo) : Optional.empty();
        if (onAgenda.isEmpty()) {
            Decision asked = mayPrepare(actor, null);
            if (!asked.permitted()) {
                return new Routed.Denied<>(asked);
            }
            throw new InvalidValue("caseNo", "事例番号", "この審査会の案件にありません");
        }
        AgendaCase found = onAgenda.get();
        Decision decision = mayPrepare(actor, new InsuredNumber(found.insuredNo()));
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(packet(actor, found));
    }

    /** The officer reviewed the masking of the case's packet. */
    public Routed<Integer> review(Actor actor, UUID agendaId, int caseNo) {
        Optional<AgendaCase> onAgenda = municipality(actor) ? caseOf(actor, agendaId, caseNo) : Optional.empty();
        if (onAgenda.isEmpty()) {
            Decision asked = mayPrepare(actor, null);
            if (!asked.permitted()) {
                return new Routed.Denied<>(asked);
            }
            throw new InvalidValue("caseNo", "事例番号", "この審査会の案件にありません");
        }
        AgendaCase found = onAgenda.get();
        Decision decision = mayPrepare(actor, new InsuredNumber(found.insuredNo()));
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        certification.reviewMasking(insurer(actor), agendaId, caseNo, actor.staffId());
        return new Routed.Done<>(caseNo);
    }

    /**
     * Publishes the draft agenda, all or nothing: refused unless every case's masking is reviewed; each case's packet
     * is built now (frozen), sent to the board (S13, audited per person) and recorded on the agenda.
     */
    public Routed<Map<Integer, UUID>> publish(Actor actor, UUID agendaId) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        InsurerNumber insurer = insurer(actor);
        return tx.execute(status -> {
            Map<Integer, UUID> packets = new LinkedHashMap<>();
            certification.checkPublishable(insurer, agendaId);
            for (AgendaCase c : access.agendaCases(actor, agendaId)) {
                Correspondent board = Correspondent.board(insurer, String.valueOf(c.boardNo()));
                Decision send = access.maySend(actor, DocumentKind.COMMITTEE_PACKET, board, insurer.value(),
                        c.insuredNo(), new CaseFacts(true, false, false, false, true));
                if (!send.permitted()) {
                    status.setRollbackOnly();
                    return new Routed.Denied<>(send);
                }
                SendResult sent = exchange.send(new SendDocument(DocumentKind.COMMITTEE_PACKET, insurer,
                        new InsuredNumber(c.insuredNo()), Correspondent.of(actor.organisation()), board,
                        packet(actor, c), null, null, c.caseId(), actor.staffId(), null));
                if (sent instanceof SendResult.Sent s) {
                    packets.put(c.caseNo(), s.document().documentId());
                } else if (sent instanceof SendResult.Duplicate d) {
                    packets.put(c.caseNo(), d.document().documentId());
                } else if (sent instanceof Invalid invalid) {
                    throw new InvalidValue(invalid.violations());
                } else if (sent instanceof Refused refused) {
                    throw new InvalidValue("agendaId", "審査会", "資料を送れませんでした(" + refused.reason() + ")");
                }
            }
            certification.published(insurer, agendaId, packets);
            return new Routed.Done<>(packets);
        });
    }

    // ---------------------------------------------------------------- the portal's pages (design §8.3 step 8)
    // (injected by method, not by the constructor, so that this section is an append only)

    private jp.kaigo.identity.StaffAccounts staff;

    @org.springframework.beans.factory.annotation.Autowired
    void colleagues(jp.kaigo.identity.StaffAccounts staff) {
        this.staff = staff;
    }

    /**
     * A member joins the board, named by the login ID of a staff account of the municipality: an unknown or
     * disabled account, or one that is not a 認定審査会委員, is refused beside {@code loginId}.
     */
    public Routed<UUID> addMember(Actor actor, int boardNo, String loginId, LocalDate validFrom, LocalDate validTo) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        var named = loginId == null || loginId.isBlank() ? Optional.<jp.kaigo.identity.StaffAccounts.Colleague>empty()
                : staff.colleague(actor.organisation(), loginId.strip());
        return addMember(actor, boardNo, named.map(jp.kaigo.identity.StaffAccounts.Colleague::staffId).orElse(null),
                named.map(jp.kaigo.identity.StaffAccounts.Colleague::jobType).orElse(null), validFrom, validTo);
    }

    /** A board of the municipality as the officer sees it: its members by login ID, with their terms. */
    public record Board(int boardNo, String name, List<Member> members) {
    }

    /** A member's term (to: open when null); the login ID is blank for an account no longer there. */
    public record Member(String loginId, LocalDate validFrom, LocalDate validTo) {
    }

    /** The municipality's boards by number. */
    public Routed<List<Board>> boards(Actor actor) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        List<jp.kaigo.shared.AgendaSummary.Board> boards = access.committeeBoards(actor);
        Map<UUID, String> names = staff.loginIds(actor.organisation(), boards.stream()
                .flatMap(b -> b.members().stream()).map(jp.kaigo.shared.AgendaSummary.Member::staffId)
                .collect(java.util.stream.Collectors.toSet()));
        return new Routed.Done<>(boards.stream().map(b -> new Board(b.boardNo(), b.name(), b.members().stream()
                .map(m -> new Member(names.getOrDefault(m.staffId(), ""), m.validFrom(), m.validTo())).toList()))
                .toList());
    }

    /** The municipality's agendas, the latest meeting first: board, date, status, cases and reviewed ones. */
    public Routed<List<jp.kaigo.shared.AgendaSummary>> agendas(Actor actor) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(access.agendas(actor));
    }

    /** One agenda of the municipality (empty: not one of its agendas), even before it has cases. */
    public Routed<Optional<jp.kaigo.shared.AgendaSummary>> agendaSummary(Actor actor, UUID agendaId) {
        Decision decision = mayPrepare(actor, null);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(access.agendas(actor).stream().filter(a -> a.agendaId().equals(agendaId))
                .findFirst());
    }

    /**
     * The case's packet with its free texts as written (nothing masked), for the officer's review beside
     * {@link #preview}: the same decision as the preview, about the person (audited).
     */
    public Routed<Map<String, String>> asWritten(Actor actor, UUID agendaId, int caseNo) {
        Optional<AgendaCase> onAgenda = municipality(actor) ? caseOf(actor, agendaId, caseNo) : Optional.empty();
        if (onAgenda.isEmpty()) {
            Decision asked = mayPrepare(actor, null);
            if (!asked.permitted()) {
                return new Routed.Denied<>(asked);
            }
            throw new InvalidValue("caseNo", "事例番号", "この審査会の案件にありません");
        }
        Decision decision = mayPrepare(actor, new InsuredNumber(onAgenda.get().insuredNo()));
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(access.committeePacketAsWritten(actor, onAgenda.get()));
    }

    private Map<String, String> packet(Actor actor, AgendaCase c) {
        Map<String, String> application = exchange.payload(new DocumentRef(insurer(actor),
                new InsuredNumber(c.insuredNo()), c.applicationDocumentId())).orElse(Map.of());
        List<String> names = new ArrayList<>();
        APPLICATION_NAMES.stream().map(application::get).forEach(names::add);
        List<String> phones = new ArrayList<>();
        Stream.of(APPLICATION_PHONES).flatMap(List::stream).map(application::get).forEach(phones::add);
        return access.committeePacket(actor, c, names, phones);
    }

    private Optional<AgendaCase> caseOf(Actor actor, UUID agendaId, int caseNo) {
        return access.agendaCases(actor, agendaId).stream().filter(c -> c.caseNo() == caseNo).findFirst();
    }

    /** The municipality's 市町村職員 (CaseRules), audited; about a person when one is named. */
    private Decision mayPrepare(Actor actor, InsuredNumber insured) {
        return access.mayWorkOnCase(actor, municipality(actor) ? actor.organisation().number() : null,
                insured == null ? null : insured.value(), CaseStep.AGENDA);
    }

    private static boolean municipality(Actor actor) {
        return !actor.isPerson() && actor.organisation() != null
                && actor.organisation().kind() == PartyKind.MUNICIPALITY;
    }

    private static InsurerNumber insurer(Actor actor) {
        return new InsurerNumber(actor.organisation().number());
    }
}
