package jp.kaigo.shared;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * 要介護状態区分 (国保連 codes) with its 区分支給限度基準額 in units per month, from
 * {@code codes/care-levels.csv}. 非該当 and 事業対象者 have no national limit.
 */
public record CareLevel(String code, String name, OptionalInt monthlyLimitUnits) {
    public static final String LABEL = "要介護状態区分";
    private static final Map<String, CareLevel> BY_CODE = load();

    public static CareLevel of(String code) {
        return find(code).orElseThrow(() -> new InvalidValue("careLevel", LABEL,
                "コードが正しくありません(01・06・12・13・21〜25)"));
    }

    public static Optional<CareLevel> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Every level in the order of the code table (事業対象者, 要支援1–2, 要介護1–5, …), as filters list them. */
    public static Collection<CareLevel> all() {
        return BY_CODE.values().stream().sorted(java.util.Comparator.comparing(CareLevel::code)).toList();
    }

    /** True for 要介護1–5 (codes 21–25). */
    public boolean isCareNeeded() {
        return code.startsWith("2");
    }

    private static Map<String, CareLevel> load() {
        Map<String, CareLevel> levels = new LinkedHashMap<>();
        for (String[] row : CodeTables.read("care-levels.csv")) {
            var limit = row[2].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row[2]));
            levels.put(row[0], new CareLevel(row[0], row[1], limit));
        }
        return Map.copyOf(levels);
    }
}
