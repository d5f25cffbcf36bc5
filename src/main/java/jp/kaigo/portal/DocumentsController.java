package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Envelope;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.Receipt;
import jp.kaigo.exchange.Refusal;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.StatusChange;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.NoSuchRecord;
import jp.kaigo.shared.PartyKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 受信箱・送信箱 and the document page for the staff of a municipality, a care office or a medical institution
 * (docs/design/certification-online.md §8.1): each page and each button is one call to {@link DocumentRouting},
 * which asks {@code access} first. Offices and medical institutions share the office area ({@code /portal/office},
 * as the office WEB service does), municipalities have theirs. A document is linked by its id alone, never by
 * the person's numbers. A denial shows the decision's message; a step the document's state
 * does not allow comes back to the document with the exchange's reason.
 */
@Controller
class DocumentsController {
    private static final String OFFICE = "/portal/office";
    private static final String MUNICIPALITY = "/portal/municipality";
    private final SignedIn signedIn;
    private final DocumentRouting routing;

    DocumentsController(SignedIn signedIn, DocumentRouting routing) {
        this.signedIn = signedIn;
        this.routing = routing;
    }

    /** One row of a box: the envelope, never the content. */
    record Row(String href, String kind, String insuredNo, String counterpart, String status, boolean unread,
            java.time.Instant sentAt) {
    }

    @GetMapping({OFFICE + "/inbox", MUNICIPALITY + "/inbox"})
    String inbox(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(defaultValue = "1") int page) {
        StaffSession me = signedIn.staff(request, response);
        return box(response, model, me, "inbox", page, routing.inbox(Actor.staff(me), Math.max(1, page) - 1));
    }

    @GetMapping({OFFICE + "/outbox", MUNICIPALITY + "/outbox"})
    String outbox(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(defaultValue = "1") int page) {
        StaffSession me = signedIn.staff(request, response);
        return box(response, model, me, "outbox", page, routing.outbox(Actor.staff(me), Math.max(1, page) - 1));
    }

    private String box(HttpServletResponse response, Model model, StaffSession me,
            String box, int page, Routed<List<Envelope>> routed) {
        String area = area(me);
        model.addAttribute("me", me);
        model.addAttribute("area", area);
        model.addAttribute("box", box);
        model.addAttribute("page", Math.max(1, page));
        if (routed instanceof Routed.Denied<List<Envelope>> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            model.addAttribute("rows", List.of());
            model.addAttribute("hasNext", false);
            return "portal/documents/box";
        }
        List<Envelope> envelopes = ((Routed.Done<List<Envelope>>) routed).result();
        model.addAttribute("rows", envelopes.stream().map(e -> new Row(href(area, e.document()),
                e.kind().label(), e.document().insured().value(), DocumentPages.party(e.counterpart()),
                e.status().label(), "inbox".equals(box) && (e.status() == DocumentStatus.SENT
                        || e.status() == DocumentStatus.DELIVERED), e.sentAt())).toList());
        model.addAttribute("hasNext", envelopes.size() == DocumentExchange.PAGE);
        return "portal/documents/box";
    }

    /**
     * The document: its envelope, its content under the layout's labels and code names, its history, and the
     * buttons its side may use (the recipient accepts or returns, the sender withdraws; decided again on submit).
     */
    @GetMapping({OFFICE + "/documents/{documentId}", MUNICIPALITY + "/documents/{documentId}"})
    String document(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        Optional<DocumentRef> found = ref(documentId);
        String area = area(me);
        model.addAttribute("me", me);
        model.addAttribute("area", area);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", Refusal.NOT_FOUND.message());
            return "portal/documents/document";
        }
        DocumentRef document = found.get();
        Routed<OpenResult> opened = routing.open(Actor.staff(me), document);
        if (opened instanceof Routed.Denied<OpenResult> denied) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("error", denied.decision().message());
            return "portal/documents/document";
        }
        if (!(((Routed.Done<OpenResult>) opened).result() instanceof OpenResult.Opened open)) {
            Refused refused = (Refused) ((Routed.Done<OpenResult>) opened).result();
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", refused.reason().message());
            return "portal/documents/document";
        }
        DocumentView view = open.document();
        Correspondent self = Correspondent.of(me.organisation());
        boolean recipient = view.recipient().equals(self);
        boolean sender = view.sender().equals(self);
        boolean answerable = !view.status().terminal() && view.status() != DocumentStatus.RETURNED;
        model.addAttribute("view", view);
        model.addAttribute("attachments", open.attachments());
        model.addAttribute("sender", DocumentPages.party(view.sender()));
        model.addAttribute("recipient", DocumentPages.party(view.recipient()));
        model.addAttribute("lines", DocumentPages.lines(routing.layout(view.kind()).orElse(null), view.payload()));
        model.addAttribute("history", DocumentPages.steps(history(me, document)));
        model.addAttribute("action", page(me, view.document().documentId().toString()));
        model.addAttribute("mayAccept", recipient && answerable);
        model.addAttribute("mayWithdraw", sender && !view.status().terminal());
        model.addAttribute("reasons", ReturnReason.values());
        // an admission is answered by its discharge record days after the hospital acknowledged it
        boolean composable = view.kind() == jp.kaigo.shared.DocumentKind.ADMISSION_INFO
                ? view.status() != DocumentStatus.WITHDRAWN && view.status() != DocumentStatus.RETURNED : answerable;
        model.addAttribute("compose", recipient && composable ? compose(view.kind()) : null);
        return "portal/documents/document";
    }

    /** An attachment of the document, as a PDF file to save or open outside the page (never shown inline). */
    @GetMapping({OFFICE + "/documents/{documentId}/attachments/{no}",
            MUNICIPALITY + "/documents/{documentId}/attachments/{no}"})
    ResponseEntity<byte[]> attachment(HttpServletRequest request, HttpServletResponse response,
            @PathVariable String documentId, @PathVariable int no) {
        StaffSession me = signedIn.staff(request, response);
        DocumentRef document = ref(documentId).orElseThrow(() -> new NoSuchRecord(Refusal.NOT_FOUND.message()));
        Routed<Optional<byte[]>> found = routing.attachment(Actor.staff(me), document, no);
        if (found instanceof Routed.Denied<Optional<byte[]>> denied) {
            throw new NotPermitted(denied.decision().message());
        }
        byte[] content = ((Routed.Done<Optional<byte[]>>) found).result()
                .orElseThrow(() -> new NoSuchRecord("添付ファイルがありません"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"attachment-" + no + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    /**
     * The document's receipts, each signed by the platform, as the file {@code java -jar kaigo-platform.jar receipt
     * verify --receipt} checks offline (the same JSON as the API's receipts); for the document's parties only.
     */
    @GetMapping({OFFICE + "/documents/{documentId}/receipts.json", MUNICIPALITY + "/documents/{documentId}/receipts.json"})
    ResponseEntity<List<Receipt>> receipts(HttpServletRequest request, HttpServletResponse response,
            @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        DocumentRef document = ref(documentId).orElseThrow(() -> new NoSuchRecord(Refusal.NOT_FOUND.message()));
        Routed<List<Receipt>> found = routing.receipts(Actor.staff(me), document);
        if (found instanceof Routed.Denied<List<Receipt>> denied) {
            throw new NotPermitted(denied.decision().message());
        }
        List<Receipt> receipts = ((Routed.Done<List<Receipt>>) found).result();
        if (receipts.isEmpty()) {
            throw new NoSuchRecord(Refusal.NOT_FOUND.message());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"receipts-" + document.documentId() + ".json\"")
                .body(receipts);
    }

    /** The answer the recipient of a request writes in the portal (SurveysController, OpinionController), or null. */
    private static String compose(jp.kaigo.shared.DocumentKind kind) {
        if (kind == jp.kaigo.shared.DocumentKind.SURVEY_ASSIGNMENT) {
            return "survey";
        }
        if (kind == jp.kaigo.shared.DocumentKind.ADMISSION_INFO) {
            return "discharge";
        }
        return kind == jp.kaigo.shared.DocumentKind.OPINION_REQUEST ? "opinion" : null;
    }

    private List<StatusChange> history(StaffSession me, DocumentRef document) {
        return routing.history(Actor.staff(me), document) instanceof Routed.Done<List<StatusChange>> done ? done.result()
                : List.of();
    }

    @PostMapping({OFFICE + "/documents/{documentId}/accept", MUNICIPALITY + "/documents/{documentId}/accept"})
    String accept(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String documentId) {
        StaffSession me = signedIn.staff(request, response);
        Optional<DocumentRef> document = ref(documentId);
        return document.isEmpty() ? "redirect:" + page(me, documentId)
                : changed(flash, me, documentId, routing.accept(Actor.staff(me), document.get()), "accepted");
    }

    @PostMapping({OFFICE + "/documents/{documentId}/return", MUNICIPALITY + "/documents/{documentId}/return"})
    String returnDocument(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String documentId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        StaffSession me = signedIn.staff(request, response);
        Optional<DocumentRef> document = ref(documentId);
        if (document.isEmpty()) {
            return "redirect:" + page(me, documentId);
        }
        ReturnReason why = reason == null ? null : ReturnReason.ofCode(reason).orElse(null);
        if (why == null) {
            flash.addFlashAttribute("errors", List.of(new jp.kaigo.shared.Violation("reason", "返戻理由", "返戻理由を選んでください")));
            return "redirect:" + page(me, documentId);
        }
        return changed(flash, me, documentId,
                routing.returnDocument(Actor.staff(me), document.get(), why, blankToNull(note)), "returned");
    }

    @PostMapping({OFFICE + "/documents/{documentId}/withdraw", MUNICIPALITY + "/documents/{documentId}/withdraw"})
    String withdraw(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
            @PathVariable String documentId, @RequestParam(required = false) String note) {
        StaffSession me = signedIn.staff(request, response);
        Optional<DocumentRef> document = ref(documentId);
        return document.isEmpty() ? "redirect:" + page(me, documentId)
                : changed(flash, me, documentId, routing.withdraw(Actor.staff(me), document.get(), blankToNull(note)),
                        "withdrawn");
    }

    /** Back to the document: with what happened, the denial's message, or the exchange's reason. */
    private static String changed(RedirectAttributes flash, StaffSession me, String documentId,
            Routed<ChangeResult> routed, String done) {
        if (routed instanceof Routed.Denied<ChangeResult> denied) {
            flash.addFlashAttribute("error", denied.decision().message());
        } else {
            ChangeResult result = ((Routed.Done<ChangeResult>) routed).result();
            if (result instanceof ChangeResult.Changed) {
                return "redirect:" + page(me, documentId) + "?" + done;
            }
            if (result instanceof Invalid invalid) {
                flash.addFlashAttribute("errors", invalid.violations());
            } else if (result instanceof Refused refused) {
                flash.addFlashAttribute("error", refused.reason().message());
            }
        }
        return "redirect:" + page(me, documentId);
    }

    // ---------------------------------------------------------------- helpers

    private static String area(StaffSession me) {
        return me.organisation().kind() == PartyKind.MUNICIPALITY ? "municipality" : "office";
    }

    private static String page(StaffSession me, String documentId) {
        return "/portal/" + area(me) + "/documents/" + documentId;
    }

    private static String href(String area, DocumentRef document) {
        return "/portal/" + area + "/documents/" + document.documentId();
    }

    /**
     * The document a link names by its id alone (so no person's numbers in URLs, and a link works in any session);
     * empty when unknown. Finding it shows nothing: every step on it is decided.
     */
    private Optional<DocumentRef> ref(String documentId) {
        return DocumentPages.ref(routing, documentId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
