package jp.kaigo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * An online 二次判定 reaches the 被保険者証 history once, whatever the event publication registry re-delivers, and a
 * 非該当 changes no 被保険者証 (design §6.6).
 */
@SpringBootTest
class CertificationResultsIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(700);
    @Autowired
    CertificationResults results;
    @Autowired
    InsuredRegistry registry;
    @Autowired
    FileImports imports;
    @Autowired
    JdbcClient sql;

    @Test
    void aRedeliveredResultMakesNoSecondHistoryAndNonApplicableNone() {
        String insurer = InsurerNumber.withCheckDigit(String.valueOf(47000 + NEXT.getAndIncrement() % 1000)).value();
        registry.registerInsurer(new InsurerNumber(insurer), "テスト村");
        String csv = "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,"
                + "資格取得事由,資格喪失日,資格喪失事由,郵便番号,住所地特例区分,施設所在保険者番号,適用除外開始日,適用除外終了日,交付年月日\n"
                + insurer + ",0000000001,1,2020-04-01,,介護 花子,カイゴ ハナコ,1940-05-06,2,沖縄県テスト村1番地,1,2005-04-01,01,,,,,,,,\n";
        assertThat(imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "insured.csv"), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).inserted()).isEqualTo(1);
        InsuredPerson person = InsuredPerson.of(insurer, "0000000001");
        CareLevelCertified result = new CareLevelCertified(UUID.randomUUID(), person, "22", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 11, 30), "通所リハビリテーションの利用が望ましい");

        // the listener itself, on this thread (the bean is an @Async proxy): as the registry delivers, then re-delivers
        CertificationResults listener = AopTestUtils.getUltimateTargetObject(results);
        listener.on(result);
        listener.on(result);
        listener.on(new CareLevelCertified(UUID.randomUUID(), person, "01", LocalDate.of(2026, 12, 2), null, null, null));

        assertThat(sql.sql("""
                select history_no || ':' || care_level || ':' || cert_valid_to || ':' || opinion
                  from registry.care_certificate_records where insurer_no = :i and current and not deleted
                """).param("i", insurer).query(String.class).list())
                .containsExactly("1:22:2027-11-30:通所リハビリテーションの利用が望ましい");
    }
}
