package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.AttachmentInfo;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Envelope;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.NewAttachment;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.Receipt;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.SenderSignature;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.NoSuchRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents between organisations (design §8.1): send, the inbox and outbox, open, accept, return, withdraw and the
 * signed receipts, by a signed-in staff member under the organisation's certificate. Each is one call to
 * {@link DocumentRouting}, which asks {@code access} first; a denial is a 403 with its reason, a step the document's
 * state does not allow a 409 (404 when there is no such document), field errors a 400 and nothing stored.
 */
@RestController
class ExchangeController {
    private final DocumentRouting routing;
    private final StaffAccounts staff;

    ExchangeController(DocumentRouting routing, StaffAccounts staff) {
        this.routing = routing;
        this.staff = staff;
    }

    record Addressee(String kind, String number) {
    }

    /**
     * A document to send; {@code signature}, optional, is the sender's own signature (base64 of DER ECDSA-SHA256
     * over the content SHA-256: the canonical payload, then a line with each attachment's SHA-256), made with the key
     * of the client certificate of this connection.
     */
    record SendRequest(String kind, Addressee to, String insurerNo, String insuredNo, String inReplyTo,
            Map<String, String> payload, String signature) {
    }

    /** An attachment of the document as stored: its number, name, size, pages and where to download it. */
    record Attached(int no, String fileName, int bytes, int pages, String location) {
    }

    record Sent(String documentId, String insurerNo, String insuredNo, int version, boolean duplicate, String location) {
    }

    record Counterpart(String kind, String number) {
        static Counterpart of(Correspondent c) {
            return new Counterpart(c.kind().code(), c.number());
        }
    }

    record Listed(String documentId, String insurerNo, String insuredNo, String kind, String kindLabel,
            Counterpart counterpart, String status, String statusLabel, Instant sentAt, Instant statusAt) {
    }

    record Document(String documentId, String insurerNo, String insuredNo, String kind, String kindLabel,
            Counterpart sender, Counterpart recipient, String status, String statusLabel, int version,
            String layoutVersion, Map<String, String> payload, String inReplyTo, Instant sentAt, Instant statusAt,
            boolean senderSigned, List<Attached> attachments) {
    }

    record Changed(String documentId, String status, int version) {
    }

    record ReturnRequest(String reason, String note) {
    }

    record WithdrawRequest(String note) {
    }

    @PostMapping("/api/exchange/documents")
    ResponseEntity<Sent> send(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody SendRequest request) {
        return send(caller, http, idempotencyKey, request, List.of());
    }

    /**
     * The same with PDF attachments: a multipart request whose part {@code document} is the JSON of
     * {@link SendRequest} and whose parts {@code attachment} are the files (checked by content, ≤ 10 MB, ≤ 5).
     */
    @PostMapping(path = "/api/exchange/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Sent> sendWithAttachments(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestPart("document") SendRequest request,
            @RequestPart(name = "attachment", required = false) List<MultipartFile> files) throws IOException {
        List<NewAttachment> attachments = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (attachments.size() > NewAttachment.MOST) {
                break; // one more than allowed is enough for the exchange to say how many are allowed
            }
            try (java.io.InputStream in = file.getInputStream()) {
                attachments.add(NewAttachment.read(file.getOriginalFilename(), in));
            }
        }
        return send(caller, http, idempotencyKey, request, attachments);
    }

    private ResponseEntity<Sent> send(PartyUser caller, HttpServletRequest http, String idempotencyKey,
            SendRequest request, List<NewAttachment> attachments) {
        Actor actor = Actor.staff(StaffController.session(staff, caller, http));
        Inputs in = new Inputs();
        DocumentKind kind = in.value(request.kind(), k -> DocumentKind.byKey(k)
                .orElseThrow(() -> new InvalidValue("kind", "文書の種類", "文書の種類が正しくありません")));
        Correspondent to = request.to() == null ? null : in.value(request.to().kind(), k -> addressee(k, request.to().number()));
        if (request.to() == null) {
            in.reject("to", "宛先", "必須です");
        }
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        UUID inReplyTo = request.inReplyTo() == null ? null
                : in.value(request.inReplyTo(), v -> Inputs.uuid(v, "inReplyTo", "回答する依頼"));
        byte[] signature = request.signature() == null ? null
                : in.value(request.signature(), v -> base64(v, "signature", "署名"));
        in.check();
        SendResult result = AccessDenied.unless(routing.send(actor, new Outgoing(kind, to, insurer, insured, request.payload(),
                idempotencyKey, inReplyTo, certificateSerial(http),
                signature == null ? null : new SenderSignature(signature, clientCertificate(http)), attachments)));
        if (result instanceof SendResult.Sent sent) {
            return ResponseEntity.created(URI.create(path(sent.document())))
                    .body(answer(sent.document(), sent.version(), false));
        }
        if (result instanceof SendResult.Duplicate duplicate) {
            return ResponseEntity.ok(answer(duplicate.document(), 1, true));
        }
        throw refusal(result);
    }

    @GetMapping("/api/exchange/inbox")
    List<Listed> inbox(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam(defaultValue = "0") int page) {
        return AccessDenied.unless(routing.inbox(Actor.staff(StaffController.session(staff, caller, http)), page)).stream()
                .map(ExchangeController::listed).toList();
    }

    @GetMapping("/api/exchange/outbox")
    List<Listed> outbox(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam(defaultValue = "0") int page) {
        return AccessDenied.unless(routing.outbox(Actor.staff(StaffController.session(staff, caller, http)), page)).stream()
                .map(ExchangeController::listed).toList();
    }

    @GetMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}")
    Document open(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable String insuredNo, @PathVariable String documentId) {
        OpenResult result = AccessDenied.unless(routing.open(actor(caller, http), ref(insurerNo, insuredNo, documentId)));
        if (result instanceof OpenResult.Opened opened) {
            return document(opened.document(), opened.attachments());
        }
        throw refusal(result);
    }

    /** An attachment, to download: always as a PDF file, never shown inline or sniffed as something else. */
    @GetMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}/attachments/{no}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @PathVariable String documentId,
            @PathVariable int no) {
        byte[] content = AccessDenied.unless(routing.attachment(actor(caller, http), ref(insurerNo, insuredNo, documentId),
                no)).orElseThrow(() -> new NoSuchRecord("添付ファイルがありません"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"attachment-" + no + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    @PostMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}/accept")
    Changed accept(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable String insuredNo, @PathVariable String documentId) {
        return changed(AccessDenied.unless(routing.accept(actor(caller, http), ref(insurerNo, insuredNo, documentId))));
    }

    @PostMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}/return")
    Changed returnDocument(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @PathVariable String documentId,
            @RequestBody ReturnRequest request) {
        Actor actor = actor(caller, http);
        DocumentRef ref = ref(insurerNo, insuredNo, documentId);
        Inputs in = new Inputs();
        ReturnReason reason = in.value(request.reason(), r -> ReturnReason.ofCode(r)
                .orElseThrow(() -> new InvalidValue("reason", "返戻理由", "返戻理由のコードが正しくありません")));
        in.check();
        return changed(AccessDenied.unless(routing.returnDocument(actor, ref, reason, request.note())));
    }

    @PostMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}/withdraw")
    Changed withdraw(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable String insuredNo, @PathVariable String documentId,
            @RequestBody(required = false) WithdrawRequest request) {
        return changed(AccessDenied.unless(routing.withdraw(actor(caller, http), ref(insurerNo, insuredNo, documentId),
                request == null ? null : request.note())));
    }

    /** The receipts in order, as the CLI's {@code receipt verify --receipt FILE} reads them. */
    @GetMapping("/api/exchange/documents/{insurerNo}/{insuredNo}/{documentId}/receipts")
    List<Receipt> receipts(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @PathVariable String documentId) {
        List<Receipt> receipts = AccessDenied.unless(routing.receipts(actor(caller, http), ref(insurerNo, insuredNo, documentId)));
        if (receipts.isEmpty()) {
            throw new NotFound("書類が見つかりません");
        }
        return receipts;
    }

    record LayoutField(String key, String label, boolean required, String rule, Map<String, String> codes) {
    }

    record Layout(String kind, String label, String version, List<LayoutField> fields) {
    }

    /**
     * A document kind's layout — each field's key, Japanese label, whether required, rule and codes — for the
     * systems that send documents (an electronic chart maps its 意見書 onto these keys).
     */
    @GetMapping("/api/exchange/layouts/{kind}")
    Layout layout(@AuthenticationPrincipal PartyUser caller, @PathVariable String kind) {
        DocumentKind documentKind = DocumentKind.byKey(kind)
                .orElseThrow(() -> new NotFound("この種類の文書はありません"));
        var layout = routing.layout(documentKind).orElseThrow(() -> new NotFound("この種類の文書はありません"));
        return new Layout(documentKind.key(), layout.label(), layout.version(), layout.fields().stream()
                .map(f -> new LayoutField(f.key(), f.label(), f.required(), f.rule(), f.codes())).toList());
    }

    /** The receipt certificate a receipt names by serial, as PEM, for {@code receipt verify --cert}. */
    @GetMapping(path = "/api/exchange/receipt-certificates/{serial}", produces = "application/x-pem-file")
    String receiptCertificate(@AuthenticationPrincipal PartyUser caller, @PathVariable String serial) {
        if (!serial.matches("[0-9a-fA-F]{1,40}")) {
            throw new InvalidValue("serial", "証明書のシリアル番号", "16進数40桁以内で指定してください");
        }
        return routing.receiptCertificate(serial.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new NotFound("この番号の受領証明書はありません"));
    }

    // ---------------------------------------------------------------- helpers

    private Actor actor(PartyUser caller, HttpServletRequest http) {
        return Actor.staff(StaffController.session(staff, caller, http));
    }

    private static DocumentRef ref(String insurerNo, String insuredNo, String documentId) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(insurerNo, InsurerNumber::new);
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        UUID id = in.value(documentId, v -> Inputs.uuid(v, "documentId", "書類ID"));
        in.check();
        return new DocumentRef(insurer, insured, id);
    }

    private static Changed changed(ChangeResult result) {
        if (result instanceof ChangeResult.Changed changed) {
            return new Changed(changed.document().documentId().toString(), changed.status().code(), changed.version());
        }
        throw refusal(result);
    }

    /** Field errors (400, nothing stored) or the exchange's refusal (404/409). */
    private static RuntimeException refusal(Object result) {
        if (result instanceof Invalid invalid) {
            return new InvalidValue(invalid.violations());
        }
        return new DocumentRefused((Refused) result);
    }

    private static Sent answer(DocumentRef ref, int version, boolean duplicate) {
        return new Sent(ref.documentId().toString(), ref.insurer().value(), ref.insured().value(), version, duplicate,
                path(ref));
    }

    private static String path(DocumentRef ref) {
        return "/api/exchange/documents/" + ref.insurer().value() + "/" + ref.insured().value() + "/" + ref.documentId();
    }

    private static Listed listed(Envelope e) {
        return new Listed(e.document().documentId().toString(), e.document().insurer().value(),
                e.document().insured().value(), e.kind().key(), e.kind().label(), Counterpart.of(e.counterpart()),
                e.status().code(), e.status().label(), e.sentAt(), e.statusAt());
    }

    private static Document document(DocumentView d, List<AttachmentInfo> attachments) {
        return new Document(d.document().documentId().toString(), d.document().insurer().value(),
                d.document().insured().value(), d.kind().key(), d.kind().label(), Counterpart.of(d.sender()),
                Counterpart.of(d.recipient()), d.status().code(), d.status().label(), d.version(), d.layoutVersion(),
                d.payload(), d.inReplyTo() == null ? null : d.inReplyTo().toString(), d.sentAt(), d.statusAt(),
                d.senderSigned(), attachments.stream().map(a -> new Attached(a.no(), a.fileName(), a.bytes(), a.pages(),
                        path(d.document()) + "/attachments/" + a.no())).toList());
    }

    /** The addressee as the request names it: its kind and its number, each checked (a board is not addressed here). */
    private static Correspondent addressee(String kind, String number) {
        Correspondent.Kind k = Correspondent.Kind.ofCode(kind).filter(c -> c != Correspondent.Kind.BOARD)
                .orElseThrow(() -> new InvalidValue("to.kind", "宛先の種別",
                        "municipality、office、medical-institution、person のいずれかを指定してください"));
        if (number == null || number.isBlank()) {
            throw new InvalidValue("to.number", "宛先の番号", "必須です");
        }
        return new Correspondent(k, number.strip());
    }

    /** The serial of the TLS client certificate the request came under, kept with the document's version. */
    private static String certificateSerial(HttpServletRequest http) {
        X509Certificate certificate = clientCertificate(http);
        return certificate == null ? null : certificate.getSerialNumber().toString(16);
    }

    private static X509Certificate clientCertificate(HttpServletRequest http) {
        Object chain = http.getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certs && certs.length > 0 ? certs[0] : null;
    }

    private static byte[] base64(String value, String field, String label) {
        try {
            return java.util.Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, label, "Base64 で指定してください");
        }
    }
}
