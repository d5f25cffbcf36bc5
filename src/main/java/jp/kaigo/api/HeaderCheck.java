package jp.kaigo.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import jp.kaigo.shared.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Authorization} header the platform can never have issued — characters outside printable
 * ASCII (Tomcat reads the bytes as ISO-8859-1, so {@code Bearer トークン} arrives as mojibake, which
 * Spring Security's firewall refuses with an exception the moment a controller reads the header: that
 * was a 500) — is answered 400 with the header named, before any authentication or controller sees it. Tokens are
 * Base64url, so nothing valid is turned away; the header's value is never repeated or logged.
 */
class HeaderCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptable(request)) {
            Problems.write(response, Problems.invalid(List.of(new Violation("Authorization", "Authorization ヘッダー",
                    "使えない文字が含まれています(Bearer のあとにログインで受け取ったアクセストークンをそのまま送ってください)"))));
            return;
        }
        chain.doFilter(request, response);
    }

    /** False if a value holds anything but printable ASCII (or Spring Security's firewall already refuses it). */
    private static boolean acceptable(HttpServletRequest request) {
        try {
            var values = request.getHeaders(HttpHeaders.AUTHORIZATION);
            while (values != null && values.hasMoreElements()) {
                if (!printableAscii(values.nextElement())) {
                    return false;
                }
            }
            return true;
        } catch (RequestRejectedException e) {
            return false;
        }
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
