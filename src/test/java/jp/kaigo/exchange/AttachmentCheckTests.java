package jp.kaigo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import jp.kaigo.shared.Fuzz;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The attachment check of design certification-online §2.7 (I16 §1 "PDF only, ≤ 10 MB"; I16-atk "an attachment that
 * is not a PDF whatever its name"). Every fixture is made here, the PDFs with PDFBox itself. The check sees bytes only:
 * no file name or declared type reaches it, so a PNG or ZIP "named .pdf" is just its bytes.
 */
class AttachmentCheckTests {
    private static final int LIMIT = 10_485_760;

    @TempDir
    Path spool;
    private PdfAttachments attachments;

    @BeforeEach
    void open() {
        attachments = new PdfAttachments(Duration.ofSeconds(10), 2, 8, Duration.ofSeconds(60), spool);
    }

    /** Accepted or refused, the upload's temp file is gone afterwards (a refusal leaves nothing behind). */
    @AfterEach
    void closeAndCheckNothingIsLeft() throws IOException {
        attachments.close();
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void plainPdfIsAcceptedWithItsHashAndPages() throws Exception {
        byte[] pdf = pdf(3, document -> { });

        AttachmentCheck result = attachments.check(pdf);

        assertThat(result).isInstanceOf(AttachmentCheck.Accepted.class);
        AttachmentCheck.Accepted accepted = (AttachmentCheck.Accepted) result;
        assertThat(accepted.pages()).isEqualTo(3);
        assertThat(accepted.content()).isEqualTo(pdf);
        assertThat(accepted.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    }

    @Test
    void pdfOfExactlyTenMebibytesIsAcceptedAndOneByteMoreIsRefused() {
        byte[] atLimit = paddedPdf(LIMIT);
        byte[] overLimit = paddedPdf(LIMIT + 1);
        assertThat(atLimit).hasSize(LIMIT);
        assertThat(overLimit).hasSize(LIMIT + 1);

        assertThat(attachments.check(atLimit)).isInstanceOf(AttachmentCheck.Accepted.class);
        assertRefused(overLimit, AttachmentRefusal.TOO_LARGE);
    }

    /** The limit is counted while reading: a sender streaming without end is stopped at the byte after it. */
    @Test
    void endlessUploadIsRefusedAfterReadingOneByteMoreThanTheLimit() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return '%';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) '%');
                read[0] += len;
                return len;
            }
        };

        assertThat(attachments.check(endless)).isEqualTo(new AttachmentCheck.Refused(AttachmentRefusal.TOO_LARGE));
        assertThat(read[0]).isEqualTo(LIMIT + 1);
    }

    @Test
    void emptyUploadIsRefused() {
        assertRefused(new byte[0], AttachmentRefusal.EMPTY);
    }

    @Test
    void pngNamedPdfIsRefused() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", png)).isTrue();

        assertRefused(png.toByteArray(), AttachmentRefusal.NOT_PDF);
    }

    /** A ZIP holding a PDF is still a ZIP. */
    @Test
    void zipNamedPdfIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("opinion.pdf"));
            out.write(pdf(1, document -> { }));
            out.closeEntry();
        }

        assertRefused(zip.toByteArray(), AttachmentRefusal.NOT_PDF);
    }

    /** The header must open the file: a PDF behind one byte of something else is refused before parsing. */
    @Test
    void pdfNotAtOffsetZeroIsRefused() {
        byte[] pdf = pdf(1, document -> { });
        byte[] shifted = new byte[pdf.length + 1];
        shifted[0] = ' ';
        System.arraycopy(pdf, 0, shifted, 1, pdf.length);

        assertRefused(shifted, AttachmentRefusal.NOT_PDF);
    }

    @Test
    void pdfHeaderFollowedByGarbageIsRefused() {
        byte[] garbage = new byte[64 * 1024];
        new Random(16).nextBytes(garbage);
        byte[] upload = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage);

        assertRefused(upload, AttachmentRefusal.UNREADABLE);
        assertRefused("%PDF-".getBytes(StandardCharsets.US_ASCII), AttachmentRefusal.UNREADABLE);
    }

    @Test
    void pdfWithAUserPasswordIsRefused() {
        assertRefused(pdf(1, document -> protect(document, "user-secret")), AttachmentRefusal.ENCRYPTED);
    }

    /** Encrypted with an owner password only: it opens without a password, but is still encrypted. */
    @Test
    void pdfEncryptedWithoutAUserPasswordIsRefused() {
        assertRefused(pdf(1, document -> protect(document, "")), AttachmentRefusal.ENCRYPTED);
    }

    @Test
    void pdfOpeningWithJavaScriptIsRefused() {
        byte[] pdf = pdf(1, document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert('opened');")));

        assertRefused(pdf, AttachmentRefusal.ACTIVE_CONTENT);
    }

    @Test
    void pdfWithALinkLaunchingAProgramIsRefused() {
        byte[] pdf = pdf(1, document -> {
            PDActionLaunch launch = new PDActionLaunch();
            PDSimpleFileSpecification program = new PDSimpleFileSpecification();
            program.setFile("calc.exe");
            launch.setFile(program);
            document.getPage(0).getAnnotations().add(link(launch));
        });

        assertRefused(pdf, AttachmentRefusal.ACTIVE_CONTENT);
    }

    /** A web link is followed only when the reader clicks it: allowed (a letterhead's address is common). */
    @Test
    void pdfWithAWebLinkIsAccepted() {
        byte[] pdf = pdf(1, document -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://clinic.example.jp/");
            document.getPage(0).getAnnotations().add(link(uri));
        });

        assertThat(attachments.check(pdf)).isInstanceOf(AttachmentCheck.Accepted.class);
    }

    @Test
    void pdfWithAnEmbeddedFileIsRefused() {
        byte[] pdf = pdf(1, document -> {
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(document,
                        new ByteArrayInputStream("hidden".getBytes(StandardCharsets.US_ASCII)));
                file.setSubtype("text/plain");
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("note.txt");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("note.txt", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertRefused(pdf, AttachmentRefusal.EMBEDDED_FILE);
    }

    @Test
    void pdfWithoutPagesIsRefused() {
        assertRefused(pdf(0, document -> { }), AttachmentRefusal.NO_PAGES);
    }

    @Test
    void twoHundredPagesAreAcceptedAndTwoHundredAndOneRefused() {
        AttachmentCheck twoHundred = attachments.check(pdf(200, document -> { }));
        assertThat(twoHundred).isInstanceOf(AttachmentCheck.Accepted.class);
        assertThat(((AttachmentCheck.Accepted) twoHundred).pages()).isEqualTo(200);

        assertRefused(pdf(201, document -> { }), AttachmentRefusal.TOO_MANY_PAGES);
    }

    /** A parse past its time limit is answered at the limit (here a nanosecond), its temp file deleted. */
    @Test
    void parseOverItsTimeLimitIsRefused() {
        attachments.close();
        attachments = new PdfAttachments(Duration.ofNanos(1), 2, 8, Duration.ofSeconds(60), spool);

        assertRefused(pdf(200, document -> { }), AttachmentRefusal.TIMED_OUT);
    }

    /** Six uploads at once: all checked, never more than two parses at the same time. */
    @Test
    void atMostTwoParsesRunAtOnce() throws Exception {
        byte[] pdf = pdf(200, document -> { });
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<AttachmentCheck>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(senders.submit(() -> attachments.check(pdf)));
            }
            for (Future<AttachmentCheck> result : results) {
                assertThat(result.get()).isInstanceOf(AttachmentCheck.Accepted.class);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(attachments.largestParallelParses()).isBetween(1, 2);
    }

    /** A parser bomb of nesting (a stack overflow in a recursive parser) is answered, not thrown. */
    @Test
    void deeplyNestedObjectIsAnsweredNotThrown() {
        String nested = "[".repeat(200_000) + "]".repeat(200_000);
        String body = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + nested + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n";

        AttachmentCheck result = attachments.check(body.getBytes(StandardCharsets.US_ASCII));

        assertThat(result instanceof AttachmentCheck.Accepted
                || result.equals(new AttachmentCheck.Refused(AttachmentRefusal.UNREADABLE))).as("%s", result).isTrue();
    }

    /**
     * Mutants of the fixtures above (bytes flipped, dropped, doubled, cut, tokens inserted, two files spliced): each is
     * accepted (as uploaded, with 1 … 200 pages) or refused, never an exception.
     */
    @Test
    void mutatedPdfsAreAcceptedOrRefusedNeverThrown() {
        List<byte[]> corpus = List.of(pdf(1, document -> { }), pdf(2, document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert(1);"))), pdf(1, document -> protect(document, "")),
                pdf(0, document -> { }));
        Fuzz fuzz = Fuzz.seeded(616);
        for (int round = 0; round < Fuzz.rounds(300); round++) {
            byte[] input = fuzz.mutant(corpus);
            try {
                AttachmentCheck result = attachments.check(input);
                if (result instanceof AttachmentCheck.Accepted accepted) {
                    assertThat(accepted.pages()).isBetween(1, 200);
                    assertThat(accepted.content()).isEqualTo(input);
                }
            } catch (RuntimeException e) {
                fail("seed " + fuzz.seed() + ", round " + round, e);
            }
        }
    }

    /** As the application makes it: Spring picks the default limits (10 s, 2 at once) and closes it at shutdown. */
    @Test
    void springMakesTheCheckWithItsDefaults() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(PdfAttachments.class)) {
            PdfAttachments bean = context.getBean(PdfAttachments.class);
            assertThat(bean.check(pdf(1, document -> { }))).isInstanceOf(AttachmentCheck.Accepted.class);
            assertThat(bean.largestParallelParses()).isEqualTo(1);
        }
    }

    @Test
    void everyRefusalSaysWhyInJapaneseWithACode() {
        for (AttachmentRefusal refusal : AttachmentRefusal.values()) {
            assertThat(refusal.code()).startsWith("attachment-");
            assertThat(refusal.message()).matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
        }
    }

    private void assertRefused(byte[] upload, AttachmentRefusal reason) {
        assertThat(attachments.check(upload)).isEqualTo(new AttachmentCheck.Refused(reason));
    }

    // --- fixtures, made with PDFBox ---

    interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    /** A PDF of {@code pages} A4 pages, the first with a drawn frame (no text: no font lookup), after {@code edit}. */
    private static byte[] pdf(int pages, Edit edit) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            if (pages > 0) {
                try (PDPageContentStream drawing = new PDPageContentStream(document, document.getPage(0))) {
                    drawing.addRect(72, 72, 451, 698);
                    drawing.stroke();
                }
            }
            edit.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid one-page PDF of exactly {@code size} bytes: its content stream is padded with spaces until it fits. */
    private static byte[] paddedPdf(int size) {
        int padding = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            int pad = padding;
            byte[] pdf;
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                byte[] content = new byte[pad];
                Arrays.fill(content, (byte) ' ');
                page.setContents(new PDStream(document, new ByteArrayInputStream(content)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out, CompressParameters.NO_COMPRESSION);
                pdf = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (pdf.length == size) {
                return pdf;
            }
            padding += size - pdf.length;
        }
        throw new IllegalStateException("could not pad a PDF to " + size + " bytes");
    }

    private static void protect(PDDocument document, String userPassword) throws IOException {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
    }

    private static PDAnnotationLink link(org.apache.pdfbox.pdmodel.interactive.action.PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, 700, 200, 20));
        link.setAction(action);
        return link;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
