package jp.kaigo.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An insurer's list of its insured persons as of a day, for the municipality's own work: who, the
 * 要介護状態区分 and the end of the 認定 in force, whether the qualification was lost.
 */
public final class InsuredList {
    public static final int PAGE = 50;

    private InsuredList() {
    }

    /**
     * The filters, all optional: 氏名カナ (prefix), 被保険者番号 (prefix), care level code, 認定 ending within
     * some days; persons who lost the qualification only when asked.
     */
    public record Query(String nameKana, String insuredNo, String careLevel, Integer expiringWithinDays,
            boolean includeLost, LocalDate asOf, int page) {
    }

    public record Entry(String insuredNo, String name, String nameKana, LocalDate birthDate, LocalDate lostOn,
            String careLevel, String careLevelName, LocalDate certValidTo) {
    }

    /** One page of the list (by 被保険者番号) and whether another page follows. */
    public record Page(List<Entry> entries, boolean more) {
    }
}
