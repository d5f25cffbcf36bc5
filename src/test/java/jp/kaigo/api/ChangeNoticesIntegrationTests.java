package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.kaigo.consent.Consents;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the person is told besides certification (issue 17 §5, docs/design/care-documents.md §8): a 負担割合証 or
 * 負担限度額認定証 that changed (not the first one a municipality loads), and a consent someone else recorded for them
 * (the municipality's 包括同意, a representative, an office), never the person's own decision in their own view.
 */
class ChangeNoticesIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final String RATIO_HEADER = "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,利用者負担の割合\n";
    @Autowired
    JdbcClient sql;
    @Autowired
    Consents consents;

    @BeforeEach
    void person() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n");
    }

    @Test
    void aChangedBurdenRatioIsToldAndAFirstLoadIsNot() {
        upload(RATIO_HEADER + insurer + "," + PERSON + ",1,2025-08-01,2026-07-31,10\n");
        assertThat(lines("burden-ratio-changed")).as("the municipality's first load tells nobody").isEmpty();

        upload(RATIO_HEADER + insurer + "," + PERSON + ",1,2025-08-01,2026-07-31,10\n"
                + insurer + "," + PERSON + ",2,2026-08-01,2027-07-31,20\n");
        assertThat(lines("burden-ratio-changed")).singleElement().asString()
                .contains("利用者負担の割合:2割", "令和8年(2026年)8月1日から", "令和9年(2027年)7月31日まで");
        upload(RATIO_HEADER + insurer + "," + PERSON + ",1,2025-08-01,2026-07-31,10\n"
                + insurer + "," + PERSON + ",2,2026-08-01,2027-07-31,20\n");
        assertThat(lines("burden-ratio-changed")).as("the same file again tells nothing new").hasSize(1);
    }

    @Test
    void aConsentRecordedBySomeoneElseIsToldTheOwnDecisionIsNot() {
        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"認定申請\"}").status()).isEqualTo(201);
        assertThat(lines("consent-recorded")).singleElement().asString().contains("市町村が", "包括同意を登録しました");

        consents.decide(insurer, PERSON, Party.office(officeNo), InformationCategory.CARE_PLAN, false, null);
        assertThat(lines("consent-recorded")).as("the person's own decision").hasSize(1);
        consents.decide(insurer, PERSON, Party.office(officeNo), InformationCategory.CARE_PLAN, true, "guardian");
        assertThat(lines("consent-recorded")).hasSize(2).anySatisfy(line -> assertThat(line)
                .contains("代理人が", officeNo, "ケアプランを見せることに「同意する」"));
    }

    private void upload(String csv) {
        assertThat(api.uploadPartialCsv(insurer, "burden-ratio", "full", csv).json().get("rejectedRows").asInt()).isZero();
    }

    /** The person's notices of the kind, each as its text, once the listeners have run. */
    private List<String> lines(String kind) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.sql("""
                select count(*) from public.event_publication where completion_date is null
                   and event_type in ('jp.kaigo.shared.CertificateChanged', 'jp.kaigo.shared.ConsentRecorded')
                """).query(Integer.class).single() == 0);
        return notices.inbox(jp.kaigo.shared.InsuredPerson.of(insurer, PERSON), 1).notices().stream()
                .filter(n -> n.kind().code().equals(kind)).map(n -> String.join(" ", n.lines())).toList();
    }

    @Autowired
    jp.kaigo.notification.Notices notices;
}
