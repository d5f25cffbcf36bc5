package jp.kaigo.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Every API request is authenticated by its TLS client certificate (issued by the platform CA, not
 * revoked, naming a municipality, office or medical institution); the path decides which kind may
 * call it. Stateless: no session, no cookie, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {
    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, PlatformPki pki) throws Exception {
        http.addFilterBefore(new HeaderCheck(), X509AuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // a certificate or nobody: no anonymous principal, no logout, no session to look for
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .x509(x509 -> x509.x509PrincipalExtractor(X509Certificate::getSerialNumber)
                        .authenticationUserDetailsService(partyOf(pki)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/error", "/livez", "/readyz", "/api/layouts", "/api/openapi.json").permitAll()
                        // the person's own API: the My Number card is the credential (checked per request)
                        .requestMatchers("/api/person/**").permitAll()
                        .requestMatchers("/api/insurers/**", "/api/municipalities/**", "/api/imports/**",
                                "/api/insured/**").hasRole(PartyUser.role(PartyKind.MUNICIPALITY))
                        // the office and institution master: the operator's system only
                        .requestMatchers("/api/master/**", "/api/operator/**").hasRole(PartyUser.role(PartyKind.OPERATOR))
                        // 資格確認: offices, and medical institutions where designated for care (the use case decides)
                        .requestMatchers("/api/eligibility", "/api/eligibility/**", "/api/card/**")
                                .hasAnyRole(PartyUser.role(PartyKind.OFFICE), PartyUser.role(PartyKind.MEDICAL_INSTITUTION))
                        .requestMatchers("/api/relationships", "/api/relationships/**", "/api/care-plans/**", "/api/life/**",
                                "/api/consents/terminal", "/api/consents/terminal/**")
                                .hasRole(PartyUser.role(PartyKind.OFFICE))
                        .requestMatchers("/api/staff/**", "/api/staff", "/api/records/**").authenticated()
                        // any other API path with a valid certificate: the dispatcher answers 404/405 as problem+json
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, 401,
                                "クライアント証明書が必要です", "プラットフォームが発行した有効な(失効していない)クライアント証明書で接続してください",
                                ProblemType.CERTIFICATE_REQUIRED))
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403,
                                "この操作は許可されていません", "この証明書の組織種別では利用できない機能です", ProblemType.FORBIDDEN)));
        return http.build();
    }

    /**
     * No observation around every security filter: with the actuator present, each of the dozen filters
     * would otherwise record its own timer on every request (measured: a tenth of a 資格確認's CPU).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> partyOf(PlatformPki pki) {
        return token -> {
            if (!(token.getCredentials() instanceof X509Certificate cert)) {
                throw new UsernameNotFoundException("no certificate");
            }
            if (pki.isRevoked(cert)) {
                log.info("refused revoked certificate {}", cert.getSerialNumber().toString(16));
                throw new UsernameNotFoundException("revoked");
            }
            // the subject is parsed once per certificate, not on every request of a keep-alive connection
            return pki.partyNamedBy(cert).map(PartyUser::new)
                    .orElseThrow(() -> new UsernameNotFoundException("certificate names no party"));
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail, ProblemType type)
            throws IOException {
        Problems.write(response, Problems.of(Problems.status(status), type, title, detail));
    }
}
