package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * 給付実績 recorded for an insurer's persons (published by {@code claims} with each import): per person and サービス提供年月,
 * how many claim lines, the 費用の総額 (保険請求額 + 公費請求額 + 利用者負担額) and the person's share, for the
 * 介護給付費通知 (docs/design/care-documents.md §8).
 */
public record BenefitsRecorded(String insurerNo, List<Month> months) {

    public record Month(String insuredNo, LocalDate serviceMonth, int services, long totalCost, long userCharge) {
    }
}
