package jp.kaigo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CodeTableTests {

    @Test
    void careLevelsCarryTheNationalMonthlyLimits() {
        assertThat(CareLevel.all()).extracting(CareLevel::code)
                .containsExactlyInAnyOrder("01", "06", "12", "13", "21", "22", "23", "24", "25");
        assertThat(CareLevel.of("12").monthlyLimitUnits()).hasValue(5032);
        assertThat(CareLevel.of("13").monthlyLimitUnits()).hasValue(10531);
        assertThat(CareLevel.of("21").monthlyLimitUnits()).hasValue(16765);
        assertThat(CareLevel.of("25").monthlyLimitUnits()).hasValue(36217);
        assertThat(CareLevel.of("06").monthlyLimitUnits()).isEmpty();
        assertThat(CareLevel.of("23").name()).isEqualTo("要介護3");
        assertThat(CareLevel.of("23").isCareNeeded()).isTrue();
        assertThatThrownBy(() -> CareLevel.of("11")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void serviceTypesIncludeTheCurrentCodes() {
        assertThat(ServiceType.all()).hasSize(71);
        assertThat(ServiceType.of("55").name()).isEqualTo("介護医療院サービス");
        assertThat(ServiceType.of("2A").isCurrent()).isTrue();
        assertThat(ServiceType.of("AF").group()).isEqualTo("総合事業");
        assertThat(ServiceType.of("53").isCurrent()).isFalse();
        assertThatThrownBy(() -> ServiceType.of("99")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void periodsAreClosedAndMayBeOpenEnded() {
        var period = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        assertThat(period.contains(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(period.contains(LocalDate.of(2027, 4, 1))).isFalse();
        assertThat(new Period(LocalDate.of(2026, 4, 1), null).contains(LocalDate.of(2099, 1, 1))).isTrue();
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 31)))
                .isInstanceOf(InvalidValue.class);
    }
}
