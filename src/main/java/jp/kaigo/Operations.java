package jp.kaigo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What operations see: the management port (loopback, plain HTTP: health, Prometheus metrics, info) and the
 * latency of the measured requests ({@link TimedRequests}) with buckets at the service-level objectives.
 */
@Configuration(proxyBeanMethods = false)
class Operations {
    /** Bucket bounds of the latency histograms: the objectives and their neighbours (docs/slo.md). */
    static final Duration[] SLO_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    /**
     * The only listener without TLS is the management port, bound to the loopback address (the public port
     * is TLS 1.3 only): its endpoints answer without a certificate; the API's and portal's rules never see them.
     */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> !request.isSecure())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestTimers(MeterRegistry registry) {
        // one timer per kind and status class, built once (not a builder and its tags on every request)
        java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            private Timer timer(TimedRequests.Kind k, int statusClass) {
                return timers.computeIfAbsent(k + "/" + statusClass, key -> Timer.builder(k.timer().meter)
                        .tag("channel", k.channel()).tag("kind", k.kind()).tag("status", statusClass + "xx")
                        .serviceLevelObjectives(SLO_BUCKETS).register(registry));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<TimedRequests.Kind> kind = TimedRequests.of(request.getMethod(), request.getRequestURI());
                if (kind.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    timer(kind.get(), response.getStatus() / 100).record(System.nanoTime() - start,
                            java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }
        });
        // outermost, so the time includes the security filters (certificate, staff token)
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
