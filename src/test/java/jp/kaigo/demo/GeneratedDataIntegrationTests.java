package jp.kaigo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.ImportStatus;
import jp.kaigo.registry.Eligibility;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The generated files import without a single rejection, and 資格確認 then answers what was generated. */
@SpringBootTest
class GeneratedDataIntegrationTests {
    @Autowired
    FileImports imports;
    @Autowired
    InsuredRegistry registry;

    @Test
    void generatedFilesImportCleanlyAndVerifyAsGenerated(@TempDir Path dir) throws Exception {
        var data = new SyntheticData(99, 12);
        data.municipalities().forEach(m -> registry.registerInsurer(new InsurerNumber(m.insurerNo()), m.name()));
        for (var file : data.writeCsv(dir, 3000)) {
            try (InputStream in = Files.newInputStream(file.path())) {
                var report = imports.importFile(new ImportRequest(file.insurerNo(), file.type().key(), ImportMode.FULL,
                        FileFormat.CSV, null, file.path().getFileName().toString()), in);
                if (report.status() == ImportStatus.HELD) {
                    // other tests loaded more of these municipalities' persons: this file is the state, deletions confirmed
                    report = imports.confirm(report.importId(), file.insurerNo(), report.wouldDelete());
                }
                assertThat(report.status()).isEqualTo(ImportStatus.COMPLETED);
                assertThat(report.rejections()).as(file.path().toString()).isEmpty();
                // other tests may have loaded some of the same municipalities: every row must be taken
                assertThat(report.inserted() + report.updated() + report.unchanged()).isEqualTo(file.rows());
            }
        }
        long certified = 0;
        var shared = new ArrayList<>(SyntheticCertifications.writeCsv(data, dir.resolve("certification"), 3000));
        shared.addAll(SyntheticClaims.writeCsv(data, dir.resolve("claims"), 3000, "4720100017"));
        for (var file : shared) {
            try (InputStream in = Files.newInputStream(file.path())) {
                var report = imports.importFile(new ImportRequest(file.insurerNo(), file.recordType(), ImportMode.FULL,
                        FileFormat.CSV, null, file.path().getFileName().toString(),
                        imports.columnsMissingFrom(file.recordType(), file.header())), in);
                assertThat(report.rejections()).as(file.path().toString()).isEmpty();
                assertThat(report.inserted() + report.updated() + report.unchanged()).isEqualTo(file.rows());
                certified += file.recordType().equals("certification") ? file.rows() : 0;
            }
        }
        assertThat(certified).isEqualTo(SyntheticCertifications.certified(data, 3000).size()).isGreaterThan(300);
        for (int i = 0; i < 3000; i++) {
            var person = data.person(i);
            if (person.lost()) {
                continue;
            }
            var answer = registry.verify(new EligibilityQuery(new InsurerNumber(person.insurerNo()),
                    new InsuredNumber(person.insuredNo()), person.birthDate(), SyntheticData.REFERENCE));
            assertThat(answer).as("person " + i).isInstanceOf(Eligibility.Insured.class);
            var card = ((Eligibility.Insured) answer).careCertificate();
            if (person.careLevel() == null) {
                assertThat(card).isNull();
            } else if (card != null) {
                assertThat(card.fields().get("careLevel")).as("person " + i).isEqualTo(person.careLevel());
            }
        }
    }
}
