package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A case opens one history at 申請受付; each step is a new revision of it, the earlier ones kept and superseded. */
@SpringBootTest
class CaseRevisionsIntegrationTests {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final InsurerNumber INSURER = InsurerNumber.withCheckDigit("13102");
    @Autowired
    CareCertification certification;
    @Autowired
    CaseRevisions revisions;
    @Autowired
    JdbcClient sql;
    @Autowired
    TransactionTemplate tx;

    @Test
    void eachStepIsANewRevisionAndAPersonHasOneOpenCase() {
        InsuredNumber person = new InsuredNumber(String.format("%010d", NEXT.incrementAndGet() % 10_000_000_000L));
        LocalDate applied = LocalDate.of(2026, 12, 1);
        UUID caseId = certification.openCase(new CareCertification.CaseDraft(INSURER, person,
                UUID.randomUUID(), "1", applied, "1310112345"));
        assertThat(sql.sql("select status from certification.cases where case_id = :c").param("c", caseId)
                .query(String.class).single()).isEqualTo("open");

        int revision = tx.execute(s -> revisions.advance(INSURER, person, caseId, Progress.SURVEY,
                Map.of(CaseRevisions.Column.SURVEYED_ON, LocalDate.of(2026, 12, 3))));
        assertThat(revision).isEqualTo(2);
        assertThat(sql.sql("""
                select revision || ':' || current || ':' || progress || ':' || coalesce(surveyed_on::text, '-') || ':'
                       || opinion_institution || ':' || source
                  from certification.certification_records where insurer_no = :i and insured_no = :p order by revision
                """).param("i", INSURER.value()).param("p", person.value()).query(String.class).list())
                .containsExactly("1:false:1:-:1310112345:online", "2:true:2:2026-12-03:1310112345:online");

        assertThatThrownBy(() -> certification.openCase(new CareCertification.CaseDraft(INSURER, person,
                UUID.randomUUID(), "3", applied, null))).as("a second open case of the person").isNotNull();
        assertThat(sql.sql("select count(*) from certification.cases where insurer_no = :i and insured_no = :p")
                .param("i", INSURER.value()).param("p", person.value()).query(Integer.class).single()).isEqualTo(1);
    }
}
