package jp.kaigo.portal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.FileRejected;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.shared.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files uploaded in the browser, imported in the background (two at a time) so that the page can show the
 * rows read while the import runs. A file refused as a whole has its FAILED report like any import; any
 * other failure is kept here (by import ID and insurer) for the page to say.
 */
@Component
class Uploads {
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final int REMEMBERED_FAILURES = 1000;
    private final FileImports imports;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "portal-import");
        thread.setDaemon(true);
        return thread;
    });
    /** Accepted and not finished: import ID → insurer. */
    private final Map<UUID, String> waiting = new ConcurrentHashMap<>();
    private final Map<UUID, String[]> failures = new ConcurrentHashMap<>();

    Uploads(FileImports imports) {
        this.imports = imports;
    }

    /**
     * Imports the file (a copy the caller made) under the ID: it is received (kept and recorded, so that a crash does
     * not lose it) before this returns, and imported in the background.
     */
    void start(UUID id, ImportRequest request, Path file) throws IOException {
        try {
            imports.receive(id, request, file);
        } finally {
            Files.deleteIfExists(file); // moved, unless it could not be received
        }
        waiting.put(id, request.insurerNo());
        workers.execute(() -> {
            try {
                imports.importReceived(id);
            } catch (FileRejected | jp.kaigo.ingest.ImportNotHeld e) {
                // its report says why, or it was imported meanwhile
            } catch (InvalidValue e) {
                fail(id, request, e.violations().get(0).label() + ": " + e.violations().get(0).reason());
            } catch (RuntimeException e) {
                log.error("import {} failed", id, e);
                fail(id, request, "取込中にエラーが発生しました。時間をおいて再度お試しください");
            } finally {
                waiting.remove(id);
            }
        });
    }

    /** Confirms a held 全量 import in the background (its kept file is imported again), as an upload is imported. */
    void confirm(UUID id, String insurer, long deletions) {
        waiting.put(id, insurer);
        workers.execute(() -> {
            try {
                imports.confirm(id, insurer, deletions);
            } catch (RuntimeException e) {
                log.error("confirmation of import {} failed: {}", id, e.getClass().getName());
                fail(id, insurer, e instanceof jp.kaigo.ingest.ImportNotHeld ? e.getMessage()
                        : "取込中にエラーが発生しました。時間をおいて再度お試しください");
            } finally {
                waiting.remove(id);
            }
        });
    }

    private void fail(UUID id, ImportRequest request, String message) {
        fail(id, request.insurerNo(), message);
    }

    private void fail(UUID id, String insurer, String message) {
        if (failures.size() >= REMEMBERED_FAILURES) {
            failures.clear();
        }
        failures.put(id, new String[] {insurer, message});
    }

    /** Accepted, not started or still running. */
    boolean waiting(UUID id, String insurer) {
        return insurer.equals(waiting.get(id));
    }

    Optional<String> failure(UUID id, String insurer) {
        return Optional.ofNullable(failures.get(id)).filter(f -> f[0].equals(insurer)).map(f -> f[1]);
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }
}
