package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import jp.kaigo.identity.IssuedTokens;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.Party;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The portal session: starting it after a sign-in, and on every request the live identity behind it.
 * A staff page needs the same organisation's certificate on this very request and a staff session that
 * is still valid (an expired access token is renewed with the refresh token, up to 8 hours); a person's
 * page needs their card sign-in token. Otherwise the session ends ({@link SessionEnded}).
 */
@Component
class SignedIn {
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private final StaffAccounts staff;
    private final MyNumberCards cards;
    private final PlatformPki pki;
    private final SecurityContextRepository contexts;

    SignedIn(StaffAccounts staff, MyNumberCards cards, PlatformPki pki, SecurityContextRepository contexts) {
        this.staff = staff;
        this.cards = cards;
        this.pki = pki;
        this.contexts = contexts;
    }

    /** Thrown when the portal session cannot go on: the user signs in again. */
    static final class SessionEnded extends RuntimeException {
        SessionEnded() {
            super(null, null, false, false);
        }

        /** Why the staff session ended, logged (a reason only, no login ID or token) for the operator. */
        static SessionEnded because(String reason) {
            LoggerFactory.getLogger(SignedIn.class).info("portal staff session ended: {}", reason);
            return new SessionEnded();
        }
    }

    /** Starts (or renews) the portal session with a new session ID, so a session ID seen before sign-in is worthless. */
    void start(PortalLogin login, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        save(login, request, response);
    }

    private void save(PortalLogin login, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(login, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + login.role()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** The organisation named by this request's client certificate (platform CA, checked by TLS; not revoked). */
    Optional<Party> terminal(HttpServletRequest request) {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain) || chain.length == 0
                || pki.isRevoked(chain[0])) {
            return Optional.empty();
        }
        return pki.partyNamedBy(chain[0]);
    }

    StaffSession staff(HttpServletRequest request, HttpServletResponse response) {
        PortalLogin.Staff login = login(PortalLogin.Staff.class);
        Party terminal = terminal(request).filter(login.organisation()::equals)
                .orElseThrow(() -> SessionEnded.because(
                        "the terminal's certificate is missing, revoked or of another organisation"));
        Optional<StaffSession> session = staff.authenticate(terminal, login.accessToken());
        if (session.isPresent()) {
            return session.get();
        }
        try {
            IssuedTokens renewed = staff.refresh(terminal, login.refreshToken());
            save(new PortalLogin.Staff(login.organisation(), login.loginId(), login.job(), login.admin(),
                    renewed.accessToken(), renewed.refreshToken()), request, response);
            return staff.authenticate(terminal, renewed.accessToken())
                    .orElseThrow(() -> SessionEnded.because("the renewed access token is not valid"));
        } catch (SignInRefused e) {
            throw SessionEnded.because("the access token is no longer valid and the refresh was refused");
        }
    }

    MyNumberCards.LinkedPerson person() {
        return cards.personOf(login(PortalLogin.Person.class).token()).orElseThrow(SessionEnded::new);
    }

    private static <T extends PortalLogin> T login(Class<T> kind) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !kind.isInstance(authentication.getPrincipal())) {
            throw new SessionEnded();
        }
        return kind.cast(authentication.getPrincipal());
    }

    /** Sign-out: the staff session or the card token behind the portal session ends too. */
    static void end(StaffAccounts staff, MyNumberCards cards, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        if (authentication.getPrincipal() instanceof PortalLogin.Staff login) {
            staff.authenticate(login.organisation(), login.accessToken()).ifPresent(staff::signOut);
        } else if (authentication.getPrincipal() instanceof PortalLogin.Person login) {
            cards.signOutPerson(login.token());
        }
    }
}
