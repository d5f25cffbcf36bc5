package jp.kaigo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.RequestLimits;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API call and portal page counts against its organisation's allowance ({@link RequestLimits}), named by the
 * client certificate of the connection; beyond it the API answers 429 problem+json and the portal a page saying
 * when to try again, both with Retry-After. Requests without an organisation's certificate (the person's own
 * view, the probes) are limited elsewhere (the card) or not at all.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimiting implements WebMvcConfigurer {
    private final RequestLimits limits;
    private final PlatformPki pki;

    RequestLimiting(RequestLimits limits, PlatformPki pki) {
        this.limits = limits;
        this.pki = pki;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                        && chain.length > 0) {
                    pki.partyNamedBy(chain[0]).ifPresent(limits::takeRequest);
                }
                return true;
            }
        }).addPathPatterns("/api/**", "/portal/**").excludePathPatterns("/portal/assets/**");
    }
}
