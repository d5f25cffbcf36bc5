package jp.kaigo.access;

import java.time.LocalDate;
import java.util.Map;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InvalidValue;

/**
 * What a search over the office's people keeps of the permitted records: a care level (要介護状態区分
 * or the 認定's result) and 認定有効期間 ending within some days (the 認定 or the 被保険者証's
 * 要介護認定). Both optional.
 */
public record SearchFilter(String careLevel, Integer expiringWithinDays) {

    public SearchFilter {
        careLevel = careLevel == null || careLevel.isBlank() ? null : careLevel.strip();
    }

    /** Refuses a filter that cannot apply to the category. */
    public void check(InformationCategory category) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 366
                || category != InformationCategory.CERTIFICATION && category != InformationCategory.INSURANCE_CARD)) {
            throw new InvalidValue("expiringWithinDays", "有効期間の終了までの日数",
                    "要介護認定(certification)または被保険者証(insurance-card)の検索で0〜366日を指定してください");
        }
    }

    public boolean matches(Map<String, Object> record, LocalDate today) {
        if (careLevel != null && !careLevel.equals(record.get("result")) && !careLevel.equals(record.get("careLevel"))) {
            return false;
        }
        if (expiringWithinDays != null) {
            Object to = record.get("certValidTo");
            if (to == null) {
                return false;
            }
            LocalDate end = LocalDate.parse(to.toString());
            return !end.isBefore(today) && !end.isAfter(today.plusDays(expiringWithinDays));
        }
        return true;
    }
}
