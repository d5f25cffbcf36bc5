package jp.kaigo.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container answers when no controller advice did: a path nobody maps, a method or a body type
 * a path does not take, an answer type the caller does not accept, a refusal by a security filter, or a
 * failure outside any controller. Under {@code /api} that is problem+json in Japanese (from
 * {@link Problems}); elsewhere (the portal) a Japanese page in the portal layout, its menu kept (the
 * portal adds the menu's area). {@code /error} asked for directly is a path nobody maps: 404.
 */
@Controller
class ErrorAnswers implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code instanceof Integer c ? Problems.status(c) : HttpStatus.NOT_FOUND;
        String path = uri instanceof String u ? u : request.getRequestURI();
        if (path.startsWith("/portal") || path.equals("/")) {
            ModelAndView page = new ModelAndView("error", Map.of("status", status.value()), status);
            return page;
        }
        ProblemDetail problem = Problems.forStatus(status, values(response.getHeader("Allow")),
                values(response.getHeader("Accept")));
        return Problems.answer(problem);
    }

    private static List<String> values(String header) {
        return header == null || header.isBlank() ? List.of()
                : Arrays.stream(header.split(",")).map(String::strip).filter(v -> !v.isEmpty()).sorted().toList();
    }
}
