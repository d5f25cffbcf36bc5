package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PDF attachments through the API (I16 §1 "attachments (PDF only, ≤ 10 MB, checked by content not by name)", design
 * §2.7), sent as a multipart request: a PNG named {@code .pdf} is refused beside that attachment and nothing is stored;
 * a real PDF of 9 MB travels with the application, the municipality downloads it as a PDF file, and an office not
 * involved gets nothing.
 */
class AttachmentIntegrationTests extends ExchangeApiTests {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @BeforeEach
    void officeInCharge() {
        inCharge("43");
    }

    @Test
    void aPngNamedPdfIsRefusedBesideItAndNothingIsStored() {
        int before = documents();
        ApiClient.Response refused = sendWith(List.of(upload("診断書.pdf", pdf(1)), upload("写真.pdf", PNG)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("reason").asString()));
        assertThat(fields).singleElement().asString().startsWith("attachments[1]:添付できるのはPDFだけです");
        assertThat(documents()).as("nothing stored, not even the good PDF").isEqualTo(before);
        assertThat(sql.sql("select count(*) from exchange.attachments where insurer_no = :i").param("i", insurer)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPdfTravelsWithTheApplicationAndOnlyItsPartiesDownloadIt() {
        byte[] pdf = pdf(2, 9 * 1024 * 1024);
        assertThat(pdf.length).as("far over the JSON body limit").isGreaterThan(9 * 1024 * 1024);
        ApiClient.Response sent = sendWith(List.of(upload("紹介状.pdf", pdf)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String location = sent.json().get("location").asString();

        ApiClient officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        JsonNode attached = officer.get(location).json().get("attachments");
        assertThat(attached).hasSize(1);
        assertThat(attached.get(0).get("fileName").asString()).isEqualTo("紹介状.pdf");
        assertThat(attached.get(0).get("pages").asInt()).isEqualTo(2);
        ApiClient.Download file = officer.download(attached.get(0).get("location").asString());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.disposition()).startsWith("attachment");
        assertThat(file.nosniff()).isEqualTo("nosniff");
        assertThat(file.body()).as("the bytes as sent").isEqualTo(pdf);

        ApiClient stranger = staffOf(newSignedInOffice(), "stranger", "CARE_MANAGER");
        assertThat(stranger.download(attached.get(0).get("location").asString()).status()).isEqualTo(403);
        assertThat(officer.download(location + "/attachments/2").status()).as("no second attachment").isEqualTo(404);
    }

    private ApiClient.Response sendWith(List<Map.Entry<String, byte[]>> attachments) {
        String document = "{\"kind\":\"certification-application\",\"to\":{\"kind\":\"municipality\",\"number\":\""
                + insurer + "\"},\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"payload\":"
                + ApiClient.JSON.writeValueAsString(application()) + "}";
        return careManager.postDocument("/api/exchange/documents", document, attachments);
    }

    private static Map.Entry<String, byte[]> upload(String name, byte[] content) {
        return Map.entry(name, content);
    }

    private static byte[] pdf(int pages) {
        return pdf(pages, 0);
    }

    /** A PDF of the pages, the first carrying {@code padding} random bytes as its content stream (a scanned page's size). */
    private static byte[] pdf(int pages, int padding) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                if (i == 0 && padding > 0) {
                    byte[] scan = new byte[padding];
                    new java.util.Random(1).nextBytes(scan);
                    page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(document,
                            new java.io.ByteArrayInputStream(scan)));
                }
                document.addPage(page);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
