package jp.kaigo.registry;

import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.text;

import java.util.List;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.DocumentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 住宅改修が必要な理由書 (docs/design/care-documents.md §5): the items the municipality checks before a 住宅改修費 is
 * paid — who wrote it with which qualification, what is to be done and why. The registry owns the 住宅改修費利用情報
 * it belongs to. Who may send it (a qualified staff member of an office in charge) is {@code access}'s (S24).
 */
@Configuration(proxyBeanMethods = false)
class HomeModificationReasons {

    @Bean
    DocumentLayout homeModificationReason() {
        return new DocumentLayout(DocumentKind.HOME_MODIFICATION_REASON, DocumentKind.HOME_MODIFICATION_REASON.label(),
                "2026-1", List.of(
                        date("writtenOn", "作成日").mandatory(),
                        text("writerName", "作成者氏名", 40).mandatory(),
                        code("writerQualification", "作成者の資格", codes("1", "介護支援専門員", "2", "主任介護支援専門員",
                                "3", "保健師", "4", "社会福祉士", "5", "作業療法士", "6", "理学療法士", "7",
                                "福祉住環境コーディネーター2級以上")).mandatory(),
                        text("difficulties", "日常生活上の困難(移動・排泄・入浴など)", 400).mandatory(),
                        text("works", "改修項目(手すりの取付け・段差の解消・床材の変更・扉の取替え・便器の取替え等)", 400)
                                .mandatory(),
                        text("reason", "改修により改善しようとすること", 800).mandatory(),
                        date("plannedOn", "着工予定日")),
                List.of());
    }
}
