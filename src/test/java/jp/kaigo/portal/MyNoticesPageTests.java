package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.notification.ContactPreferences;
import jp.kaigo.notification.Inbox;
import jp.kaigo.notification.Notice;
import jp.kaigo.notification.NoticeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The person's お知らせ page as the portal renders it (the platform's template engine, messages and beans): unread
 * notices marked with a "読んだ" button each, read ones with the time they were read, the preferences form filled in.
 */
@SpringBootTest
class MyNoticesPageTests {
    @Autowired
    SpringTemplateEngine templates;
    @Autowired
    ApplicationContext context;
    @Autowired
    ServletContext servletContext;

    @Test
    void unreadNoticesHaveAReadButtonAndReadOnesSayWhenTheyWereRead() {
        Notice unread = new Notice(UUID.randomUUID(), NoticeKind.CERTIFICATION_RESULT,
                List.of("要介護認定の結果が出ました。", "要介護状態区分:要介護3"), Instant.parse("2026-12-05T01:00:00Z"), null);
        Notice read = new Notice(UUID.randomUUID(), NoticeKind.RENEWAL_REMINDER,
                List.of("いまの要介護認定の有効期間は …… までです。"), Instant.parse("2026-11-01T01:00:00Z"),
                Instant.parse("2026-11-02T01:00:00Z"));

        String html = render(new Inbox(List.of(unread, read), 1, 1, 2, 1),
                new ContactPreferences(true, "hanako@example.jp", null));

        assertThat(html).contains("<h1>お知らせ</h1>", "未読のお知らせが 1 件あります。", "要介護認定の結果のお知らせ",
                "要介護状態区分:要介護3", "要介護認定の更新申請のご案内", "に読みました");
        assertThat(html).contains("/portal/me/notices/" + unread.id() + "/read")
                .doesNotContain("/portal/me/notices/" + read.id() + "/read");
        assertThat(html).contains("id=\"notice-" + unread.id() + "\" class=\"card unread\"",
                "id=\"notice-" + read.id() + "\" class=\"card read\"");
        assertThat(html).contains("value=\"hanako@example.jp\"", "name=\"paper\" value=\"true\" checked=\"checked\"");
        assertThat(html).as("the menu leads to the notices").contains("href=\"/portal/me/notices\"");
    }

    @Test
    void anEmptyInboxSaysSo() {
        String html = render(new Inbox(List.of(), 1, 1, 0, 0), ContactPreferences.NONE);
        assertThat(html).contains("お知らせはありません。", "未読のお知らせはありません。")
                .doesNotContain("checked=\"checked\"");
    }

    private String render(Inbox inbox, ContactPreferences preferences) {
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/portal/me/notices");
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        WebContext page = new WebContext(exchange, Locale.JAPANESE);
        page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        page.setVariable("me", new MyNumberCards.LinkedPerson("131011", "0000100000", null));
        page.setVariable("inbox", inbox);
        page.setVariable("preferences", preferences);
        return templates.process("portal/me/notices", page);
    }
}
