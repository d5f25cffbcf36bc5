package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The municipality accepted a 居宅サービス計画作成依頼(変更)届出書 (published by {@code filing} in the acceptance's
 * transaction): who makes the person's plan from when, for the registry to enter into the 被保険者証 history.
 *
 * @param planKind   居宅介護支援事業者等区分: 1 居宅介護支援事業者, 2 介護予防支援事業者, 3 地域包括支援センター, 4 自己作成
 * @param officeNo   the planning office's 事業所番号; null for a 自己作成 plan
 * @param notifiedOn 届出年月日: the day the 届出 reached the municipality
 * @param from       the day the plan is made from (計画作成の開始日)
 */
public record PlanOfficeNotified(UUID documentId, InsuredPerson person, String planKind, String officeNo,
        String officeName, LocalDate notifiedOn, LocalDate from) {
}
