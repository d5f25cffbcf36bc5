package jp.kaigo.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded attachment by its content, never its name or declared type (design certification-online §2.7,
 * I16 §1 "PDF only, ≤ 10 MB"), in this order: 1 … 10,485,760 bytes (reading stops at the byte after, before any
 * parsing); the first bytes are {@code %PDF-}; Apache PDFBox parses it from a temp file (its stream cache on temp
 * files too, so a hostile file does not fill the heap); not encrypted; no active content (JavaScript, launch, form
 * submission or import, remote go-to, renditions, XFA) and no embedded files anywhere in the object graph reachable
 * from the trailer; 1 … 200 pages, each with a readable media box.
 *
 * <p>Parsing untrusted PDFs costs CPU on a 2-core machine, so it runs in its own executor: at most 2 parses at once,
 * a few more waiting (beyond that, or after waiting too long, {@link AttachmentRefusal#BUSY}), each answered within
 * 10 s of its start ({@link AttachmentRefusal#TIMED_OUT}; the parse is interrupted and its file deleted). The upload
 * itself is read on the caller's thread.
 *
 * <p>PDFBox's own log is silenced in application.properties: its messages about a broken file quote the file's bytes,
 * which may be personal data.
 */
@Component
class PdfAttachments implements AutoCloseable {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PAGES = 200;
    /** Past this many objects, a 10 MB file is built to exhaust the checker rather than to be read. */
    static final int MAX_OBJECTS = 1_000_000;
    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final Logger log = LoggerFactory.getLogger(PdfAttachments.class);

    /** Action types that do something beyond moving within the document or following a link the reader clicks. */
    private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.getPDFName("JavaScript"),
            COSName.getPDFName("Launch"), COSName.getPDFName("SubmitForm"), COSName.getPDFName("ImportData"),
            COSName.getPDFName("GoToR"), COSName.getPDFName("GoToE"), COSName.getPDFName("Rendition"),
            COSName.getPDFName("RichMediaExecute"), COSName.getPDFName("Movie"), COSName.getPDFName("Sound"));
    private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

    private final Duration parseLimit;
    private final Duration queueLimit;
    private final Path tempDir;
    private final ThreadPoolExecutor parsers;

    PdfAttachments() {
        this(Duration.ofSeconds(10), 2, 8, Duration.ofSeconds(20), null);
    }

    /**
     * @param parseLimit how long one parse may run
     * @param parallel parses at once
     * @param waiting checks that may wait for a parser
     * @param queueLimit how long a check waits for a parser
     * @param tempDir where uploads are spooled (null: the system's temp directory)
     */
    PdfAttachments(Duration parseLimit, int parallel, int waiting, Duration queueLimit, Path tempDir) {
        this.parseLimit = parseLimit;
        this.queueLimit = queueLimit;
        this.tempDir = tempDir;
        AtomicInteger number = new AtomicInteger();
        this.parsers = new ThreadPoolExecutor(parallel, parallel, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(waiting), r -> {
                    Thread thread = new Thread(r, "pdf-check-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.parsers.allowCoreThreadTimeOut(true);
    }

    AttachmentCheck check(byte[] upload) {
        return check(new ByteArrayInputStream(upload));
    }

    /** Reads the upload (not closing it) and checks it; the temp file is gone when this returns. */
    AttachmentCheck check(InputStream upload) {
        Path file = null;
        try {
            file = tempDir == null ? Files.createTempFile("kaigo-attachment-", ".upload")
                    : Files.createTempFile(tempDir, "kaigo-attachment-", ".upload");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = spool(upload, file, sha256);
            if (size == 0) {
                return refused(AttachmentRefusal.EMPTY);
            }
            if (size > MAX_BYTES) {
                return refused(AttachmentRefusal.TOO_LARGE);
            }
            if (!startsWithMagic(file)) {
                return refused(AttachmentRefusal.NOT_PDF);
            }
            Object outcome = parse(file);
            if (outcome instanceof AttachmentRefusal refusal) {
                return refused(refusal);
            }
            return new AttachmentCheck.Accepted(Files.readAllBytes(file), HexFormat.of().formatHex(sha256.digest()),
                    (Integer) outcome);
        } catch (IOException e) {
            // the upload broke off, or the temp directory failed: not the sender's content, so not a refusal
            throw new UncheckedIOException("attachment could not be spooled", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(file);
        }
    }

    /** Copies at most MAX_BYTES + 1 bytes (enough to know it is too large), hashing them; the count copied. */
    private static long spool(InputStream upload, Path file, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            while (total <= MAX_BYTES) {
                int n = upload.read(buffer, 0, (int) Math.min(buffer.length, MAX_BYTES + 1 - total));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        }
        return total;
    }

    private static boolean startsWithMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** The page count, or the refusal; runs in the parsers' executor within the limits. */
    private Object parse(Path file) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Future<Object> parse;
        try {
            parse = parsers.submit(() -> {
                started.complete(null);
                return inspect(file);
            });
        } catch (RejectedExecutionException e) {
            return AttachmentRefusal.BUSY;
        }
        try {
            started.get(queueLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            return AttachmentRefusal.BUSY;
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return AttachmentRefusal.BUSY;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try {
            return parse.get(parseLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            return AttachmentRefusal.TIMED_OUT;
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return AttachmentRefusal.TIMED_OUT;
        } catch (ExecutionException e) {
            // an Error inside the parser (e.g. a stack overflow on absurd nesting): the file is not readable
            log.warn("PDF attachment check failed with {}", e.getCause().getClass().getName());
            return AttachmentRefusal.UNREADABLE;
        }
    }

    /** Steps 3–6 of §2.7 on the spooled file. */
    private static Object inspect(Path file) {
        try (PDDocument document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                return AttachmentRefusal.ENCRYPTED;
            }
            AttachmentRefusal content = activeOrEmbedded(document.getDocument().getTrailer());
            if (content != null) {
                return content;
            }
            int pages = 0;
            for (PDPage page : document.getPages()) {
                if (++pages > MAX_PAGES) {
                    return AttachmentRefusal.TOO_MANY_PAGES;
                }
                if (page.getMediaBox() == null) {
                    return AttachmentRefusal.UNREADABLE;
                }
            }
            return pages == 0 ? AttachmentRefusal.NO_PAGES : pages;
        } catch (InvalidPasswordException e) {
            return AttachmentRefusal.ENCRYPTED;
        } catch (IOException | RuntimeException e) {
            return AttachmentRefusal.UNREADABLE;
        } catch (StackOverflowError e) {
            return AttachmentRefusal.UNREADABLE;
        }
    }

    /**
     * Walks every object reachable from the trailer (iteratively, each once) for active content or an embedded file.
     * Stream data is not decoded: what acts or embeds is always said in dictionaries.
     */
    private static AttachmentRefusal activeOrEmbedded(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(trailer);
        while (!todo.isEmpty()) {
            COSBase item = todo.pop();
            if (item instanceof COSObject reference) {
                item = reference.getObject();
            }
            if (item == null || !(item instanceof COSDictionary || item instanceof COSArray) || !seen.add(item)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                return AttachmentRefusal.UNREADABLE;
            }
            if (item instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    todo.push(array.get(i));
                }
                continue;
            }
            COSDictionary dictionary = (COSDictionary) item;
            AttachmentRefusal found = judge(dictionary);
            if (found != null) {
                return found;
            }
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                todo.push(entry.getValue());
            }
        }
        return null;
    }

    private static AttachmentRefusal judge(COSDictionary dictionary) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            return AttachmentRefusal.EMBEDDED_FILE;
        }
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(JAVA_SCRIPT)
                || dictionary.containsKey(COSName.XFA) || RICH_MEDIA.equals(dictionary.getCOSName(COSName.SUBTYPE))
                || action != null && ACTIVE_ACTIONS.contains(action)) {
            return AttachmentRefusal.ACTIVE_CONTENT;
        }
        return null;
    }

    private static AttachmentCheck refused(AttachmentRefusal reason) {
        log.info("PDF attachment refused: {}", reason.code());
        return new AttachmentCheck.Refused(reason);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("temp file of an attachment check could not be deleted: {}", e.getClass().getName());
            }
        }
    }

    /** How many parses ran at once at most since start (for the tests of the bound). */
    int largestParallelParses() {
        return parsers.getLargestPoolSize();
    }

    @Override
    public void close() {
        parsers.shutdownNow();
    }
}
