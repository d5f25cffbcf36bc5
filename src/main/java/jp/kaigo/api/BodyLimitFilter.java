package jp.kaigo.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body over its {@link BodyLimits limit} with 413 problem+json: at once when the
 * Content-Length says so (nothing is read), or as soon as a body sent in chunks passes it. Runs before the
 * security filters, so an oversized body costs nothing beyond its headers. The servlet container has no such
 * limit for a body that is not a form, and Spring none at all, hence this filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class BodyLimitFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodyLimit(BodyLimits limits) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                DataSize limit = limits.forRequest(request.getRequestURI().substring(request.getContextPath().length()),
                        request.getContentType());
                if (request.getContentLengthLong() > limit.toBytes()) {
                    Problems.write(response, tooLarge(limit));
                    return;
                }
                chain.doFilter(new Limited(request, limit), response);
            }
        });
        bean.addUrlPatterns("/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    /** 413 in Japanese, saying the limit. */
    static org.springframework.http.ProblemDetail tooLarge(DataSize limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemType.TOO_LARGE, "本文が大きすぎます",
                "このAPIに送れる本文は " + BodyLimits.words(limit) + " までです。分割して送ってください");
    }

    /** The request whose body stops with {@link BodyTooLarge} one byte past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final DataSize limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final DataSize limit;
        private long count;

        Counting(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLarge {
            count += n;
            if (count > limit.toBytes()) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
