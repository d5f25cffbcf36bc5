package jp.kaigo.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kaigo.shared.InformationCategory;
import org.junit.jupiter.api.Test;

/** After a consent change, one sentence says exactly what changed: who, which information, shown or not. */
class ConsentChangeTests {

    @Test
    void namesTheOrganisationTheInformationAndWhetherItIsShown() {
        assertThat(new ConsentChange(UUID.randomUUID(), "ひまわり訪問介護事業所", InformationCategory.CARE_PLAN, false).text())
                .isEqualTo("ひまわり訪問介護事業所 に、ケアプランの情報を見せないようにしました");
        assertThat(new ConsentChange(UUID.randomUUID(), "ひまわり訪問介護事業所", InformationCategory.LIFE, true).text())
                .isEqualTo("ひまわり訪問介護事業所 に、LIFE情報を見せるようにしました");
        assertThat(new ConsentChange(UUID.randomUUID(), ConsentChange.EVERYONE, null, false).text())
                .isEqualTo("すべての事業所・医療機関 に、すべての情報を見せないようにしました");
    }
}
