package jp.kaigo.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: they call the platform the way a municipality or office would. */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String contentType, String body) {
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

    Response uploadCsv(String insurerNo, String recordType, String mode, String csv) {
        return upload(insurerNo, recordType, mode, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    Response uploadCsv(String insurerNo, String recordType, String mode, String csv, Charset charset) {
        return upload(insurerNo, recordType, mode, "text/csv", csv.getBytes(charset));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
