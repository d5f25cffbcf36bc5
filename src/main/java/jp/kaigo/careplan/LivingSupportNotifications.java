package jp.kaigo.careplan;

import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.month;
import static jp.kaigo.ingest.Fields.text;

import java.util.List;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.DocumentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 生活援助中心型の訪問介護が多いケアプランの届出 (docs/design/care-documents.md §4.1): the month, the plan it belongs to, the
 * visits counted from its 第6表 against the ministerial count, and why the visits are needed (the municipality's
 * 地域ケア会議 reviews it). Who may send it is {@code access}'s (S25).
 */
@Configuration(proxyBeanMethods = false)
class LivingSupportNotifications {

    @Bean
    DocumentLayout livingSupportNotification() {
        return new DocumentLayout(DocumentKind.LIVING_SUPPORT_NOTIFICATION,
                DocumentKind.LIVING_SUPPORT_NOTIFICATION.label(), "2026-1", List.of(
                        month("targetMonth", "対象年月").mandatory(),
                        date("planDate", "居宅サービス計画作成(変更)日").mandatory(),
                        code("careLevel", "要介護状態区分", codes("21", "要介護1", "22", "要介護2", "23", "要介護3", "24",
                                "要介護4", "25", "要介護5")).mandatory(),
                        integer("visits", "生活援助中心型の訪問介護の回数(第6表)", 1, 999).in("回").mandatory(),
                        integer("count", "厚生労働大臣が定める回数", 1, 99).in("回").mandatory(),
                        text("reason", "生活援助中心型の訪問介護が必要な理由", 800).mandatory(),
                        text("otherServices", "検討した他のサービスや支援", 400)),
                List.of());
    }
}
