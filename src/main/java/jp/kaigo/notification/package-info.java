/**
 * Notices to insured persons (design for issue 16, §7): 認定結果通知, 認定更新勧奨 and 処分延期通知, made by listeners of
 * the {@code shared} events after their publisher's commit (Spring Modulith's JDBC event publication registry, §7.5),
 * once per person and deduplication key; the person's inbox on the portal (read/unread), their contact preferences
 * (paper, email, SMS), a pointer by email/SMS that holds no personal or health data (national-design.md D1), and the
 * municipality's list of notices to print. A support module: it depends on {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package jp.kaigo.notification;
