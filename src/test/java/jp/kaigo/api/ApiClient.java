package jp.kaigo.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.Party;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTPS client for the tests: they call the platform the way a municipality or office would,
 * over TLS 1.3 with a client certificate issued by the platform CA.
 */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String base;
    private final String bearer;
    private final IssuedCredential credential;

    ApiClient(int port, SSLContext tls) {
        this(HttpClient.newBuilder().sslContext(tls).build(), "https://localhost:" + port, null, null);
    }

    private ApiClient(HttpClient http, String base, String bearer, IssuedCredential credential) {
        this.http = http;
        this.base = base;
        this.bearer = bearer;
        this.credential = credential;
    }

    /** The same connection and certificate, sending a staff member's access token. */
    ApiClient withToken(String accessToken) {
        return new ApiClient(http, base, accessToken, credential);
    }

    /** The certificate and key this client presents in TLS (null for an anonymous client). */
    IssuedCredential credential() {
        return credential;
    }

    /** A client without a certificate of its own (a person at home, whose credential is the card). */
    static ApiClient anonymous(PlatformPki pki, int port) {
        return new ApiClient(port, IssuedCredential.anonymous(pki.caCertificate()));
    }

    /** A client presenting a fresh certificate for the party. */
    static ApiClient of(PlatformPki pki, int port, Party party) {
        IssuedCredential credential = pki.issue(party, "テスト " + party, Duration.ofDays(1));
        return new ApiClient(HttpClient.newBuilder().sslContext(credential.sslContext(pki.caCertificate())).build(),
                "https://localhost:" + port, null, credential);
    }

    record Response(int status, String contentType, String body, String retryAfter) {
        Response(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response upload(String insurerNo, String recordType, String mode, String contentType, byte[] file) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/municipalities/" + insurerNo + "/files/" + recordType
                        + "?mode=" + mode)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** POSTs bytes as the given content type to any path. */
    Response postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POSTs bytes without a Content-Length (chunked, or as HTTP/2 frames): the server learns the size only by reading. */
    Response postStreamed(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /**
     * Any method to any path, with a body of the given content type (none if null) and extra headers. A header
     * value is sent byte for byte as ISO-8859-1, so UTF-8 bytes can be sent as a client like curl would send them.
     */
    Response request(String method, String path, String contentType, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * The request over a plain TLS socket (HTTP/1.1, one request), its header values sent as raw UTF-8 bytes
     * the way curl sends what the shell gives it (java.net.http would turn non-ASCII into '?').
     */
    Response raw(String method, String path, String contentType, String body, java.util.Map<String, String> headers) {
        var socketFactory = http.sslContext().getSocketFactory();
        int port = URI.create(base).getPort();
        try (var socket = (javax.net.ssl.SSLSocket) socketFactory.createSocket("localhost", port)) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, split).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).strip();
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            String rest = answer.substring(split + 4);
            String raw = chunked ? unchunk(rest) : rest;
            return new Response(status, type, new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a chunked answer, read as ISO-8859-1 (one char per byte), decoded as UTF-8. */
    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }


    /**
     * Uploads a fixture that fills only the columns a test needs, naming the layout's other optional columns as
     * omitted (from {@code /api/layouts}), as a municipality sending such a file on purpose would.
     */
    Response uploadPartialCsv(String insurerNo, String recordType, String mode, String csv) {
        java.util.List<String> header = java.util.Arrays.stream(csv.substring(0, csv.indexOf('\n')).split(","))
                .map(String::strip).toList();
        java.util.List<String> omitted = new java.util.ArrayList<>();
        for (JsonNode layout : get("/api/layouts").json()) {
            if (layout.get("recordType").asString().equals(recordType)) {
                for (JsonNode field : layout.get("fields")) {
                    String key = field.get("key").asString();
                    boolean optional = !field.get("required").asBoolean() && !key.equals("operation");
                    if (optional && !header.contains(key) && !header.contains(field.get("label").asString())) {
                        omitted.add(key);
                    }
                }
            }
        }
        return upload(insurerNo, recordType, mode + (omitted.isEmpty() ? "" : "&omit=" + String.join(",", omitted)),
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    Response uploadCsv(String insurerNo, String recordType, String mode, String csv) {
        return upload(insurerNo, recordType, mode, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    Response uploadCsv(String insurerNo, String recordType, String mode, String csv, Charset charset) {
        return upload(insurerNo, recordType, mode, "text/csv", csv.getBytes(charset));
    }

    /**
     * A multipart request as a chart system sends a document with files: the part {@code document} (JSON) and one
     * part {@code attachment} per file, each with its name and the content type the client claims.
     */
    Response postDocument(String path, String documentJson, java.util.List<java.util.Map.Entry<String, byte[]>> files) {
        String boundary = "----api" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + documentJson + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (var file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A file as downloaded: status, the headers a browser acts on, and the bytes. */
    record Download(int status, String contentType, String disposition, String nosniff, byte[] body) {
    }

    Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""),
                    r.headers().firstValue("X-Content-Type-Options").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (bearer != null && !request.build().headers().firstValue("Authorization").isPresent()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
