package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A file uploaded in the console is kept and recorded before the browser is answered: when the platform dies before
 * its import ends, the start after it imports the file (it used to be lost, its page saying it did not exist).
 */
class ReceivedImportsIntegrationTests extends MunicipalityApiTests {
    @Autowired
    FileImports imports;

    @Test
    void aFileReceivedBeforeACrashIsImportedByTheNextStartOnce() throws Exception {
        UUID id = UUID.randomUUID();
        Path upload = Files.createTempFile("kaigo-upload-", ".part");
        Files.writeString(upload, "処理区分," + INSURED_HEADER + "\n1," + row("0000000001") + "\n1," + row("0000000002") + "\n",
                StandardCharsets.UTF_8);
        imports.receive(id, new ImportRequest(insurer, "insured", ImportMode.DIFFERENTIAL, FileFormat.CSV, null,
                "insured.csv"), upload);
        // the platform dies here, before its worker imports the file: what the browser was told exists is kept
        assertThat(imports.report(id).orElseThrow().status()).isEqualTo(ImportStatus.RECEIVED);
        assertThat(api.get("/api/imports/" + id).json().get("status").asString()).isEqualTo("RECEIVED");

        imports.resumeReceived(); // what the next start does
        ImportReport done = awaitEnd(id);
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rows()).isEqualTo(2);
        assertThat(done.inserted()).as(done.toString()).isEqualTo(2);
        assertThat(done.rejectedRows()).isZero();

        imports.resumeReceived(); // a second start, or a second instance: nothing twice
        assertThat(imports.importReceived(id).orElseThrow().status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(api.get("/api/imports/" + id).json().get("inserted").asLong()).isEqualTo(2);
    }

    @Test
    void aReceivedFileThatCannotBeReadEndsAsFailedWithTheReason() throws Exception {
        UUID id = UUID.randomUUID();
        Path upload = Files.createTempFile("kaigo-upload-", ".part");
        Files.writeString(upload, "これはCSVの見出しではありません\n", StandardCharsets.UTF_8);
        imports.receive(id, new ImportRequest(insurer, "insured", ImportMode.DIFFERENTIAL, FileFormat.CSV, null,
                "wrong.csv"), upload);
        imports.resumeReceived();
        ImportReport failed = awaitEnd(id);
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.notes()).isNotBlank();
    }

    private ImportReport awaitEnd(UUID id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportReport report = imports.report(id).orElseThrow();
            if (report.status() != ImportStatus.RECEIVED) {
                return report;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the received import did not end");
    }

    private String row(String insuredNo) {
        return insuredRow(insurer, insuredNo, 1, "2020-04-01", null, "1940-05-06", null);
    }
}
