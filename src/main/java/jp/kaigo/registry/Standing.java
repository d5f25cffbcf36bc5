package jp.kaigo.registry;

import java.time.LocalDate;
import jp.kaigo.shared.CareLevel;

/**
 * What the registry holds on one insured person for one day, as the registration of a 担当事業所 needs it: the
 * 資格取得日 and 資格喪失日 of the 資格 history in force that day (else the newest), the 要介護状態区分 of the
 * 被保険者証 in force that day (null: none), the 介護保険施設等 stay the 被保険者証 records over that day (null: none)
 * and the person's 生年月日.
 */
public record Standing(LocalDate acquiredOn, LocalDate lostOn, CareLevel careLevel, FacilityStay stay,
        LocalDate birthDate) {

    /**
     * A stay in a 介護保険施設等 as the 被保険者証 records it (its 種類 code and meaning, 入所年月日, 退所年月日 or null).
     * Kinds 1–5 are the 介護保険施設 (特養, 老健, 介護医療院, 介護療養型, 地域密着型特養); 6 特定施設 and 7 認知症GH are
     * residences whose own care manager makes the plan.
     */
    public record FacilityStay(String kind, String kindName, LocalDate admittedOn, LocalDate dischargedOn) {
        public boolean insuranceFacility() {
            return java.util.Set.of("1", "2", "3", "4", "5").contains(kind);
        }

        /** In the facility on the day: admitted on or before it, not yet discharged (the 退所日 is spent outside). */
        public boolean covers(LocalDate day) {
            return !admittedOn.isAfter(day) && (dischargedOn == null || dischargedOn.isAfter(day));
        }
    }
}
