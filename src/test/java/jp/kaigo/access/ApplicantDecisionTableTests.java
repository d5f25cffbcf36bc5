package jp.kaigo.access;

import static jp.kaigo.access.RuleTable.yes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What may be applied for online, for every combination of 申請区分 × insured by the recipient × 資格喪失 × open case
 * × latest 認定 × age × 特定疾病, decided by {@link ApplicantRules} and checked against the table of
 * docs/design/certification-online.md §3.1 (A1–A10), each line citing its row. The first matching line wins.
 */
class ApplicantDecisionTableTests {
    /**
     * # | 申請区分 (1 新規, 2 更新, 3 区分変更, 4 転入) | insured by the recipient today | 資格喪失 | open case | latest 認定 |
     * age on the application date | 特定疾病 given | expected | source. 資格喪失: none, before / on-day / after the
     * application date. Latest 認定 (要支援1–要介護5): none ever; in force, ending in 61 / 60 days; ending today;
     * expired yesterday; starting tomorrow (decided ahead for a year).
     */
    private static final String RULES = """
            A1  | * | no  | * | * | * | * | * | OTHER_INSURER | §3.1 A1: registry standing; I16-atk "an application for a person of another municipality"; ND A2
            A2  | * | *   | before,on-day | * | * | * | * | QUALIFICATION_LOST | §3.1 A2: 資格喪失 on or before the application date; ND A2 (WG-joint)
            A3  | * | *   | * | yes | * | * | * | ALREADY_OPEN | §3.1 A3 (decision); §2.5
            A4  | 1 | *   | * | * | ends-in-61,ends-in-60,ends-today | * | * | USE_UPDATE_OR_CHANGE | §3.1 A4 (decision): a current 認定 in force on the application date; FC §3.1
            A5  | 2 | *   | * | * | none,ends-in-61,starts-tomorrow | * | * | RENEWAL_NOT_YET | §3.1 A5: from 60 days before the end (I16 §7; 施行規則, unverified here); none ever: nothing to renew
            A6  | 2 | *   | * | * | expired | * | * | USE_NEW | §3.1 A6 (decision): an expired 認定 is applied for anew
            A7  | 3 | *   | * | * | none,expired,starts-tomorrow | * | * | USE_NEW | §3.1 A7 (decision): no 認定 in force to change
            A8  | * | *   | * | * | * | 40,64 | no | SPECIFIC_DISEASE_REQUIRED | §3.1 A8: 2号被保険者 (40–64) need the 特定疾病; I16 §2 "2号 diagnosis"
            A9  | 4 | *   | * | * | * | * | * | NOT_ONLINE | §3.1 A9: 転入 comes with the 受給資格証明書 on paper (BP flow A ※3)
            A10 | * | *   | * | * | * | * | * | APPLICABLE | §3.1 A10
            """;
    private static final RuleTable TABLE = new RuleTable(RULES, 7);

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    private static final Map<String, LocalDate> LOST = new LinkedHashMap<>();
    private static final Map<String, ApplicantRules.Certified> LATEST = new LinkedHashMap<>();

    static {
        LOST.put("none", null);
        LOST.put("before", DAY.minusDays(1));
        LOST.put("on-day", DAY);
        LOST.put("after", DAY.plusDays(1));
        LATEST.put("none", null);
        LATEST.put("ends-in-61", new ApplicantRules.Certified(DAY.minusMonths(11), DAY.plusDays(61)));
        LATEST.put("ends-in-60", new ApplicantRules.Certified(DAY.minusMonths(11), DAY.plusDays(60)));
        LATEST.put("ends-today", new ApplicantRules.Certified(DAY.minusMonths(12), DAY));
        LATEST.put("expired", new ApplicantRules.Certified(DAY.minusMonths(12), DAY.minusDays(1)));
        LATEST.put("starts-tomorrow", new ApplicantRules.Certified(DAY.plusDays(1), DAY.plusDays(365)));
    }

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        RuleTable.Run run = TABLE.run("applicant decision table");
        for (ApplicantRules.ApplicationType type : ApplicantRules.ApplicationType.values()) {
            for (boolean insured : new boolean[] {false, true}) {
                for (var lost : LOST.entrySet()) {
                    for (boolean open : new boolean[] {false, true}) {
                        for (var latest : LATEST.entrySet()) {
                            for (int age : new int[] {39, 40, 64, 65}) {
                                for (boolean disease : new boolean[] {false, true}) {
                                    String[] facts = {type.code(), yes(insured), lost.getKey(), yes(open),
                                            latest.getKey(), String.valueOf(age), yes(disease)};
                                    AccessReason actual = ApplicantRules.decide(new ApplicantRules.Facts(type, DAY,
                                            insured, lost.getValue(), open, latest.getValue(), age, disease));
                                    run.check(facts, actual);
                                }
                            }
                        }
                    }
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }

    /** The refusal of an early 更新申請 can name the first day it is accepted: 60 days before the end. */
    @Test
    void theFirstRenewalDayIsSixtyDaysBeforeTheEnd() {
        assertThat(ApplicantRules.firstRenewalDay(LATEST.get("ends-in-60"))).isEqualTo(DAY);
        assertThat(ApplicantRules.firstRenewalDay(LATEST.get("ends-in-61"))).isEqualTo(DAY.plusDays(1));
    }
}
