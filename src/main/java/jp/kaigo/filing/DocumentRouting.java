package jp.kaigo.filing;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.AccessDecisions.CaseFacts;
import jp.kaigo.access.AccessDecisions.DocumentAct;
import jp.kaigo.access.AccessDecisions.DocumentBox;
import jp.kaigo.access.AccessDecisions.ListedDocument;
import jp.kaigo.access.AccessDecisions.SentDocument;
import jp.kaigo.access.Actor;
import jp.kaigo.access.AccessReason;
import jp.kaigo.access.Decision;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Envelope;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.Receipt;
import jp.kaigo.exchange.Refusal;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.SendDocument;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.exchange.StatusChange;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents between the parties, as the exits use them (facade; design §8.1): every step first asks
 * {@code access} — with the facts of the person's case read from the documents already exchanged — and is audited
 * there, permit or deny; only a permitted step reaches {@link DocumentExchange}. The API and the portal call the
 * same methods. Each exchange step is its own transaction (a refused step rolls back only itself); the exchange
 * re-checks the status it changes, so a step decided on a status that changed meanwhile is refused there.
 */
@Service
public class DocumentRouting {
    /** The statuses in which a request still takes its answer (design §2.10 requestOpen / assignmentOpen). */
    private static final Set<DocumentStatus> OPEN_REQUEST =
            EnumSet.of(DocumentStatus.SENT, DocumentStatus.DELIVERED, DocumentStatus.READ, DocumentStatus.ACCEPTED);
    private static final String DESIGNATED_DOCTOR = "2";
    private static final String SIGNATURE = "signature";
    private static final String SIGNATURE_LABEL = "署名";

    private static final Set<DocumentStatus> UNANSWERED =
            EnumSet.of(DocumentStatus.SENT, DocumentStatus.DELIVERED, DocumentStatus.READ);
    private static final Set<String> APPLICATION_TYPES = Set.of("1", "2", "3", "4");

    private final AccessDecisions access;
    private final DocumentExchange exchange;
    private final Owners owners;
    private final TransactionTemplate tx;
    private final OpinionFiling opinions;
    private final PlatformPki pki;

    DocumentRouting(AccessDecisions access, DocumentExchange exchange, Owners owners, TransactionTemplate tx,
            OpinionFiling opinions, PlatformPki pki) {
        this.pki = pki;
        this.access = access;
        this.exchange = exchange;
        this.owners = owners;
        this.tx = tx;
        this.opinions = opinions;
    }

    /** Sends a new document if {@code access} lets the actor send this kind about the person to the addressee. */
    public Routed<SendResult> send(Actor actor, Outgoing out) {
        return send(actor, out, null);
    }

    /** {@link #send}, the document filed under the 認定 case it belongs to (a survey assignment, design §4.1). */
    Routed<SendResult> send(Actor actor, Outgoing out, java.util.UUID caseId) {
        Correspondent sender = correspondent(actor, out.insurer(), out.insured());
        Decision decision = access.maySend(actor, out.kind(), out.to(), out.insurer().value(), out.insured().value(),
                sendFacts(out, sender));
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        if (out.kind() == DocumentKind.CERTIFICATION_APPLICATION) {
            Optional<Decision> applying = mayApply(actor, out, sender);
            if (applying.isPresent() && applying.get().reason() == AccessReason.SPECIFIC_DISEASE_REQUIRED) {
                return new Routed.Done<>(new Invalid(List.of(new Violation("specificDisease", "特定疾病名",
                        applying.get().message()))));
            }
            if (applying.isPresent() && !applying.get().permitted()) {
                return new Routed.Denied<>(applying.get());
            }
        }
        if (out.kind() == DocumentKind.CARE_PLAN_NOTIFICATION) {
            Optional<Violation> wrong = planMaker(out, sender);
            if (wrong.isPresent()) {
                return new Routed.Done<>(new Invalid(List.of(wrong.get())));
            }
        }
        if (out.kind() == DocumentKind.DOCTOR_OPINION) {
            List<Violation> refused = opinions.refusals(out, sender);
            if (!refused.isEmpty()) {
                return new Routed.Done<>(new Invalid(refused));
            }
        }
        if (out.signature() != null) {
            Optional<Violation> bad = badSignature(out, actor);
            if (bad.isPresent()) {
                return new Routed.Done<>(new Invalid(List.of(bad.get())));
            }
        }
        SendDocument document = new SendDocument(out.kind(), out.insurer(), out.insured(), sender, out.to(),
                out.payload(), out.idempotencyKey(), out.inReplyTo(), caseId, actor.staffId(), out.clientCertificateSerial(),
                out.signature() == null ? null : out.signature().signature(), out.attachments());
        if (out.kind() == DocumentKind.OPINION_REQUEST && sender.kind() == Correspondent.Kind.MUNICIPALITY) {
            return new Routed.Done<>(opinions.sendRequest(document));
        }
        return new Routed.Done<>(exchange.send(document));
    }

    /**
     * Why the sender's own signature cannot stand (design §2.6.3), or empty: it must be made by the key of the TLS
     * client certificate the document came under, a certificate of the platform's CA naming the sending
     * organisation, over {@link SenderSignature#statement} (the envelope and the content hash as the platform
     * stores it).
     */
    private Optional<Violation> badSignature(Outgoing out, Actor actor) {
        X509Certificate certificate = out.signature().certificate();
        if (certificate == null || !pki.vouchesFor(certificate)
                || !pki.partyNamedBy(certificate).map(actor.organisation()::equals).orElse(false)) {
            return Optional.of(new Violation(SIGNATURE, SIGNATURE_LABEL,
                    "署名は、この組織のクライアント証明書で接続したときだけ検証できます"));
        }
        try {
            Signature verifier = Signature.getInstance(
                    "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(SenderSignature.statement(out, exchange.contentSha256(out.payload(), out.attachments())));
            if (verifier.verify(out.signature().signature())) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException | RuntimeException malformed) {
            // a signature that is not DER, or a key the JDK cannot use: the same answer as a wrong signature
        }
        return Optional.of(new Violation(SIGNATURE, SIGNATURE_LABEL,
                "署名が送信内容とクライアント証明書に一致しません(文書の署名対象文に、接続に使った証明書の鍵で署名してください)"));
    }

    /** Attachment {@code no} of the document, for a party that may read the document (decided and audited). */
    public Routed<Optional<byte[]>> attachment(Actor actor, DocumentRef ref, int no) {
        return decided(actor, ref, DocumentAct.READ, view -> exchange.attachment(view, no), Optional::empty);
    }

    /** Opens the document for one of its parties (the recipient's first opening marks it read). */
    public Routed<OpenResult> open(Actor actor, DocumentRef ref) {
        return decided(actor, ref, DocumentAct.READ, view -> exchange.open(ref, correspondent(actor, ref), actor.staffId()),
                () -> new Refused(Refusal.NOT_FOUND));
    }

    /**
     * The recipient takes the document in, and the module owning what it says takes it over in the same transaction
     * (an application opens its 認定 case and registers its 包括同意): both happen or neither.
     */
    public Routed<ChangeResult> accept(Actor actor, DocumentRef ref) {
        return decided(actor, ref, DocumentAct.ACCEPT, view -> tx.execute(status -> {
            boolean first = exchange.document(ref).map(d -> d.status() != DocumentStatus.ACCEPTED).orElse(false);
            ChangeResult result = exchange.accept(ref, correspondent(actor, ref), actor.staffId());
            if (!(result instanceof ChangeResult.Changed)) {
                status.setRollbackOnly();
            } else if (first) {
                owners.accepted(actor, view);
            }
            return result;
        }), () -> new Refused(Refusal.NOT_FOUND));
    }

    /** The recipient returns the document with a reason (and a note, required for "other"). */
    public Routed<ChangeResult> returnDocument(Actor actor, DocumentRef ref, ReturnReason reason, String note) {
        return decided(actor, ref, DocumentAct.RETURN,
                view -> exchange.returnDocument(ref, correspondent(actor, ref), actor.staffId(), reason, note),
                () -> new Refused(Refusal.NOT_FOUND));
    }

    /** The sender withdraws the document; a withdrawn request takes no answer from now on. */
    public Routed<ChangeResult> withdraw(Actor actor, DocumentRef ref, String note) {
        return decided(actor, ref, DocumentAct.WITHDRAW,
                view -> exchange.withdraw(ref, correspondent(actor, ref), actor.staffId(), note),
                () -> new Refused(Refusal.NOT_FOUND));
    }

    /** The document's signed receipts, for a party that may read it (empty list when unknown). */
    public Routed<List<Receipt>> receipts(Actor actor, DocumentRef ref) {
        return decided(actor, ref, DocumentAct.READ, view -> exchange.receipts(ref), List::of);
    }

    /**
     * The platform's receipt-signing certificate of a serial (PEM), to verify receipts offline; public, like the CA's
     * own certificate (it names the platform, never a person).
     */
    public Optional<String> receiptCertificate(String serial) {
        return exchange.receiptCertificate(serial);
    }

    /** The document's status history, oldest first, for a party that may read it (empty list when unknown). */
    public Routed<List<StatusChange>> history(Actor actor, DocumentRef ref) {
        return decided(actor, ref, DocumentAct.READ, view -> exchange.history(ref), List::of);
    }

    /**
     * The document an id names, for an exit whose links carry the id and not the person's numbers (the portal);
     * nothing is shown by this: each step on the document is decided as always. Empty when unknown.
     */
    public Optional<DocumentRef> find(UUID documentId) {
        return exchange.find(documentId);
    }

    /**
     * The layout of a document kind (fields with their Japanese labels, rules and code names), for an exit that builds
     * a form or shows a document; no personal data, so no access decision.
     */
    public Optional<DocumentLayout> layout(DocumentKind kind) {
        return exchange.layout(kind);
    }

    /** A page of the organisation's inbox (listing marks the documents on it delivered); each one listed is audited. */
    public Routed<List<Envelope>> inbox(Actor actor, int page) {
        return listed(actor, DocumentBox.INBOX, page);
    }

    /** A page of the organisation's outbox; each one listed is audited. */
    public Routed<List<Envelope>> outbox(Actor actor, int page) {
        return listed(actor, DocumentBox.OUTBOX, page);
    }

    private Routed<List<Envelope>> listed(Actor actor, DocumentBox box, int page) {
        Decision decision = access.mayListDocuments(actor);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        Correspondent party = Correspondent.of(actor.organisation());
        List<Envelope> envelopes = box == DocumentBox.INBOX ? exchange.inbox(party, page) : exchange.outbox(party, page);
        access.listed(actor, box, envelopes.stream().map(e -> new ListedDocument(e.document().documentId(), e.kind(),
                e.document().insurer().value(), e.document().insured().value())).toList());
        return new Routed.Done<>(envelopes);
    }

    // ---------------------------------------------------------------- deciding on a document already sent

    private <T> Routed<T> decided(Actor actor, DocumentRef ref, DocumentAct act,
            java.util.function.Function<DocumentView, T> step, java.util.function.Supplier<T> unknown) {
        Optional<DocumentView> found = exchange.document(ref);
        if (found.isEmpty()) {
            return new Routed.Done<>(unknown.get());
        }
        DocumentView view = found.get();
        Decision decision = access.mayAct(actor, sent(view), act, actFacts(view));
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(step.apply(view));
    }

    private static SentDocument sent(DocumentView view) {
        return new SentDocument(view.document().documentId(), view.kind(), view.sender().party().orElse(null),
                view.recipient(), view.document().insurer().value(), view.document().insured().value(),
                view.status() == DocumentStatus.ACCEPTED, view.status() == DocumentStatus.WITHDRAWN, view.purged());
    }

    // ---------------------------------------------------------------- the facts of the case (design §2.10)

    /**
     * What the documents already exchanged say for this send: the request answered is open to the sender, the
     * institution asked is the one the accepted application names (or the clerk chose it as 指定医). Whether the
     * 認定 case is open {@code access} reads from the certification records itself, and so whether an open
     * assignment names the municipality's staff member sending a care-survey as its own surveyor (S8).
     */
    private CaseFacts sendFacts(Outgoing out, Correspondent sender) {
        boolean answerOpen = out.inReplyTo() != null && exchange.document(
                new DocumentRef(out.insurer(), out.insured(), out.inReplyTo()))
                .filter(request -> request.kind() == requestOf(out.kind()) && request.recipient().equals(sender)
                        && OPEN_REQUEST.contains(request.status()) && !answered(request))
                .isPresent();
        boolean named = out.kind() == DocumentKind.OPINION_REQUEST && out.payload() != null
                && (DESIGNATED_DOCTOR.equals(out.payload().get("doctorKind"))
                        || acceptedApplication(out.insurer(), out.insured(), sender)
                                .map(a -> a.payload() != null
                                        && out.to().number().equals(a.payload().get("doctorInstitutionCode")))
                                .orElse(false));
        return new CaseFacts(false, out.kind() == DocumentKind.CARE_SURVEY && answerOpen,
                out.kind() == DocumentKind.DOCTOR_OPINION && answerOpen, named, false,
                out.kind() == DocumentKind.DISCHARGE_RECORD && admittedAt(out, sender));
    }

    /**
     * S21: an 入院時情報提供書 about the person was addressed to the institution sending the 退院・退所情報記録書 in the last
     * 180 days and stands (neither withdrawn nor returned).
     */
    private boolean admittedAt(Outgoing out, Correspondent institution) {
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(180));
        return exchange.about(out.insurer(), out.insured(), DocumentKind.ADMISSION_INFO).stream()
                .anyMatch(d -> d.recipient().equals(institution) && d.sentAt().isAfter(since)
                        && d.status() != DocumentStatus.WITHDRAWN && d.status() != DocumentStatus.RETURNED);
    }

    /**
     * A 居宅サービス計画作成依頼届出 names its sender as the plan's maker (care-documents §4): an office its own number, a
     * person (or their representative) a 自己作成 plan.
     */
    private static Optional<Violation> planMaker(Outgoing out, Correspondent sender) {
        java.util.Map<String, String> payload = out.payload() == null ? java.util.Map.of() : out.payload();
        String kind = payload.get("planKind") == null ? null : payload.get("planKind").strip();
        String officeNo = payload.get("officeNo") == null ? null : payload.get("officeNo").strip();
        if (sender.kind() == Correspondent.Kind.OFFICE) {
            if ("4".equals(kind)) {
                return Optional.of(new Violation("planKind", "居宅介護支援事業者等区分",
                        "自己作成(4)の届出は本人が行います。事業所は自らが作成する計画を届け出ます"));
            }
            if (officeNo != null && !sender.number().equals(officeNo)) {
                return Optional.of(new Violation("officeNo", "事業所番号", "届出をする事業所自身の番号を書いてください"));
            }
        }
        if (sender.kind() == Correspondent.Kind.PERSON) {
            if (kind != null && !"4".equals(kind)) {
                return Optional.of(new Violation("planKind", "居宅介護支援事業者等区分",
                        "本人からの届出は自己作成(4)です。事業所が作成する計画は、その事業所が届け出ます"));
            }
            if (officeNo != null && !officeNo.isEmpty()) {
                return Optional.of(new Violation("officeNo", "事業所番号", "自己作成の届出には事業所番号を書きません"));
            }
        }
        return Optional.empty();
    }

    /**
     * What may be applied for (design §3.1), unless the 申請区分 is missing or no code (the layout then refuses the
     * field) or this is the replay of the sender's own unanswered application (the exchange answers it as the same
     * document).
     */
    private Optional<Decision> mayApply(Actor actor, Outgoing out, Correspondent sender) {
        String type = out.payload() == null ? null : out.payload().get("applicationType");
        if (type == null || !APPLICATION_TYPES.contains(type.strip())) {
            return Optional.empty();
        }
        List<DocumentView> unanswered = exchange.about(out.insurer(), out.insured(), DocumentKind.CERTIFICATION_APPLICATION)
                .stream().filter(a -> UNANSWERED.contains(a.status())).toList();
        if (unanswered.stream().anyMatch(a -> a.sender().equals(sender) && out.payload().equals(a.payload()))) {
            return Optional.empty();
        }
        String disease = out.payload().get("specificDisease");
        return Optional.of(access.mayApply(actor, out.insurer().value(), out.insured().value(),
                new AccessDecisions.ApplicationFacts(type.strip(), !unanswered.isEmpty(),
                        disease != null && !disease.isBlank())));
    }

    /** For reading or acting: a survey assignment is open to its office while it stands (R4). */
    private static CaseFacts actFacts(DocumentView view) {
        boolean assignmentOpen = view.kind() == DocumentKind.SURVEY_ASSIGNMENT && OPEN_REQUEST.contains(view.status());
        return new CaseFacts(false, assignmentOpen, false, false, false);
    }

    private static DocumentKind requestOf(DocumentKind answer) {
        return switch (answer) {
            case DOCTOR_OPINION -> DocumentKind.OPINION_REQUEST;
            case CARE_SURVEY -> DocumentKind.SURVEY_ASSIGNMENT;
            default -> null;
        };
    }

    /** Whether an accepted answer to the request exists: a request answered is closed (S11). */
    private boolean answered(DocumentView request) {
        DocumentKind answer = request.kind() == DocumentKind.OPINION_REQUEST ? DocumentKind.DOCTOR_OPINION
                : DocumentKind.CARE_SURVEY;
        return exchange.about(request.document().insurer(), request.document().insured(), answer).stream()
                .anyMatch(a -> request.document().documentId().equals(a.inReplyTo())
                        && a.status() == DocumentStatus.ACCEPTED);
    }

    private Optional<DocumentView> acceptedApplication(InsurerNumber insurer, InsuredNumber insured,
            Correspondent municipality) {
        return exchange.about(insurer, insured, DocumentKind.CERTIFICATION_APPLICATION).stream()
                .filter(a -> a.recipient().equals(municipality) && a.status() == DocumentStatus.ACCEPTED)
                .findFirst();
    }

    // ---------------------------------------------------------------- who the actor is in the exchange

    private static Correspondent correspondent(Actor actor, InsurerNumber insurer, InsuredNumber insured) {
        return actor.isPerson() ? Correspondent.person(insurer, insured) : Correspondent.of(actor.organisation());
    }

    private static Correspondent correspondent(Actor actor, DocumentRef ref) {
        return correspondent(actor, ref.insurer(), ref.insured());
    }
}
