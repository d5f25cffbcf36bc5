package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.OpenResult;
import jp.kaigo.exchange.Refusal;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.Refused;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.exchange.NewAttachment;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page that writes a document from its layout ({@code portal/documents/compose}, design §8.3 steps 5 and 7):
 * the 認定調査票 of a surveyor and the 主治医意見書 of a doctor. It shows the form ({@link LayoutForm}) with what the
 * request says about the case, sends what was typed through {@link DocumentRouting#send} (the call the API makes;
 * the form's token is the idempotency key, so the same form sent twice is one document) and answers: the document
 * page when sent; the form again with each error beside its field when the layout refuses a field (nothing stored);
 * the denial alone, without the form, when {@code access} refuses.
 */
final class ComposePage {
    static final String VIEW = "portal/documents/compose";

    /** What one compose page is: its kind and sections, its texts, where it posts and what it answers. */
    record Spec(String area, DocumentKind kind, List<LayoutForm.Section> sections, String titleKey, String introKey,
            String submitKey, String action, String back, String contextTitle) {
    }

    /** What the page shows about the case above the form: the person's number and the request's lines (or none). */
    record About(String insuredNo, List<DocumentPages.Line> lines) {
        static final About NOTHING = new About(null, List.of());
    }

    private ComposePage() {
    }

    /** The empty form (with what the request fills in already) under a new token. */
    static String form(Model model, StaffSession me, DocumentRouting routing, Spec spec, About about,
            Map<String, String> prefilled) {
        return render(model, me, layout(routing, spec.kind()), spec, about, prefilled, List.of(), LayoutForm.newToken());
    }

    /** The denial alone: no form, nothing about the case. */
    /** The request a form answers, opened for the staff member, or the page that says why it cannot be. */
    record Request(DocumentView document, String page) {
    }

    /**
     * Opens the request of this kind that the form answers (the recipient's first opening marks it read): the page
     * of a denial when access refuses, of "not found" when there is no such document or it is of another kind.
     */
    static Request openRequest(Model model, HttpServletResponse response, StaffSession me, DocumentRouting routing,
            Spec spec, Optional<DocumentRef> found, DocumentKind kind) {
        if (found.isEmpty()) {
            return new Request(null, notFound(model, response, me, spec, Refusal.NOT_FOUND.message()));
        }
        Routed<OpenResult> opened = routing.open(Actor.staff(me), found.get());
        if (opened instanceof Routed.Denied<OpenResult> denied) {
            return new Request(null, denied(model, response, me, spec, denied.decision().message()));
        }
        OpenResult result = ((Routed.Done<OpenResult>) opened).result();
        if (!(result instanceof OpenResult.Opened open) || open.document().kind() != kind) {
            return new Request(null, notFound(model, response, me, spec, result instanceof Refused refused
                    ? refused.reason().message() : Refusal.NOT_FOUND.message()));
        }
        return new Request(open.document(), null);
    }

    static String denied(Model model, HttpServletResponse response, StaffSession me, Spec spec, String message) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return nothing(model, me, spec, message);
    }

    /** The request the page answers is not there (or not this page's): its reason alone. */
    static String notFound(Model model, HttpServletResponse response, StaffSession me, Spec spec, String message) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return nothing(model, me, spec, message);
    }

    private static String nothing(Model model, StaffSession me, Spec spec, String message) {
        model.addAttribute("me", me);
        model.addAttribute("area", spec.area());
        model.addAttribute("titleKey", spec.titleKey());
        model.addAttribute("back", spec.back());
        model.addAttribute("error", message);
        return VIEW;
    }

    /**
     * Sends what the form typed as the document {@code outgoing} makes of the payload, and answers the page: a redirect
     * to the document sent (or sent before with this form), the form with the errors, or the denial.
     */
    static String send(Model model, HttpServletResponse response, StaffSession me, DocumentRouting routing, Spec spec,
            About about, Map<String, String> form, List<MultipartFile> files,
            Function<Map<String, String>, Outgoing> outgoing) {
        String token = form.get("formToken");
        if (!LayoutForm.validToken(token)) {
            throw new InvalidValue("formToken", "入力フォーム", "入力のページを開き直してから送信してください");
        }
        DocumentLayout layout = layout(routing, spec.kind());
        Map<String, String> payload = LayoutForm.payload(layout, form);
        Routed<SendResult> routed = routing.send(Actor.staff(me), outgoing.apply(payload).withAttachments(attachments(files)));
        if (routed instanceof Routed.Denied<SendResult> denied) {
            return denied(model, response, me, spec, denied.decision().message());
        }
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        if (result instanceof SendResult.Sent sent) {
            return redirect(spec, sent.document());
        }
        if (result instanceof SendResult.Duplicate duplicate) {
            return redirect(spec, duplicate.document());
        }
        if (result instanceof Invalid invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(model, me, layout, spec, about, payload, invalid.violations(), token);
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("error", ((Refused) result).reason().message());
        return render(model, me, layout, spec, about, payload, List.of(), token);
    }

    /** The files chosen in the form's file field (a field left empty sends none); checked by the exchange. */
    private static List<NewAttachment> attachments(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<NewAttachment> attachments = new java.util.ArrayList<>();
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            if (attachments.size() > NewAttachment.MOST) {
                break; // one more than allowed is enough for the exchange to say how many are allowed
            }
            try (java.io.InputStream in = file.getInputStream()) {
                attachments.add(NewAttachment.read(file.getOriginalFilename(), in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return attachments;
    }

    private static String redirect(Spec spec, DocumentRef document) {
        return "redirect:/portal/" + spec.area() + "/documents/" + document.documentId() + "?sent";
    }

    private static String render(Model model, StaffSession me, DocumentLayout layout, Spec spec, About about,
            Map<String, String> values, List<Violation> violations, String token) {
        Map<String, List<String>> byField = LayoutForm.byField(violations);
        model.addAttribute("me", me);
        model.addAttribute("area", spec.area());
        model.addAttribute("titleKey", spec.titleKey());
        model.addAttribute("introKey", spec.introKey());
        model.addAttribute("submitKey", spec.submitKey());
        model.addAttribute("action", spec.action());
        model.addAttribute("back", spec.back());
        model.addAttribute("contextTitle", spec.contextTitle());
        model.addAttribute("insuredNo", about.insuredNo());
        model.addAttribute("context", about.lines());
        if (!violations.isEmpty()) {
            model.addAttribute("errors", violations);
        }
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("values", values);
        model.addAttribute("groups", LayoutForm.groups(layout, spec.sections(), byField));
        model.addAttribute("formToken", token);
        return VIEW;
    }

    private static DocumentLayout layout(DocumentRouting routing, DocumentKind kind) {
        return routing.layout(kind).orElseThrow(() -> new IllegalStateException("no layout for " + kind.key()));
    }
}
