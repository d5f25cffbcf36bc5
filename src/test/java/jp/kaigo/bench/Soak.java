package jp.kaigo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import jp.kaigo.demo.SyntheticData;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;

/**
 * Soak: bin/soak [minutes] [persons] (default 30, 60000). Starts the platform as bin/bench does, imports the
 * persons, measures 資格確認 capacity in a short closed-loop run, then sends 資格確認 at half of it (open loop:
 * each request has its planned start, and its latency counts from there, so a stall is not hidden) for the
 * minutes given. After each window (5 minutes; {@code -Dsoak.window=300}) it logs the requests, the errors,
 * p50/p99, the heap in use and the heap left after a full collection it asks for (jcmd GC.run); prints one JSON line last with the
 * error count, the heap after each window and the p99 drift (last window's p99 over the first's).
 * {@code -Dsoak.rate=N} fixes the rate instead of measuring it.
 */
public final class Soak {
    private static final int WINDOW_SECONDS = Integer.getInteger("soak.window", 300);
    private static final int SENDERS = 16;

    private record Window(long requests, long errors, double p50, double p99, double heapUsedMb, double heapLiveMb) {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int persons = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 60_000;
        Path work = Files.createTempDirectory("kaigo-soak-");
        int port = Bench.freePort();
        int management = Bench.freePort();
        Process server = Bench.startServer(work, port, "--management.server.port=" + management);
        Bench.platform = server;
        Bench.database = work.resolve("pg");
        try {
            Bench.waitUntilUp(work, port, server);
            var data = new SyntheticData(20_261_205L, 3);
            var files = data.writeCsv(work.resolve("files"), persons);
            Bench.ingest(port, data, files);
            Party office = Party.office(OfficeNumber.withCheckDigit("131010002").value());
            SSLSocketFactory sockets = Bench.pki.issue(office, "ソーク事業所", Duration.ofDays(1))
                    .sslContext(Bench.pki.caCertificate()).getSocketFactory();
            String token = Bench.signInStaff(port, office, "CARE_MANAGER");
            List<byte[]> bodies = new ArrayList<>();
            for (var p : Bench.insuredSample(data, persons, 20_000)) {
                bodies.add(("{\"insurerNo\":\"" + p.insurerNo() + "\",\"insuredNo\":\"" + p.insuredNo()
                        + "\",\"birthDate\":\"" + p.birthDate() + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            // warms the platform up and measures what it can do, closed loop
            double capacity = Bench.drive("資格確認 capacity", sockets, port, token, "/api/eligibility", 20,
                    (http, i) -> http.post(bodies.get(i % bodies.size())))[0];
            double rate = Double.parseDouble(System.getProperty("soak.rate", Double.toString(capacity / 2)));
            Bench.log("soak: %d minutes at %,.0f 資格確認/s, a line every %d s", minutes, rate, WINDOW_SECONDS);
            List<Window> windows = soak(sockets, port, token, bodies, rate, minutes, management);
            long errors = windows.stream().mapToLong(Window::errors).sum();
            long requests = windows.stream().mapToLong(Window::requests).sum();
            String heap = windows.stream().map(w -> String.format(Locale.ROOT, "%.0f", w.heapLiveMb()))
                    .reduce((a, b) -> a + "," + b).orElse("");
            double drift = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).p99() / windows.get(0).p99();
            System.out.printf(Locale.ROOT, "{\"minutes\":%d,\"rate\":%.0f,\"requests\":%d,\"errors\":%d,"
                    + "\"heap_live_mb\":[%s],\"p99_first_ms\":%.2f,\"p99_last_ms\":%.2f,\"p99_drift\":%.2f}%n",
                    minutes, rate, requests, errors, heap, windows.isEmpty() ? 0 : windows.get(0).p99(),
                    windows.isEmpty() ? 0 : windows.get(windows.size() - 1).p99(), drift);
        } finally {
            server.destroy();
            server.waitFor();
            Files.copy(work.resolve("server.log"), Path.of("target", "soak-server.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Sends at the rate for the minutes, window by window; each sender keeps its own schedule. */
    private static List<Window> soak(SSLSocketFactory sockets, int port, String token, List<byte[]> bodies, double rate,
            int minutes, int management) throws Exception {
        long intervalNanos = (long) (SENDERS * 1e9 / rate);
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        int windowCount = (int) Math.ceil(minutes * 60.0 / WINDOW_SECONDS);
        // latencies in µs per window, per sender (no locking on the hot path)
        long[][][] latencies = new long[windowCount][SENDERS][];
        int[][] counts = new int[windowCount][SENDERS];
        AtomicLong[] errors = new AtomicLong[windowCount];
        for (int w = 0; w < windowCount; w++) {
            errors[w] = new AtomicLong();
            for (int s = 0; s < SENDERS; s++) {
                latencies[w][s] = new long[(int) (WINDOW_SECONDS * rate / SENDERS * 1.2) + 16];
            }
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            Thread thread = new Thread(() -> {
                RawHttp http = null;
                long planned = start + sender * intervalNanos / SENDERS;
                int next = sender * 1_231;
                while (running.get() && planned < end) {
                    long wait = planned - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int window = (int) Math.min(windowCount - 1, (planned - start) / 1_000_000_000L / WINDOW_SECONDS);
                    try {
                        if (http == null) {
                            http = new RawHttp(sockets, port, "/api/eligibility", token);
                        }
                        String answer = http.post(bodies.get(next++ % bodies.size()));
                        if (!answer.contains("\"status\":\"INSURED\"")) {
                            errors[window].incrementAndGet();
                        }
                        long micros = (System.nanoTime() - planned) / 1000;
                        if (counts[window][sender] < latencies[window][sender].length) {
                            latencies[window][sender][counts[window][sender]++] = micros;
                        }
                    } catch (IOException | RuntimeException e) {
                        errors[window].incrementAndGet();
                        try {
                            if (http != null) {
                                http.close();
                            }
                        } catch (IOException ignored) {
                            // the connection is gone either way
                        }
                        http = null;
                    }
                    planned += intervalNanos;
                }
                try {
                    if (http != null) {
                        http.close();
                    }
                } catch (IOException ignored) {
                    // finished
                }
            });
            thread.start();
            senders.add(thread);
        }
        List<Window> windows = new ArrayList<>();
        HttpClient metrics = HttpClient.newHttpClient();
        for (int w = 0; w < windowCount; w++) {
            long windowEnd = Math.min(end, start + (w + 1L) * WINDOW_SECONDS * 1_000_000_000L);
            long sleep = windowEnd - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
            // the senders may still finish a request of this window: give them a moment
            Thread.sleep(2_000);
            int total = Arrays.stream(counts[w]).sum();
            double[] percentiles = Bench.p50p99(latencies[w], counts[w]);
            double p50 = percentiles[0];
            double p99 = percentiles[1];
            double used = heapMb(metrics, management);
            // a full collection, then the heap again: what is still reachable (flat over the windows, or a leak)
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(Bench.platform.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            double live = heapMb(metrics, management);
            Window window = new Window(total, errors[w].get(), p50, p99, used, live);
            windows.add(window);
            Bench.log("soak window %d: %,d requests (%,.0f/s), %d errors, p50 %.2f ms, p99 %.2f ms, heap %.0f MB in use, "
                    + "%.0f MB after a full collection", w + 1, total, total / (double) WINDOW_SECONDS, window.errors(),
                    p50, p99, used, live);
        }
        running.set(false);
        for (Thread thread : senders) {
            thread.join();
        }
        return windows;
    }

    private static double heapMb(HttpClient http, int management) throws Exception {
        String scraped = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return sum(scraped, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*}") / 1048576;
    }

    /** The sum of the samples of one metric in a Prometheus scrape (e.g. the heap's pools). */
    private static double sum(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.Ee+-]+)$").matcher(scrape);
        double total = 0;
        boolean found = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(m.groupCount()));
            found = true;
        }
        return found ? total : Double.NaN;
    }
}
