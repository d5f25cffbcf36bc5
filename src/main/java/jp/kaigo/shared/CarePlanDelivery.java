package jp.kaigo.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan or 実績 delivered to an office: an issued plan to an office its 第2表 or 第6表 names ({@code planDate} set), or
 * a 第6表 実績 to the care manager's office ({@code month}: its first day).
 */
public record CarePlanDelivery(UUID deliveryId, InsuredPerson person, String senderNo, LocalDate planDate, LocalDate month,
        Instant deliveredAt, Instant downloadedAt) {

    public boolean isPlan() {
        return planDate != null;
    }

    public String what() {
        return isPlan() ? "居宅サービス計画(第1〜3表・第6・7表)" : "サービス提供実績(第6表 実績)";
    }
}
