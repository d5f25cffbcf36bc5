package jp.kaigo.portal;

import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.StatusChange;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;

/** How a document's content, parties and history read on the portal's pages. */
class DocumentPagesTests {
    private static final DocumentLayout LAYOUT = new DocumentLayout(DocumentKind.OPINION_REQUEST, "依頼", "t-1", List.of(
            code("requestKind", "依頼区分", codes("1", "初回依頼", "2", "再依頼", "3", "再意見書")).mandatory(),
            text("doctorName", "依頼先医師氏名", 60),
            date("dueOn", "提出期限")), List.of());

    @Test
    void theContentFollowsTheLayoutWithCodeNamesAndKeepsWhatTheLayoutDoesNotKnow() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("legacyNote", "旧版の項目");
        payload.put("dueOn", "2026-12-20");
        payload.put("doctorName", " ");
        payload.put("requestKind", "2");

        assertThat(DocumentPages.lines(LAYOUT, payload)).containsExactly(
                new DocumentPages.Line("requestKind", "依頼区分", "再依頼", "2"),
                new DocumentPages.Line("dueOn", "提出期限", "2026-12-20", null),
                new DocumentPages.Line("legacyNote", "legacyNote", "旧版の項目", null));
        assertThat(DocumentPages.lines(LAYOUT, Map.of("requestKind", "9")))
                .as("a code the layout does not name is shown as it is").containsExactly(
                        new DocumentPages.Line("requestKind", "依頼区分", "9", "9"));
        assertThat(DocumentPages.lines(LAYOUT, null)).as("purged").isEmpty();
    }

    @Test
    void codesAreInCodeOrder() {
        assertThat(DocumentPages.codes(LAYOUT.field("requestKind").orElseThrow()).stream().map(Map.Entry::getKey))
                .containsExactly("1", "2", "3");
    }

    @Test
    void aPersonIsNeverNamedByTheirNumbers() {
        assertThat(DocumentPages.party(Correspondent.person(new InsurerNumber("131011"), new InsuredNumber("0000100000"))))
                .isEqualTo("本人");
        assertThat(DocumentPages.party(Correspondent.of(Party.municipality("131011")))).isEqualTo("市町村 131011");
    }

    @Test
    void theHistoryNamesReasonsAndWithdrawals() {
        Correspondent clinic = Correspondent.of(Party.municipality("131011"));
        List<DocumentPages.Step> steps = DocumentPages.steps(List.of(
                new StatusChange(1, null, DocumentStatus.SENT, 1, clinic, null, null, Instant.EPOCH),
                new StatusChange(2, DocumentStatus.SENT, DocumentStatus.DELIVERED, 1, null, null, null, Instant.EPOCH),
                new StatusChange(3, DocumentStatus.DELIVERED, DocumentStatus.RETURNED, 1, clinic,
                        ReturnReason.CANNOT_WRITE.code(), "受診歴なし", Instant.EPOCH),
                new StatusChange(4, DocumentStatus.RETURNED, DocumentStatus.WITHDRAWN, 1, clinic,
                        ReturnReason.WITHDRAWN_BY_SENDER, null, Instant.EPOCH)));
        assertThat(steps).extracting(DocumentPages.Step::from, DocumentPages.Step::to, DocumentPages.Step::by,
                DocumentPages.Step::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("", "送信済み", "市町村 131011", ""),
                        org.assertj.core.groups.Tuple.tuple("送信済み", "配信済み", "基盤", ""),
                        org.assertj.core.groups.Tuple.tuple("配信済み", "返戻", "市町村 131011", "作成できない(受診なし等)"),
                        org.assertj.core.groups.Tuple.tuple("返戻", "取下げ", "市町村 131011", "送信者による取下げ"));
    }
}
