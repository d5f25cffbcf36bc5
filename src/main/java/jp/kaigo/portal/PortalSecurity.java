package jp.kaigo.portal;

import java.util.Locale;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.StaffAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The portal's own security: a browser session (cookie, CSRF token in every form, idle timeout from
 * {@code server.servlet.session.timeout}), strict headers (a CSP without inline script or style, no
 * framing, no referrer), and one role per kind of user. Staff pages also need the organisation's client
 * certificate on every request (checked in {@link SignedIn}).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity implements WebMvcConfigurer {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /** The portal uses no camera, microphone, location, payment or device access; no page or frame may ask. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()";

    @Bean
    @Order(1)
    SecurityFilterChain portal(HttpSecurity http, StaffAccounts staff, MyNumberCards cards) throws Exception {
        http.securityMatcher("/", "/portal", "/portal/**")
                .securityContext(c -> c.securityContextRepository(contextRepository()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/portal", "/portal/sign-in/**", "/portal/assets/**").permitAll()
                        .requestMatchers("/portal/office/**").hasRole(PortalLogin.OFFICE)
                        .requestMatchers("/portal/municipality/**").hasRole(PortalLogin.MUNICIPALITY)
                        .requestMatchers("/portal/me/**").hasRole(PortalLogin.PERSON)
                        // a 介護認定審査会委員 has its own role and nothing else: every console page above is refused
                        // to it (403), only its committee area is open (certification-online.md §6.4 K1); sign-out
                        // is the logout filter, before any of these rules
                        .requestMatchers("/portal/committee", "/portal/committee/**").hasRole(PortalLogin.COMMITTEE)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal")))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS))
                        .crossOriginOpenerPolicy(c -> c.policy(
                                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .crossOriginResourcePolicy(c -> c.policy(
                                CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy.SAME_ORIGIN)))
                .logout(l -> l.logoutUrl("/portal/sign-out").logoutSuccessUrl("/portal?signedOut")
                        .addLogoutHandler((request, response, authentication) -> SignedIn.end(staff, cards, authentication)));
        return http.build();
    }

    @Bean
    SecurityContextRepository contextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Japanese unless the user chose English ({@code ?lang=en}); kept for the session. */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Locale.JAPANESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns("/portal/**", "/portal");
    }
}
