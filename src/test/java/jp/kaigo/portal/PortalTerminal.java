package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.Party;

/** A browser stand-in for the portal over HTTP: one TLS identity, its own cookies, no redirects followed. */
public final class PortalTerminal {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final CookieManager cookies;
    private final HttpClient http;
    private final int port;

    public PortalTerminal(int port, SSLContext tls) {
        this(port, tls, new CookieManager());
    }

    PortalTerminal(int port, SSLContext tls, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The organisation's terminal (a fresh certificate), with the staff member signed in through the form. */
    public static PortalTerminal signedIn(PlatformPki pki, int port, Party organisation, String loginId, String password,
            byte[] totpSecret) {
        PortalTerminal terminal = new PortalTerminal(port, pki.issue(organisation, "端末", Duration.ofHours(1))
                .sslContext(pki.caCertificate()));
        HttpResponse<String> signedIn = terminal.form("/portal/sign-in/staff", "/portal/sign-in/staff", "loginId=" + enc(loginId)
                + "&password=" + enc(password) + "&oneTimeCode=" + Totp.code(totpSecret, Totp.step(Instant.now())));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as("signed in").doesNotContain("sign-in");
        return terminal;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build());
    }

    /** A file as the browser would save it: the bytes and the headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Posts a form with the CSRF token of the page it sits on. */
    public HttpResponse<String> form(String page, String path, String form) {
        return post(path, "_csrf=" + enc(csrf(page)) + "&" + form);
    }

    /** The CSRF token of the page's forms. */
    public String csrf(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).as("a CSRF token on " + path).isTrue();
        return m.group(1);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a multipart form (text fields and one file) with the CSRF token of the page it sits on, as a browser
     * sends a file upload.
     */
    public HttpResponse<String> upload(String page, String path, java.util.Map<String, String> fields, String fileField,
            String fileName, byte[] content) {
        String boundary = "----portal" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", csrf(page));
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
