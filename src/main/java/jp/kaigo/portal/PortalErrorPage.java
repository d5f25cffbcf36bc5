package jp.kaigo.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The error page of a portal path keeps the menu of the area the user was in (office, municipality or
 * their own view) when the session is signed in there; otherwise it shows the public header. A 審査会委員 always
 * keeps the committee menu (and its 403 says what such an account may see).
 */
@ControllerAdvice(assignableTypes = ErrorController.class)
class PortalErrorPage {
    private final SecurityContextRepository contexts;

    PortalErrorPage(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    @ModelAttribute("area")
    String area(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u : "";
        String area = path.startsWith("/portal/office") ? "office"
                : path.startsWith("/portal/municipality") ? "municipality"
                : path.startsWith("/portal/me") ? "me" : "public";
        if (path.startsWith("/portal") && hasRole(request, PortalLogin.COMMITTEE)) {
            // a 審査会委員 is refused every staff page: the error keeps its own menu (§6.4 K1)
            return "committee";
        }
        String role = switch (area) {
            case "office" -> PortalLogin.OFFICE;
            case "municipality" -> PortalLogin.MUNICIPALITY;
            case "me" -> PortalLogin.PERSON;
            default -> null;
        };
        return role != null && hasRole(request, role) ? area : "public";
    }

    private boolean hasRole(HttpServletRequest request, String role) {
        if (request.getSession(false) == null) {
            return false;
        }
        Authentication signedIn = contexts.loadDeferredContext(request).get().getAuthentication();
        return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
