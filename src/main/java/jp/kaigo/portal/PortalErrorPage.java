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
 * their own view) when the session is signed in there; otherwise it shows the public header.
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
        String role = switch (area) {
            case "office" -> PortalLogin.OFFICE;
            case "municipality" -> PortalLogin.MUNICIPALITY;
            case "me" -> PortalLogin.PERSON;
            default -> null;
        };
        if (role == null || request.getSession(false) == null) {
            return "public";
        }
        Authentication signedIn = contexts.loadDeferredContext(request).get().getAuthentication();
        boolean inArea = signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
        return inArea ? area : "public";
    }
}
