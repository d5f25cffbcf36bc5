package jp.kaigo.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's system as a test plays it: an HTTP server on 127.0.0.1 that checks each delivery's signature with
 * the secret (HMAC-SHA256 of {@code t + "." + body}, computed here on its own, not with the platform's code), processes
 * each {@code Idempotency-Key} once (a repeat is answered, not processed again), and answers as the test says: a valid
 * ack, a forged or replayed one, none, a 500, no answer at all after processing (the connection dropped, the ack
 * lost), a 503 before processing (the receiver down for a moment: nothing processed), or processing and then holding
 * the connection without an answer until the test releases it (the platform stops while the post is in flight).
 */
public final class WebhookReceiver implements AutoCloseable {

    public enum Answer { ACK, FORGED_ACK, REPLAYED_ACK, NO_ACK, FAIL_500, DROP_AFTER_PROCESSING, UNAVAILABLE_503,
        HOLD_AFTER_PROCESSING }

    /** One request as it arrived, with whether its signature verified and whether its key was new. */
    public record Request(String deliveryId, String idempotencyKey, String body, String signature, boolean signed,
            boolean firstTime, int seenForKey) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> processed = new ConcurrentHashMap<>();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final Map<String, Integer> acked = new ConcurrentHashMap<>();
    private volatile String secret = "";
    private volatile Function<Request, Answer> answer = r -> Answer.ACK;
    /** The last valid ack this receiver gave, which {@link Answer#REPLAYED_ACK} sends for another delivery. */
    private volatile String lastAck;
    /** Counted down when a request is held ({@link Answer#HOLD_AFTER_PROCESSING}); the held ones wait for release. */
    private final CountDownLatch heldOne = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    public void answer(Function<Request, Answer> answer) {
        this.answer = answer;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How often each idempotency key was processed (the receiver's own side effect). */
    public Map<String, Integer> processed() {
        return Map.copyOf(processed);
    }

    /** How often each idempotency key was answered with a valid ack (the platform should stop after the first). */
    public Map<String, Integer> acked() {
        return Map.copyOf(acked);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String deliveryId = exchange.getRequestHeaders().getFirst("Kaigo-Delivery");
        String signature = exchange.getRequestHeaders().getFirst("Kaigo-Signature");
        boolean signed = verifies(secret, signature, body);
        if (!signed || key == null || deliveryId == null) {
            record(new Request(deliveryId, key, body, signature, false, false, 0));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        int count = seen.merge(key, 1, Integer::sum);
        Answer chosen = answer.apply(new Request(deliveryId, key, body, signature, true, !processed.containsKey(key), count));
        if (chosen == Answer.UNAVAILABLE_503) { // down for a moment: nothing processed
            record(new Request(deliveryId, key, body, signature, true, false, count));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        boolean firstTime = processed.putIfAbsent(key, 0) == null;
        if (firstTime) {
            processed.merge(key, 1, Integer::sum); // processing happens once per key, here
        }
        Request request = new Request(deliveryId, key, body, signature, true, firstTime, count);
        record(request);
        String ack = hmac(secret, "ack." + deliveryId + "." + key);
        switch (chosen) {
            case ACK -> {
                lastAck = ack;
                acked.merge(key, 1, Integer::sum);
                exchange.getResponseHeaders().add("Kaigo-Ack", ack);
                exchange.sendResponseHeaders(204, -1);
            }
            case FORGED_ACK -> {
                exchange.getResponseHeaders().add("Kaigo-Ack", hmac("not-the-subscription-secret", "ack." + deliveryId + "." + key));
                exchange.sendResponseHeaders(204, -1);
            }
            case REPLAYED_ACK -> {
                exchange.getResponseHeaders().add("Kaigo-Ack", lastAck == null ? "" : lastAck);
                exchange.sendResponseHeaders(204, -1);
            }
            case NO_ACK -> exchange.sendResponseHeaders(204, -1);
            case FAIL_500 -> exchange.sendResponseHeaders(500, -1);
            case DROP_AFTER_PROCESSING -> throw new IOException("the receiver drops the connection after processing");
            case HOLD_AFTER_PROCESSING -> {
                heldOne.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the held connection is dropped");
            }
            case UNAVAILABLE_503 -> throw new IllegalStateException("answered above");
        }
        exchange.close();
    }

    /** Waits until a request is held; false if none was within the time. */
    public boolean awaitHeld(Duration within) throws InterruptedException {
        return heldOne.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held requests go: their connections are dropped without an answer. */
    public void releaseHeld() {
        release.countDown();
    }

    private synchronized void record(Request request) {
        requests.add(request);
    }

    /** {@code t=<seconds>,v1=<hex>}: the HMAC matches and t is within five minutes of now. */
    public static boolean verifies(String secret, String header, String body) {
        if (header == null || !header.matches("t=[0-9]+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf(",v1=") + 4);
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    public static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
