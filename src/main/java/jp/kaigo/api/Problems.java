package jp.kaigo.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one builder of the API's error answers (RFC 9457 {@code application/problem+json}): a Japanese
 * {@code title} and {@code detail}, a {@code type} URN naming the kind of problem and, where input is
 * at fault, {@code errors: [{field, label, reason}]} with every broken rule at once. Texts are fixed
 * or built from field names and rules only: never a value the caller sent, never a stack trace.
 * Used by the controller advice, the error controller and the security filters alike.
 */
final class Problems {
    static final String INVALID_TITLE = "入力内容に誤りがあります";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, ProblemType type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type.uri());
        return problem;
    }

    /** Bad input: 400 with every violation; the detail repeats the first (or says how many there are). */
    static ProblemDetail invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + "件の誤りがあります: " + String.join("、",
                        violations.stream().map(Violation::label).distinct().toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT, INVALID_TITLE, detail);
        problem.setProperty("errors", violations);
        return problem;
    }

    /** The problem as an answer, with the problem+json content type whatever the caller accepts. */
    static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem where no message converter runs (security filters, before the dispatcher). */
    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer(); // committed: nothing later in the chain may change the status
    }

    /**
     * The answer for a status the dispatcher or the container decided before any controller ran (no such
     * path, a method or a body type the path does not take, an answer type the caller does not accept):
     * {@code allow} and {@code accept} are the methods and body types the path does take, where known.
     */
    static ProblemDetail forStatus(HttpStatus status, List<String> allow, List<String> accept) {
        return switch (status) {
            case NOT_FOUND -> of(status, ProblemType.NOT_FOUND, "見つかりません", "このパスの API はありません。パスを確かめてください");
            case METHOD_NOT_ALLOWED -> of(status, ProblemType.METHOD_NOT_ALLOWED, "このメソッドは使えません", allow.isEmpty()
                    ? "このパスはこのメソッドでは呼び出せません"
                    : "このパスで使えるメソッド: " + String.join("、", allow));
            case UNSUPPORTED_MEDIA_TYPE -> of(status, ProblemType.UNSUPPORTED_MEDIA_TYPE, "この形式の本文は受け付けません", accept.isEmpty()
                    ? "Content-Type を確かめてください"
                    : "Content-Type: " + String.join("、", accept) + " で送ってください");
            case NOT_ACCEPTABLE -> of(status, ProblemType.NOT_ACCEPTABLE, "この形式では答えられません",
                    "Accept: application/json(エラーは application/problem+json)で要求してください");
            case BAD_REQUEST -> of(status, ProblemType.BAD_REQUEST, "リクエストを読み取れません",
                    "リクエストの形式(パス、ヘッダー、本文)が正しくありません");
            case UNAUTHORIZED -> of(status, ProblemType.UNAUTHORIZED, "認証できません", "証明書またはアクセストークンを確かめてください");
            case FORBIDDEN -> of(status, ProblemType.FORBIDDEN, "この操作は許可されていません", "この操作を行う権限がありません");
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> of(status, ProblemType.TOO_LARGE, "本文が大きすぎます",
                    "本文を小さくするか、分割して送ってください");
            case TOO_MANY_REQUESTS -> of(status, ProblemType.TOO_MANY_REQUESTS, "一時的に受け付けていません", "時間をおいて再度お試しください");
            default -> status.is4xxClientError()
                    ? of(status, ProblemType.CLIENT_ERROR, "リクエストを処理できません", "リクエストの内容を確かめてください(" + status.value() + ")")
                    : of(status, ProblemType.INTERNAL_ERROR, "システムエラーが発生しました", "時間をおいて再度お試しください");
        };
    }

    /** The HTTP status for a code, or 500 for a code Spring does not name. */
    static HttpStatus status(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
