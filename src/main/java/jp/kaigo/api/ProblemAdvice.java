package jp.kaigo.api;

import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import jp.kaigo.eligibility.RegistrationRefused;
import jp.kaigo.identity.CardRefused;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.shared.NoSuchRecord;
import jp.kaigo.shared.TooManyAttempts;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.ingest.FileRejected;
import jp.kaigo.ingest.ImportNotHeld;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to RFC 9457 problem+json. Bad input is a 400 with {@code errors}: field, label
 * and reason (and the line, for files). An unexpected failure is a 500 with only an error ID, which
 * is logged with the cause; no stack trace or value ever reaches the caller.
 */
@RestControllerAdvice(basePackageClasses = ProblemAdvice.class)
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private final BodyLimits limits;

    ProblemAdvice(BodyLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(InvalidValue.class)
    ProblemDetail invalid(InvalidValue e) {
        return Problems.invalid(e.violations());
    }

    /** A registration as 担当事業所 refused: every rule that failed, each with field, rule and reason. */
    @ExceptionHandler(RegistrationRefused.class)
    ProblemDetail registrationRefused(RegistrationRefused e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "担当事業所として登録できません",
                e.refusals().stream().map(f -> f.label() + ": " + f.reason()).collect(
                        java.util.stream.Collectors.joining(" / ")), ProblemType.REGISTRATION_REFUSED);
        problem.setProperty("errors", e.refusals());
        return problem;
    }

    /** A confirmation or cancellation of an import that is not waiting for one. */
    @ExceptionHandler(ImportNotHeld.class)
    ProblemDetail importNotHeld(ImportNotHeld e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "確認待ちの取込ではありません", e.getMessage(), ProblemType.IMPORT_NOT_HELD);
        problem.setProperty("importStatus", e.status());
        return problem;
    }

    @ExceptionHandler(FileRejected.class)
    ProblemDetail fileRejected(FileRejected e) {
        var first = e.problems().get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "ファイルを取り込めませんでした(何も変更していません)",
                first.line() + "行目: " + first.label() + ": " + first.reason(), ProblemType.FILE_REJECTED);
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(List.of(new Violation(e.getName(), e.getName(), "形式が正しくありません")));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "見つかりません", e.getMessage(), ProblemType.NOT_FOUND);
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "この操作は許可されていません", e.getMessage(), ProblemType.FORBIDDEN);
    }

    /** A denied access decision: the reason code and its message, for "not visible because …". */
    @ExceptionHandler(AccessDenied.class)
    ProblemDetail accessDenied(AccessDenied e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "この情報は表示できません", e.decision().message(),
                ProblemType.ACCESS_DENIED);
        problem.setProperty("category", e.decision().category().key());
        problem.setProperty("reason", e.decision().reason().name());
        return problem;
    }

    /** A step on a document the exchange refused: not found (404) or not possible in its state (409). */
    @ExceptionHandler(DocumentRefused.class)
    ProblemDetail documentRefused(DocumentRefused e) {
        var refusal = e.refused().reason();
        ProblemDetail problem = problem(refusal == jp.kaigo.exchange.Refusal.NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.CONFLICT, "この書類にはこの操作ができません", refusal.message(), ProblemType.DOCUMENT_REFUSED);
        problem.setProperty("refusal", refusal.code());
        if (e.refused().existing() != null) {
            problem.setProperty("existing", e.refused().existing().toString());
        }
        return problem;
    }

    @ExceptionHandler(CardRefused.class)
    ProblemDetail cardRefused(CardRefused e) {
        return problem(HttpStatus.FORBIDDEN, "本人確認できません", e.getMessage(), ProblemType.CARD_REFUSED);
    }

    @ExceptionHandler(NoSuchRecord.class)
    ProblemDetail noSuchRecord(NoSuchRecord e) {
        return problem(HttpStatus.NOT_FOUND, "見つかりません", e.getMessage(), ProblemType.NOT_FOUND);
    }

    @ExceptionHandler(TooManyAttempts.class)
    org.springframework.http.ResponseEntity<Object> tooManyAttempts(TooManyAttempts e) {
        var answer = org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        e.retryAfterSeconds().ifPresent(seconds -> answer.header("Retry-After", Long.toString(seconds)));
        return answer.body(problem(HttpStatus.TOO_MANY_REQUESTS, "一時的に受け付けていません", e.getMessage(), ProblemType.TOO_MANY_ATTEMPTS));
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e) {
        return problem(HttpStatus.FORBIDDEN, "この操作は許可されていません", e.getMessage(), ProblemType.FORBIDDEN);
    }

    @ExceptionHandler(SignInRefused.class)
    ProblemDetail signInRefused(SignInRefused e) {
        return problem(HttpStatus.UNAUTHORIZED, "認証できません", e.getMessage(), ProblemType.SIGN_IN_REFUSED);
    }

    /** A header Spring Security's firewall refuses to hand out (control characters, mojibake), read by a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "リクエストを読み取れません",
                "ヘッダーに使えない文字が含まれています(英数字と記号だけで送ってください)", ProblemType.BAD_HEADER);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        var tooLarge = BodyTooLarge.in(e); // a body sent in chunks past its limit, wrapped by whoever was reading it
        if (tooLarge.isPresent()) {
            return Problems.answer(BodyLimitFilter.tooLarge(tooLarge.get().limit()));
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {}: {}", errorId, causes(e));
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "システムエラーが発生しました",
                "時間をおいて再度お試しください。問い合わせの際はエラーIDをお伝えください。", ProblemType.INTERNAL_ERROR);
        problem.setProperty("errorId", errorId);
        return Problems.answer(problem);
    }

    /**
     * The chain of exception types with the place each was thrown, and the SQL state where there is one.
     * Messages are left out on purpose: a database or parser message can quote the values it choked on.
     */
    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t.getStackTrace().length > 0) {
                chain.append(" at ").append(t.getStackTrace()[0]);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                chain.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
        }
        return chain.toString();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = BodyTooLarge.in(ex);
        if (tooLarge.isPresent()) {
            return Problems.answer(BodyLimitFilter.tooLarge(tooLarge.get().limit()));
        }
        for (Throwable t = ex.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return Problems.answer(overLimit(limit));
            }
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = field(mismatch);
                return Problems.answer(Problems.invalid(List.of(new Violation(field, field, expected(mismatch)))));
            }
            if (t instanceof JacksonException json && json.getLocation() != null && json.getLocation().getLineNr() > 0) {
                return Problems.answer(problem(HttpStatus.BAD_REQUEST, "リクエストを読み取れません", "JSONの形式が正しくありません("
                        + json.getLocation().getLineNr() + "行目 " + json.getLocation().getColumnNr() + "文字目)", ProblemType.UNREADABLE_REQUEST));
            }
        }
        return Problems.answer(problem(HttpStatus.BAD_REQUEST, "リクエストを読み取れません",
                "本文がないか、JSONの形式が正しくありません", ProblemType.UNREADABLE_REQUEST));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.answer(Problems.invalid(List.of(new Violation(ex.getParameterName(), ex.getParameterName(), "必須です"))));
    }

    /**
     * Every other failure Spring MVC itself names (405, 415, 406, 404, …): the same Japanese problem the
     * error controller gives, with the headers Spring set (Allow, Accept).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = Problems.status(statusCode.value());
        ProblemDetail problem = body instanceof ProblemDetail given && given.getType() != null
                && given.getType().toString().startsWith("urn:kaigo-platform:") ? given
                : Problems.forStatus(status, headers.getAllow().stream().map(Object::toString).sorted().toList(),
                        ex instanceof HttpMediaTypeNotSupportedException unsupported
                                ? unsupported.getSupportedMediaTypes().stream().map(Object::toString).toList() : List.of());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A body past one of the parser's limits: which limit, and its size (Jackson's message names the limit and the
     * sizes, never the content; it is read only to tell the limits apart).
     */
    private ProblemDetail overLimit(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Document length")) {
            return BodyLimitFilter.tooLarge(limits.jsonBody());
        }
        String reason = message.startsWith("Document nesting depth")
                ? "オブジェクトや配列の入れ子が深すぎます(" + limits.jsonDepth() + "段まで)"
                : message.startsWith("String value length") ? "文字列が長すぎます(1つの値は" + limits.jsonString() + "文字まで)"
                : message.startsWith("Name length") ? "項目名が長すぎます"
                : message.startsWith("Number value length") ? "数値の桁数が多すぎます"
                : "本文が長すぎるか、要素が多すぎます";
        String at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? "(" + e.getLocation().getLineNr() + "行目)" : "";
        return problem(HttpStatus.BAD_REQUEST, "リクエストを読み取れません", reason + at, ProblemType.JSON_LIMIT);
    }

    /** The field's path in the request body, e.g. {@code queries[2].birthDate}. */
    private static String field(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the field takes, from the type it is read into (the value sent is never repeated). */
    private static String expected(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "この項目はありません(項目名の綴りと大文字・小文字を確かめてください)";
        }
        Class<?> type = e.getTargetType();
        if (type == String.class) {
            return "文字列で指定してください(数値・真偽値ではなく \"…\" で囲んでください)";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class)) {
            return "数値で指定してください";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true または false で指定してください";
        }
        if (type != null && (java.util.Collection.class.isAssignableFrom(type) || type.isArray())) {
            return "配列([…])で指定してください";
        }
        return "形式が正しくありません";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, ProblemType type) {
        return Problems.of(status, type, title, detail);
    }
}
