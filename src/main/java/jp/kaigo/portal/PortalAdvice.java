package jp.kaigo.portal;

import jp.kaigo.shared.NoSuchRecord;
import jp.kaigo.shared.TooManyAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jp.kaigo.identity.CardRefused;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.shared.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The portal's answers when a page cannot be shown: an ended session goes back to sign-in; a refused
 * input or action is explained on a page (in Japanese, never with the values sent).
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {
    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    /** A link that means nothing in this session (e.g. a person reference from another session). */
    static final class PageNotFound extends RuntimeException {
        PageNotFound() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(SignedIn.SessionEnded.class)
    String sessionEnded(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/portal?expired";
    }

    @ExceptionHandler(PageNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("error", "ページが見つかりません(セッションが切り替わった可能性があります。一覧から開き直してください)");
        return "portal/problem";
    }

    @ExceptionHandler(InvalidValue.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidValue e, Model model) {
        model.addAttribute("errors", e.violations());
        return "portal/problem";
    }

    /** A form sent without one of its fields, or with a value of the wrong kind (a hand-made request). */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestPartException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String malformed(Exception e, Model model) {
        model.addAttribute("error", "送信された内容が足りないか、形式が正しくありません。画面から操作し直してください");
        return "portal/problem";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("error", "ファイルが大きすぎます(1ファイル 1GB まで)。分割するか、ファイル連携の API をご利用ください");
        return "portal/problem";
    }

    @ExceptionHandler({CardRefused.class, NotPermitted.class, SignInRefused.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(RuntimeException e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "portal/problem";
    }

    @ExceptionHandler(jp.kaigo.ingest.ImportNotHeld.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String importNotHeld(RuntimeException e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "portal/problem";
    }

    @ExceptionHandler(TooManyAttempts.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(TooManyAttempts e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        e.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        model.addAttribute("error", e.getMessage());
        return "portal/problem";
    }

    @ExceptionHandler(NoSuchRecord.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noSuchRecord(NoSuchRecord e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "portal/problem";
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String failed(Exception e, Model model) {
        log.error("portal page failed: {}", e.getClass().getName(), e);
        model.addAttribute("error", "システムエラーが発生しました。時間をおいて再度お試しください");
        return "portal/problem";
    }
}
