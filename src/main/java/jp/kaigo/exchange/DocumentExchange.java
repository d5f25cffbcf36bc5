package jp.kaigo.exchange;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kaigo.exchange.DocumentTransitions.Allowed;
import jp.kaigo.exchange.DocumentTransitions.Decision;
import jp.kaigo.exchange.DocumentTransitions.Denied;
import jp.kaigo.exchange.DocumentTransitions.Existing;
import jp.kaigo.exchange.DocumentTransitions.Facts;
import jp.kaigo.exchange.DocumentTransitions.Idempotency;
import jp.kaigo.exchange.DocumentTransitions.Move;
import jp.kaigo.exchange.DocumentTransitions.ReplyTo;
import jp.kaigo.exchange.DocumentTransitions.Role;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.DocumentStatusChanged;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.Violation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents between the parties (facade; design §2.1–2.6): send, new version, open, accept, return, withdraw,
 * the inbox (listing it marks the page delivered) and outbox, the history and the signed receipts. Each method is
 * one transaction (joining the caller's, so an owner's acceptance commits with the document's, §2.8); expected
 * outcomes are sealed results. Every status change runs {@code update … where status = any(:from)}: a lost race is
 * refused {@code status-changed}, never a second change. Who may do what is decided in {@code access} before.
 */
@Service
public class DocumentExchange {
    /** An inbox or outbox page. */
    public static final int PAGE = 50;
    public static final int MOST_NOTE = 400;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> PAYLOAD = new TypeReference<>() {
    };
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient sql;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Receipts receipts;
    private final DocumentAttachments attachments;
    private final Map<DocumentKind, DocumentLayout> layouts = new EnumMap<>(DocumentKind.class);

    DocumentExchange(JdbcClient sql, TransactionTemplate tx, ApplicationEventPublisher events, Receipts receipts,
            ObjectProvider<DocumentLayout> layouts, DocumentAttachments attachments) {
        this.sql = sql;
        this.attachments = attachments;
        this.tx = tx;
        this.events = events;
        this.receipts = receipts;
        layouts.orderedStream().forEach(l -> {
            if (this.layouts.put(l.kind(), l) != null) {
                throw new IllegalStateException("two layouts declare the kind " + l.kind().key());
            }
        });
    }

    // ---------------------------------------------------------------- sending

    /**
     * The SHA-256 of the content: the payload's canonical form (keys sorted, UTF-8), then for each attachment a line
     * with the SHA-256 of its bytes (hex); what the receipts name as content-sha256 and what a sender's own signature
     * covers (design §2.6.3, §2.5).
     */
    public byte[] contentSha256(Map<String, String> payload, List<NewAttachment> attached) {
        return contentSha256(canonical(payload), attached.stream()
                .map(a -> HEX.formatHex(Receipts.sha256(a.content() == null ? new byte[0] : a.content()))).toList());
    }

    private static byte[] contentSha256(String canonicalPayload, List<String> attachmentSha256s) {
        StringBuilder text = new StringBuilder(canonicalPayload);
        attachmentSha256s.forEach(hex -> text.append('\n').append(hex));
        return Receipts.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of attachment {@code no} (from 1) of the document's version as read; empty when none or purged. */
    public Optional<byte[]> attachment(DocumentView document, int no) {
        return attachments.content(document.document(), document.version(), no);
    }

    /**
     * Sends a new document: validated against its kind's layout (nothing is stored when invalid), idempotent per
     * sender and key (§2.5 rows 1–3), one open answer per request, and stored with version 1, the inbox and outbox
     * rows, the first status change and its receipt, all in one transaction; publishes {@link DocumentSent}.
     */
    public SendResult send(SendDocument s) {
        List<Violation> problems = new ArrayList<>();
        DocumentLayout layout = s.kind() == null ? null : layouts.get(s.kind());
        if (layout == null) {
            return new Invalid(List.of(new Violation("kind", "文書の種類", "この種類の文書は受け付けていません")));
        }
        if (s.insurer() == null || s.insured() == null || s.sender() == null || s.recipient() == null) {
            return new Invalid(List.of(new Violation("document", "宛先・対象者", "送信者・宛先・対象者は必須です")));
        }
        if (s.idempotencyKey() != null && !KEY.matcher(s.idempotencyKey()).matches()) {
            problems.add(new Violation("idempotencyKey", "冪等キー", "英数字と . _ : - の1〜64文字で指定してください"));
        }
        problems.addAll(payloadProblems(layout, s.payload()));
        List<DocumentAttachments.Checked> checked = new ArrayList<>();
        if (problems.isEmpty() && !s.attachments().isEmpty()) {
            // the PDFs are parsed (CPU) only for a document that is otherwise right
            problems.addAll(attachments.check(s.attachments(), checked));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        String json = canonical(s.payload());
        byte[] hash = contentSha256(json, checked.stream().map(c -> c.pdf().sha256()).toList());
        String key = s.idempotencyKey() != null ? s.idempotencyKey()
                : s.kind().key() + ":" + (s.inReplyTo() != null ? s.inReplyTo() : s.caseId() != null ? s.caseId() : "-")
                        + ":" + HEX.formatHex(hash);
        return tx.execute(status -> {
            SendResult result = sendInTransaction(s, layout, json, hash, key, checked);
            if (result instanceof Refused) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    private SendResult sendInTransaction(SendDocument s, DocumentLayout layout, String json, byte[] hash, String key,
            List<DocumentAttachments.Checked> checked) {
        UUID id = uuidV7();
        Instant now = now();
        Optional<UUID> claimed = sql.sql("""
                insert into exchange.idempotency_keys (party_kind, party_no, idempotency_key, insurer_no, insured_no,
                                                       document_id, content_sha256)
                values (:kind, :no, :key, :insurer, :insured, :id, :hash)
                on conflict do nothing returning document_id
                """).param("kind", s.sender().kind().code()).param("no", s.sender().number()).param("key", key)
                .param("insurer", s.insurer().value()).param("insured", s.insured().value()).param("id", id)
                .param("hash", hash).query(UUID.class).optional();
        Idempotency idempotency = Idempotency.NEW;
        DocumentRef existing = null;
        if (claimed.isEmpty()) {
            Map<String, Object> seen = sql.sql("""
                    select insurer_no, insured_no, document_id, content_sha256 from exchange.idempotency_keys
                     where party_kind = :kind and party_no = :no and idempotency_key = :key
                    """).param("kind", s.sender().kind().code()).param("no", s.sender().number()).param("key", key)
                    .query().singleRow();
            existing = new DocumentRef(new InsurerNumber((String) seen.get("insurer_no")),
                    new InsuredNumber((String) seen.get("insured_no")), (UUID) seen.get("document_id"));
            idempotency = Arrays.equals((byte[]) seen.get("content_sha256"), hash) ? Idempotency.SAME_CONTENT
                    : Idempotency.OTHER_CONTENT;
        }
        ReplyTo replyTo = replyTo(s);
        if (replyTo == null) {
            return new Refused(Refusal.NOT_FOUND, s.inReplyTo());
        }
        boolean personMismatch = s.sender().kind() == Correspondent.Kind.PERSON
                && !s.sender().equals(Correspondent.person(s.insurer(), s.insured()));
        Decision decision = DocumentTransitions.allowed(null, Move.SEND, personMismatch ? Role.OTHER : Role.SENDER,
                s.kind(), new Facts(idempotency, replyTo, false, true));
        if (decision instanceof Existing) {
            return new SendResult.Duplicate(existing);
        }
        if (decision instanceof Denied denied) {
            return new Refused(denied.reason(), denied.reason() == Refusal.IDEMPOTENCY_KEY_REUSED ? existing.documentId() : null);
        }
        int inserted = sql.sql("""
                insert into exchange.documents (insurer_no, insured_no, document_id, kind, sender_kind, sender_no,
                       recipient_kind, recipient_no, status, version, in_reply_to, case_id, idempotency_key,
                       content_sha256, sent_at, status_at)
                values (:insurer, :insured, :id, :kind, :senderKind, :senderNo, :recipientKind, :recipientNo, 'sent', 1,
                        :replyTo, :caseId, :key, :hash, :at, :at)
                on conflict (insurer_no, insured_no, in_reply_to, kind)
                   where in_reply_to is not null and kind in ('doctor-opinion', 'care-survey') and status <> 'withdrawn'
                do nothing
                """).param("insurer", s.insurer().value()).param("insured", s.insured().value()).param("id", id)
                .param("kind", s.kind().key()).param("senderKind", s.sender().kind().code())
                .param("senderNo", s.sender().number()).param("recipientKind", s.recipient().kind().code())
                .param("recipientNo", s.recipient().number()).param("replyTo", s.inReplyTo())
                .param("caseId", s.caseId()).param("key", key).param("hash", hash).param("at", typed(now)).update();
        if (inserted == 0) {
            UUID answer = sql.sql("""
                    select document_id from exchange.documents
                     where insurer_no = :insurer and insured_no = :insured and in_reply_to = :replyTo and kind = :kind
                       and status <> 'withdrawn' limit 1
                    """).param("insurer", s.insurer().value()).param("insured", s.insured().value())
                    .param("replyTo", s.inReplyTo()).param("kind", s.kind().key()).query(UUID.class).optional().orElse(null);
            return new Refused(Refusal.ALREADY_OPEN, answer);
        }
        DocumentRef ref = new DocumentRef(s.insurer(), s.insured(), id);
        insertVersion(ref, 1, layout.version(), json, hash, s.sender(), s.staffId(), s.clientCertificateSerial(),
                s.signerSignature());
        attachments.store(ref, 1, checked);
        for (String box : List.of("inbox", "outbox")) {
            boolean inbox = box.equals("inbox");
            Correspondent party = inbox ? s.recipient() : s.sender();
            Correspondent counterpart = inbox ? s.sender() : s.recipient();
            sql.sql("insert into exchange." + box + """
                     (insurer_no, insured_no, party_kind, party_no, document_id, kind, status,
                                           counterpart_kind, counterpart_no, sent_at, status_at)
                    values (:insurer, :insured, :partyKind, :partyNo, :id, :kind, 'sent', :counterKind, :counterNo, :at, :at)
                    """).param("insurer", s.insurer().value()).param("insured", s.insured().value())
                    .param("partyKind", party.kind().code()).param("partyNo", party.number()).param("id", id)
                    .param("kind", s.kind().key()).param("counterKind", counterpart.kind().code())
                    .param("counterNo", counterpart.number()).param("at", typed(now)).update();
        }
        Doc doc = load(ref).orElseThrow();
        record(doc, null, DocumentStatus.SENT, s.sender(), s.staffId(), null, null, now);
        events.publishEvent(new DocumentSent(id, 1, s.kind(), s.sender(), s.recipient(), s.insurer().value(),
                s.insured().value()));
        return new SendResult.Sent(ref, 1);
    }

    /** The state of the request a new document answers; null when it names no document of this person. */
    private ReplyTo replyTo(SendDocument s) {
        if (s.inReplyTo() == null) {
            return ReplyTo.NONE;
        }
        Optional<Doc> request = load(new DocumentRef(s.insurer(), s.insured(), s.inReplyTo()));
        if (request.isEmpty()) {
            return null;
        }
        Doc r = request.get();
        if (!r.recipient().equals(s.sender()) || !r.sender().equals(s.recipient())) {
            return ReplyTo.NOT_PARTIES;
        }
        return r.status() == DocumentStatus.WITHDRAWN || r.status() == DocumentStatus.RETURNED ? ReplyTo.CLOSED : ReplyTo.OPEN;
    }

    /**
     * A corrected version of a document not yet accepted or withdrawn (§2.4, §2.5 row 9): validated like a send;
     * the old version stays, the status returns to sent, a receipt is issued and {@link DocumentSent} published.
     */
    public ChangeResult newVersion(DocumentRef ref, Correspondent by, java.util.UUID staffId, Map<String, String> payload,
            String clientCertificateSerial) {
        Optional<Doc> found = load(ref);
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        DocumentLayout layout = layouts.get(found.get().kind());
        if (layout == null) {
            return new Invalid(List.of(new Violation("kind", "文書の種類", "この種類の文書は受け付けていません")));
        }
        List<Violation> problems = payloadProblems(layout, payload);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        String json = canonical(payload);
        return inTransaction(() -> {
            Doc doc = load(ref).orElseThrow();
            // the corrected version keeps the attachments of the one it corrects (and their hashes in its content
            // hash); the sender's own signature does not carry over, as it was over the old content
            byte[] hash = contentSha256(json, attachments.sha256s(ref, doc.version()));
            boolean replyExists = sql.sql("""
                    select exists (select 1 from exchange.documents where insurer_no = :insurer and insured_no = :insured
                                      and in_reply_to = :id and status <> 'withdrawn')
                    """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                    .param("id", ref.documentId()).query(Boolean.class).single();
            Decision decision = DocumentTransitions.allowed(doc.status(), Move.NEW_VERSION,
                    role(doc, by, Move.NEW_VERSION), doc.kind(),
                    new Facts(Idempotency.NEW, ReplyTo.NONE, replyExists, true));
            if (decision instanceof Denied denied) {
                return new Refused(denied.reason());
            }
            Instant now = now();
            int version = doc.version() + 1;
            int changed = sql.sql("""
                    update exchange.documents set status = 'sent', version = :version, content_sha256 = :hash,
                           status_at = :at, return_reason = null, return_note = null
                     where insurer_no = :insurer and insured_no = :insured and document_id = :id
                       and status = any(:from) and version = :old
                    """).param("version", version).param("hash", hash).param("at", typed(now))
                    .param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                    .param("id", ref.documentId()).param("from", new String[] {doc.status().code()})
                    .param("old", doc.version()).update();
            if (changed == 0) {
                return new Refused(Refusal.STATUS_CHANGED);
            }
            insertVersion(ref, version, layout.version(), json, hash, by, staffId, clientCertificateSerial, null);
            attachments.carryForward(ref, doc.version(), version);
            Doc updated = load(ref).orElseThrow();
            record(updated, doc.status(), DocumentStatus.SENT, by, staffId, null, null, now);
            events.publishEvent(new DocumentSent(ref.documentId(), version, doc.kind(), doc.sender(), doc.recipient(),
                    ref.insurer().value(), ref.insured().value()));
            return new ChangeResult.Changed(ref, DocumentStatus.SENT, version);
        });
    }

    // ---------------------------------------------------------------- steps of the recipient and the sender

    /** The recipient takes the document in (§2.5 row 6); the owner writes its record in the same transaction (§2.8). */
    public ChangeResult accept(DocumentRef ref, Correspondent by, UUID staffId) {
        return step(ref, by, staffId, Move.ACCEPT, null, null);
    }

    /** The recipient returns the document with a reason and a note of at most 400 characters (§2.5 row 7). */
    public ChangeResult returnDocument(DocumentRef ref, Correspondent by, UUID staffId, ReturnReason reason, String note) {
        List<Violation> problems = new ArrayList<>();
        if (reason == null) {
            problems.add(new Violation("reason", "返戻理由", "必須です"));
        }
        problems.addAll(noteProblems(note, reason == ReturnReason.OTHER));
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return step(ref, by, staffId, Move.RETURN, reason.code(), blankToNull(note));
    }

    /** The sender withdraws the document (§2.5 row 8); requests withdrawn take no reply from now on. */
    public ChangeResult withdraw(DocumentRef ref, Correspondent by, UUID staffId, String note) {
        List<Violation> problems = noteProblems(note, false);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return step(ref, by, staffId, Move.WITHDRAW, ReturnReason.WITHDRAWN_BY_SENDER, blankToNull(note));
    }

    private ChangeResult step(DocumentRef ref, Correspondent by, UUID staffId, Move move, String reason, String note) {
        return inTransaction(() -> {
            Optional<Doc> found = load(ref);
            if (found.isEmpty()) {
                return new Refused(Refusal.NOT_FOUND);
            }
            Doc doc = found.get();
            Decision decision = DocumentTransitions.allowed(doc.status(), move, role(doc, by, move), doc.kind(),
                    new Facts(Idempotency.NEW, ReplyTo.NONE, false, reason != null));
            if (decision instanceof Denied denied) {
                return new Refused(denied.reason());
            }
            if (!(decision instanceof Allowed allowed)) {
                return new ChangeResult.Changed(ref, doc.status(), doc.version());
            }
            if (!apply(doc, allowed.to(), by, staffId, reason, note, now())) {
                return new Refused(Refusal.STATUS_CHANGED);
            }
            return new ChangeResult.Changed(ref, allowed.to(), doc.version());
        });
    }

    /**
     * Opens a document for one of its parties: the recipient's first opening marks it delivered (if it was not yet)
     * and read, each with its receipt (§2.5 rows 4–5); the sender, or a later opening, changes nothing.
     */
    public OpenResult open(DocumentRef ref, Correspondent by, UUID staffId) {
        return tx.execute(status -> {
            for (int attempt = 0; attempt < 4; attempt++) {
                Optional<Doc> found = load(ref);
                if (found.isEmpty()) {
                    return new Refused(Refusal.NOT_FOUND);
                }
                Doc doc = found.get();
                Role role = role(doc, by, Move.READ);
                if (role == Role.RECIPIENT && doc.status() == DocumentStatus.SENT) {
                    apply(doc, DocumentStatus.DELIVERED, null, null, null, null, now()); // lost: delivered meanwhile
                    continue;
                }
                Decision decision = DocumentTransitions.allowed(doc.status(), Move.READ, role, doc.kind(), Facts.NONE);
                if (decision instanceof Denied denied) {
                    return new Refused(denied.reason());
                }
                if (decision instanceof Allowed allowed && !apply(doc, allowed.to(), by, staffId, null, null, now())) {
                    continue;
                }
                Doc opened = load(ref).orElseThrow();
                return new OpenResult.Opened(view(opened), attachments.of(ref, opened.version()));
            }
            status.setRollbackOnly();
            return new Refused(Refusal.STATUS_CHANGED);
        });
    }

    // ---------------------------------------------------------------- lists and history

    /**
     * A page of the party's inbox, newest first; the documents on it still only sent are marked delivered, in one
     * statement for the page, each with its receipt (§2.5 row 4).
     */
    public List<Envelope> inbox(Correspondent party, int page) {
        return tx.execute(status -> {
            List<Envelope> rows = box("inbox", party, page);
            UUID[] sent = rows.stream().filter(e -> e.status() == DocumentStatus.SENT)
                    .map(e -> e.document().documentId()).toArray(UUID[]::new);
            if (sent.length == 0) {
                return rows;
            }
            Instant now = now();
            List<DocumentRef> delivered = sql.sql("""
                    update exchange.documents set status = 'delivered', status_at = :at
                     where document_id = any(:ids) and status = 'sent'
                       and recipient_kind = :kind and recipient_no = :no
                    returning insurer_no, insured_no, document_id
                    """).param("at", typed(now)).param("ids", sent).param("kind", party.kind().code())
                    .param("no", party.number())
                    .query((rs, i) -> new DocumentRef(new InsurerNumber(rs.getString(1)), new InsuredNumber(rs.getString(2)),
                            rs.getObject(3, UUID.class))).list();
            for (DocumentRef ref : delivered) {
                record(load(ref).orElseThrow(), DocumentStatus.SENT, DocumentStatus.DELIVERED, null, null, null, null, now);
            }
            return box("inbox", party, page);
        });
    }

    /** A page of the party's outbox, newest first. */
    public List<Envelope> outbox(Correspondent party, int page) {
        return box("outbox", party, page);
    }

    private List<Envelope> box(String box, Correspondent party, int page) {
        return sql.sql("select insurer_no, insured_no, document_id, kind, counterpart_kind, counterpart_no, status, "
                + "sent_at, status_at from exchange." + box + """
                 where party_kind = :kind and party_no = :no
                 order by sent_at desc, document_id limit :limit offset :offset
                """).param("kind", party.kind().code()).param("no", party.number()).param("limit", PAGE)
                .param("offset", Math.max(0, page) * PAGE)
                .query((rs, i) -> new Envelope(new DocumentRef(new InsurerNumber(rs.getString(1)),
                        new InsuredNumber(rs.getString(2)), rs.getObject(3, UUID.class)),
                        DocumentKind.byKey(rs.getString(4)).orElseThrow(),
                        Correspondent.of(rs.getString(5), rs.getString(6)), status(rs.getString(7)),
                        instant(rs, 8), instant(rs, 9))).list();
    }

    /** The document's status history, oldest first. */
    public List<StatusChange> history(DocumentRef ref) {
        return sql.sql("""
                select seq, from_status, to_status, version, by_kind, by_no, reason_code, note, at
                  from exchange.status_changes
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id order by seq
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId())
                .query((rs, i) -> new StatusChange(rs.getInt(1), rs.getString(2) == null ? null : status(rs.getString(2)),
                        status(rs.getString(3)), rs.getInt(4),
                        rs.getString(5).equals("platform") ? null : Correspondent.of(rs.getString(5), rs.getString(6)),
                        rs.getString(7), rs.getString(8), instant(rs, 9))).list();
    }

    /** The document's receipts, in order (design §2.6.3). */
    public List<Receipt> receipts(DocumentRef ref) {
        return sql.sql("""
                select seq, statement, signature, signer_serial from exchange.receipts
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id order by seq
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId())
                .query((rs, i) -> new Receipt(ref.documentId(), rs.getInt(1), rs.getBytes(2), rs.getBytes(3),
                        rs.getString(4))).list();
    }

    /** Whether these receipts, in this order, are all signed by the platform and chained (design §2.6.3). */
    public ReceiptCheck verify(List<Receipt> receipts) {
        return this.receipts.verify(receipts);
    }

    /** The receipt certificate of a serial (PEM), to verify receipts offline. */
    public Optional<String> receiptCertificate(String serial) {
        return receipts.certificatePem(serial);
    }

    /**
     * The document as it stands, without opening it (nothing is marked delivered or read): for the use case to ask
     * {@code access} before a party opens, accepts, returns or withdraws it. Empty when unknown.
     */
    public Optional<DocumentView> document(DocumentRef ref) {
        return load(ref).map(DocumentExchange::view);
    }

    /** The person's documents of a kind, newest first, as they stand (for the use case's case facts, design §2.10). */
    public List<DocumentView> about(InsurerNumber insurer, InsuredNumber insured, DocumentKind kind) {
        return sql.sql("""
                select document_id from exchange.documents
                 where insurer_no = :insurer and insured_no = :insured and kind = :kind
                 order by sent_at desc, document_id
                """).param("insurer", insurer.value()).param("insured", insured.value()).param("kind", kind.key())
                .query(UUID.class).list().stream()
                .map(id -> load(new DocumentRef(insurer, insured, id)).map(DocumentExchange::view).orElseThrow())
                .toList();
    }

    /**
     * What {@link #send} would refuse in the payload by its kind's layout, without sending: for a use case that adds
     * checks of its own, so the sender gets every field error at once.
     */
    public List<Violation> violations(DocumentKind kind, Map<String, String> payload) {
        DocumentLayout layout = kind == null ? null : layouts.get(kind);
        if (layout == null) {
            return List.of(new Violation("kind", "文書の種類", "この種類の文書は受け付けていません"));
        }
        return payloadProblems(layout, payload);
    }

    /**
     * The document of this id, named by its person (one indexed lookup), for an exit whose links carry only the id;
     * empty when unknown. It tells nothing about the document: whoever asks still needs a decision to read it.
     */
    public Optional<DocumentRef> find(UUID documentId) {
        if (documentId == null) {
            return Optional.empty();
        }
        List<DocumentRef> found = sql.sql("""
                select insurer_no, insured_no from exchange.documents where document_id = :id limit 2
                """).param("id", documentId)
                .query((rs, i) -> new DocumentRef(new InsurerNumber(rs.getString(1)), new InsuredNumber(rs.getString(2)),
                        documentId)).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The layout the platform validates documents of this kind with (its fields, labels and codes), if it takes the kind. */
    public Optional<DocumentLayout> layout(DocumentKind kind) {
        return Optional.ofNullable(kind == null ? null : layouts.get(kind));
    }

    /** The current version's payload, for the owning module's acceptance (§2.8); empty once purged or unknown. */
    public Optional<Map<String, String>> payload(DocumentRef ref) {
        return load(ref).map(Doc::payload);
    }

    /**
     * Retention (§2.9): the payload and attachments of documents past their {@code purge_after} are removed, at
     * most {@code batch} documents a statement; the envelope, the history and the receipts stay (they hold no
     * personal content, and the stored statements still verify). Answers how many documents were purged.
     */
    public int purgeDue(Instant now, int batch) {
        int total = 0;
        while (true) {
            Integer purged = tx.execute(status -> sql.sql("""
                    with due as (
                      update exchange.documents d set purged_at = :now
                       where (d.insurer_no, d.insured_no, d.document_id) in (
                              select insurer_no, insured_no, document_id from exchange.documents
                               where purge_after < :now and purged_at is null limit :batch)
                      returning d.insurer_no, d.insured_no, d.document_id),
                    versions as (
                      update exchange.document_versions v set payload = null from due
                       where v.insurer_no = due.insurer_no and v.insured_no = due.insured_no
                         and v.document_id = due.document_id returning 1),
                    files as (
                      update exchange.attachments a set content = null from due
                       where a.insurer_no = due.insurer_no and a.insured_no = due.insured_no
                         and a.document_id = due.document_id returning 1)
                    select count(*) from due -- the other two run whether read or not (PostgreSQL: data-modifying WITH)
                    """).param("now", typed(now)).param("batch", batch).query(Integer.class).single());
            total += purged;
            if (purged < batch) {
                return total;
            }
        }
    }

    // ---------------------------------------------------------------- the status change itself

    /**
     * Moves the document from the status it was read in to {@code to} (a lost race changes nothing and answers
     * false), then records the change, its receipt, the inbox and outbox rows and the event.
     */
    private boolean apply(Doc doc, DocumentStatus to, Correspondent by, UUID staffId, String reason, String note, Instant at) {
        Instant purgeAfter = to.terminal() ? at.plus(Duration.ofDays(doc.kind().retentionDays())) : null;
        boolean setsReason = to == DocumentStatus.RETURNED || to == DocumentStatus.WITHDRAWN;
        int changed = sql.sql("""
                update exchange.documents
                   set status = :to, status_at = :at, purge_after = :purgeAfter,
                       return_reason = case when :setsReason then :reason else return_reason end,
                       return_note = case when :setsReason then :note else return_note end
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and status = any(:from)
                """).param("to", to.code()).param("at", typed(at)).param("purgeAfter", purgeAfter == null ? null : typed(purgeAfter))
                .param("setsReason", setsReason).param("reason", reason).param("note", note)
                .param("insurer", doc.ref().insurer().value()).param("insured", doc.ref().insured().value())
                .param("id", doc.ref().documentId()).param("from", new String[] {doc.status().code()}).update();
        if (changed == 0) {
            return false;
        }
        record(doc, doc.status(), to, by, staffId, reason, note, at);
        return true;
    }

    /** The status change row, its signed receipt (chained to the previous one), the box rows and the event. */
    private void record(Doc doc, DocumentStatus from, DocumentStatus to, Correspondent by, UUID staffId, String reason,
            String note, Instant at) {
        DocumentRef ref = doc.ref();
        int seq = sql.sql("""
                select coalesce(max(seq), 0) + 1 from exchange.status_changes
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).query(Integer.class).single();
        sql.sql("""
                insert into exchange.status_changes (insurer_no, insured_no, document_id, seq, from_status, to_status,
                       version, by_kind, by_no, by_staff, reason_code, note, at)
                values (:insurer, :insured, :id, :seq, :from, :to, :version, :byKind, :byNo, :staff, :reason, :note, :at)
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("seq", seq).param("from", from == null ? null : from.code())
                .param("to", to.code()).param("version", doc.version())
                .param("byKind", by == null ? "platform" : by.kind().code()).param("byNo", by == null ? "-" : by.number())
                .param("staff", staffId).param("reason", reason).param("note", note).param("at", typed(at)).update();
        byte[] previous = seq == 1 ? null : sql.sql("""
                select statement from exchange.receipts
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and seq = :seq
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("seq", seq - 1).query(byte[].class).single();
        Receipts.Signed signed = receipts.sign(new Receipts.Statement(ref.documentId(), seq, doc.kind(), doc.version(),
                doc.layoutVersion(), doc.contentSha256(), doc.sender(), doc.clientCertificateSerial(), doc.recipient(),
                from, to, by, reason, at, previous));
        sql.sql("""
                insert into exchange.receipts (insurer_no, insured_no, document_id, seq, statement, signature, signer_serial)
                values (:insurer, :insured, :id, :seq, :statement, :signature, :serial)
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("seq", seq).param("statement", signed.statement())
                .param("signature", signed.signature()).param("serial", signed.signerSerial()).update();
        if (from != null) {
            for (String box : List.of("inbox", "outbox")) {
                sql.sql("update exchange." + box + """
                         set status = :to, status_at = :at
                         where insurer_no = :insurer and party_kind = :kind and party_no = :no and document_id = :id
                        """).param("to", to.code()).param("at", typed(at)).param("insurer", ref.insurer().value())
                        .param("kind", (box.equals("inbox") ? doc.recipient() : doc.sender()).kind().code())
                        .param("no", (box.equals("inbox") ? doc.recipient() : doc.sender()).number())
                        .param("id", ref.documentId()).update();
            }
        }
        events.publishEvent(new DocumentStatusChanged(ref.documentId(), doc.version(), doc.kind(), from, to, by, reason,
                at, doc.sender(), doc.recipient(), ref.insurer().value(), ref.insured().value()));
    }

    // ---------------------------------------------------------------- reading and helpers

    /** A document with its current version. */
    private record Doc(DocumentRef ref, DocumentKind kind, Correspondent sender, Correspondent recipient,
            DocumentStatus status, int version, byte[] contentSha256, UUID inReplyTo, Instant sentAt, Instant statusAt,
            String layoutVersion, String clientCertificateSerial, Map<String, String> payload, boolean senderSigned) {
    }

    private Optional<Doc> load(DocumentRef ref) {
        return sql.sql("""
                select d.kind, d.sender_kind, d.sender_no, d.recipient_kind, d.recipient_no, d.status, d.version,
                       d.content_sha256, d.in_reply_to, d.sent_at, d.status_at, v.layout_version, v.client_cert_serial,
                       v.payload::text, v.signer_signature is not null
                  from exchange.documents d
                  join exchange.document_versions v on v.insurer_no = d.insurer_no and v.insured_no = d.insured_no
                                                   and v.document_id = d.document_id and v.version = d.version
                 where d.insurer_no = :insurer and d.insured_no = :insured and d.document_id = :id
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId())
                .query((rs, i) -> new Doc(ref, DocumentKind.byKey(rs.getString(1)).orElseThrow(),
                        Correspondent.of(rs.getString(2), rs.getString(3)), Correspondent.of(rs.getString(4), rs.getString(5)),
                        status(rs.getString(6)), rs.getInt(7), rs.getBytes(8), rs.getObject(9, UUID.class),
                        instant(rs, 10), instant(rs, 11), rs.getString(12), rs.getString(13),
                        rs.getString(14) == null ? null : Map.copyOf(JSON.readValue(rs.getString(14), PAYLOAD)),
                        rs.getBoolean(15)))
                .optional();
    }

    private static DocumentView view(Doc d) {
        return new DocumentView(d.ref(), d.kind(), d.sender(), d.recipient(), d.status(), d.version(), d.layoutVersion(),
                d.payload(), d.inReplyTo(), d.sentAt(), d.statusAt(), d.senderSigned());
    }

    private void insertVersion(DocumentRef ref, int version, String layout, String json, byte[] hash, Correspondent by,
            UUID staffId, String clientCertificateSerial, byte[] signerSignature) {
        sql.sql("""
                insert into exchange.document_versions (insurer_no, insured_no, document_id, version, layout_version,
                       payload, content_sha256, sent_by_staff, sent_by_person, client_cert_serial, signer_signature)
                values (:insurer, :insured, :id, :version, :layout, cast(:payload as jsonb), :hash, :staff, :person, :serial,
                        :signature)
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("version", version).param("layout", layout).param("payload", json)
                .param("hash", hash).param("staff", staffId).param("person", by.kind() == Correspondent.Kind.PERSON)
                .param("serial", clientCertificateSerial).param("signature", signerSignature).update();
    }

    private static Role role(Doc doc, Correspondent by, Move move) {
        if (by == null) {
            return Role.PLATFORM;
        }
        if (by.equals(doc.sender()) && by.equals(doc.recipient())) {
            // a municipality's own surveyor sends the 調査票 to the municipality (design §2.10 S8): it is withdrawn
            // or corrected as its sender's, and read, accepted or returned as its recipient's
            return move == Move.WITHDRAW || move == Move.NEW_VERSION ? Role.SENDER : Role.RECIPIENT;
        }
        return by.equals(doc.sender()) ? Role.SENDER : by.equals(doc.recipient()) ? Role.RECIPIENT : Role.OTHER;
    }

    private ChangeResult inTransaction(java.util.function.Supplier<ChangeResult> work) {
        return tx.execute(status -> {
            ChangeResult result = work.get();
            if (!(result instanceof ChangeResult.Changed)) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    private static List<Violation> payloadProblems(DocumentLayout layout, Map<String, String> payload) {
        if (payload == null || payload.isEmpty()) {
            return List.of(new Violation("payload", "文書の内容", "必須です"));
        }
        if (payload.keySet().stream().anyMatch(k -> k == null || k.isBlank())) {
            return List.of(new Violation("payload", "文書の内容", "項目名のない値があります"));
        }
        return layout.violations(payload);
    }

    private static List<Violation> noteProblems(String note, boolean required) {
        if (note != null && note.codePointCount(0, note.length()) > MOST_NOTE) {
            return List.of(new Violation("note", "備考", MOST_NOTE + "文字以内で入力してください"));
        }
        if (required && (note == null || note.isBlank())) {
            return List.of(new Violation("note", "備考", "理由が「その他」のときは必須です"));
        }
        return List.of();
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    /** The payload as JSON with its keys sorted and no insignificant whitespace: what the content hash is taken of. */
    static String canonical(Map<String, String> payload) {
        return JSON.writeValueAsString(new TreeMap<>(payload));
    }

    private static DocumentStatus status(String code) {
        return DocumentStatus.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown status"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime typed(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A time-ordered UUID (version 7): milliseconds since the epoch, then random bits. */
    static UUID uuidV7() {
        long ms = System.currentTimeMillis();
        long high = (ms << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
