package jp.kaigo.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaigo.registry.Standing;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.ServiceType;

/**
 * The checks on a registration as 担当事業所, as a pure function of named facts. Sources: the basic policy 2.00
 * (an office sees a person only while it provides a service after 本人確認), national-design.md A3, the code tables
 * (formats-and-codes.md §2–3: 43 居宅介護支援 for 要介護1–5, 46 介護予防支援 for 要支援1・2, AF 介護予防ケアマネジメント
 * of the 総合事業 for 要支援 and 事業対象者), office-master.md (designations with periods) and the 被保険者証's
 * 介護保険施設等 (formats-and-codes.md §4). {@code RegistrationDecisionTableTests} checks every combination against a
 * table written from those sources.
 */
final class RegistrationRules {
    /** 本人確認 is done when the contract is made; a short grace covers a contract signed before the paperwork. */
    static final int START_DAYS_BACK = 31;
    static final int START_DAYS_AHEAD = 92;
    /** The care-management services (居宅介護支援, 介護予防支援, 介護予防ケアマネジメント). */
    static final Set<String> CARE_MANAGEMENT = Set.of("43", "46", "AF");
    /** The 施設 and residences' own services (and the 補足給付): not a service brought home. */
    static final Set<String> RESIDENTIAL = Set.of("51", "52", "53", "54", "55", "32", "33", "35", "36", "37", "59");

    /** How the care level in force on the start date counts for the care-management rules. */
    enum Level {
        /** 要支援1・2 (12, 13). */
        SUPPORT,
        /** 要介護1–5 (21–25). */
        CARE,
        /** 事業対象者 (06, 基本チェックリスト). */
        BUSINESS_TARGET,
        /** None in force (or 非該当). */
        NONE;

        static Level of(CareLevel level) {
            if (level == null) {
                return NONE;
            }
            return switch (level.code()) {
                case "12", "13" -> SUPPORT;
                case "06" -> BUSINESS_TARGET;
                default -> level.isCareNeeded() ? CARE : NONE;
            };
        }
    }

    /**
     * @param acquiredOn the 資格取得日 of the person's 資格 history (null: the registry holds no 資格 record)
     * @param lostOn     the 資格喪失日, or null
     * @param careLevel  the 要介護状態区分 in force on the start date, or null
     * @param stay       the 介護保険施設等 stay the registry records over the start date, or null
     * @param designated the サービス種類コード the office is designated for on the start date
     */
    record Facts(LocalDate startDate, LocalDate today, LocalDate acquiredOn, LocalDate lostOn, CareLevel careLevel,
            Standing.FacilityStay stay, ServiceType requested, Set<String> designated) {
    }

    private RegistrationRules() {
    }

    static RegistrationDecision decide(Facts f) {
        List<RegistrationDecision.Finding> refusals = new ArrayList<>();
        List<RegistrationDecision.Finding> warnings = new ArrayList<>();
        String window = "契約の開始日は、今日から" + START_DAYS_BACK + "日前〜" + START_DAYS_AHEAD + "日後の範囲で指定してください";
        if (f.startDate().isBefore(f.today().minusDays(START_DAYS_BACK))) {
            refusals.add(start(RegistrationRule.START_TOO_EARLY, "開始日が" + START_DAYS_BACK + "日より前です(" + window + ")"));
        }
        if (f.startDate().isAfter(f.today().plusDays(START_DAYS_AHEAD))) {
            refusals.add(start(RegistrationRule.START_TOO_LATE, "開始日が" + START_DAYS_AHEAD + "日より先です(" + window + ")"));
        }
        if (f.acquiredOn() == null) {
            refusals.add(start(RegistrationRule.NOT_YET_INSURED, "登録簿にこの方の資格の記録がありません"));
        } else if (f.startDate().isBefore(f.acquiredOn())) {
            refusals.add(start(RegistrationRule.NOT_YET_INSURED,
                    "開始日がこの方の資格取得日より前です(資格取得日以降を指定してください)"));
        }
        if (f.lostOn() != null && !f.startDate().isBefore(f.lostOn())) {
            refusals.add(start(RegistrationRule.QUALIFICATION_LOST, "開始日にはこの方は資格を喪失しています"));
        }
        String type = f.requested().code();
        Level level = Level.of(f.careLevel());
        String careLevelMismatch = careLevel(type, level);
        if (careLevelMismatch != null) {
            refusals.add(service(RegistrationRule.CARE_LEVEL, careLevelMismatch));
        }
        if ((type.equals("43") || type.equals("46")) && level == Level.NONE) {
            warnings.add(service(RegistrationRule.NO_CERTIFICATION, "開始日に有効な要介護・要支援認定がありません"
                    + "(認定の申請中なら暫定の計画です。結果が出たら、区分に合うサービス種類か確かめてください)"));
        }
        if (!f.designated().contains(type)) {
            refusals.add(service(RegistrationRule.NOT_DESIGNATED, "この事業所は開始日(" + JapaneseDates.format(f.startDate())
                    + ")に、" + named(f.requested()) + "の指定を受けていません(事業所台帳。指定を受けているサービス種類: "
                    + (f.designated().isEmpty() ? "なし" : f.designated().stream().sorted()
                            .map(c -> ServiceType.find(c).map(RegistrationRules::named).orElse(c))
                            .collect(Collectors.joining("・"))) + ")"));
        }
        if (f.stay() != null) {
            stay(f, type, refusals, warnings);
        }
        return new RegistrationDecision(refusals, warnings);
    }

    /** formats-and-codes.md §2: 43 is for 要介護1–5, 46 for 要支援1・2, AF for 要支援 and 事業対象者. */
    private static String careLevel(String type, Level level) {
        return switch (type) {
            case "43" -> switch (level) {
                case SUPPORT -> "要支援の方のケアマネジメントは介護予防支援(46)です(居宅介護支援(43)は要介護1〜5の方が対象です)";
                case BUSINESS_TARGET -> "事業対象者の方のケアマネジメントは介護予防ケアマネジメント(AF)です"
                        + "(居宅介護支援(43)は要介護1〜5の方が対象です)";
                default -> null;
            };
            case "46" -> switch (level) {
                case CARE -> "要介護の方のケアマネジメントは居宅介護支援(43)です(介護予防支援(46)は要支援1・2の方が対象です)";
                case BUSINESS_TARGET -> "事業対象者の方のケアマネジメントは介護予防ケアマネジメント(AF)です"
                        + "(介護予防支援(46)は要支援1・2の方が対象です)";
                default -> null;
            };
            case "AF" -> switch (level) {
                case CARE -> "要介護の方のケアマネジメントは居宅介護支援(43)です"
                        + "(介護予防ケアマネジメント(AF)は要支援1・2と事業対象者の方が対象です)";
                case NONE -> "開始日に有効な要支援認定・事業対象者の記録がありません"
                        + "(介護予防ケアマネジメント(AF)は要支援1・2と事業対象者の方が対象です)";
                default -> null;
            };
            default -> null;
        };
    }

    /**
     * The 被保険者証's 介護保険施設等 over the start date. In a 介護保険施設 (kinds 1–5) the 施設's own 介護支援専門員
     * makes the 施設サービス計画 and 居宅介護支援 is for 居宅 persons only (介護保険法 第8条): care management there
     * is refused from a start date that has come; a start still ahead is let through with a warning (the contract
     * made before a 退所 the municipality has not recorded yet). In 特定施設 and GH (6, 7) the residence makes the
     * plan, but short stays and moving out are common: a warning. A service brought home during any stay: a warning
     * (not paid while in a 施設; the registry's 退所日 may lag).
     */
    private static void stay(Facts f, String type, List<RegistrationDecision.Finding> refusals,
            List<RegistrationDecision.Finding> warnings) {
        String where = "登録簿では、開始日にこの方は" + f.stay().kindName() + "に入所(入居)中です";
        if (CARE_MANAGEMENT.contains(type)) {
            if (f.stay().insuranceFacility() && !f.startDate().isAfter(f.today())) {
                refusals.add(service(RegistrationRule.FACILITY_STAY, where + "。入所中の計画は施設の介護支援専門員が作ります"
                        + "(退所に合わせて始めるなら、退所日以降を開始日にしてください)"));
            } else if (f.stay().insuranceFacility()) {
                warnings.add(service(RegistrationRule.FACILITY_STAY, where + "(退所日の記録がありません)。"
                        + "退所に合わせた登録なら、退所が市町村に届けられるか確かめてください"));
            } else {
                warnings.add(service(RegistrationRule.FACILITY_STAY, where + "。入居中の計画は施設の計画作成担当者が作ります"
                        + "(短期利用や退居に合わせた登録か確かめてください)"));
            }
        } else if (!RESIDENTIAL.contains(type)) {
            warnings.add(service(RegistrationRule.FACILITY_STAY, where + "。入所中の居宅サービスは保険給付の対象になりません"
                    + "(退所後に始まるか確かめてください)"));
        }
    }

    private static String named(ServiceType type) {
        return type.code() + " " + type.name();
    }

    private static RegistrationDecision.Finding start(RegistrationRule rule, String reason) {
        return new RegistrationDecision.Finding("startDate", "開始日", rule, reason);
    }

    private static RegistrationDecision.Finding service(RegistrationRule rule, String reason) {
        return new RegistrationDecision.Finding("serviceType", ServiceType.LABEL, rule, reason);
    }
}
