package jp.kaigo.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;

class ConsentRulesTests {
    private static final Party OFFICE = Party.office("1310100019");
    private static final Party OTHER_OFFICE = Party.office("1310100027");
    private final List<ConsentDecision> decisions = new ArrayList<>();
    private Instant clock = Instant.parse("2026-04-01T00:00:00Z");

    private void blanket() {
        add(null, null, true, "municipality");
    }

    private void person(Party party, InformationCategory category, boolean give) {
        add(party, category, give, "person");
    }

    private void add(Party party, InformationCategory category, boolean give, String source) {
        clock = clock.plusSeconds(60);
        decisions.add(new ConsentDecision(UUID.randomUUID(), party, category, give, source, null, clock));
    }

    private ConsentState state(Party party, InformationCategory category) {
        return ConsentRules.resolve(decisions, party, category);
    }

    @Test
    void nothingDecidedIsNoConsent() {
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.NONE);
    }

    @Test
    void theBlanketConsentCoversEveryOrganisationAndCategory() {
        blanket();
        assertThat(state(OFFICE, InformationCategory.CARE_SURVEY)).isEqualTo(ConsentState.BLANKET);
        assertThat(state(OTHER_OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.BLANKET);
    }

    @Test
    void theNewestDecisionHolds() {
        blanket();
        person(OFFICE, null, false);
        assertThat(state(OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.REFUSED);
        assertThat(state(OTHER_OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.BLANKET);
        person(OFFICE, InformationCategory.LIFE, true);
        assertThat(state(OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.GIVEN);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
    }

    @Test
    void aWithdrawalOfEverythingOverridesEarlierConsents() {
        person(OFFICE, InformationCategory.CARE_PLAN, true);
        blanket();
        person(null, null, false);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
        assertThat(state(OTHER_OFFICE, InformationCategory.CLAIMS)).isEqualTo(ConsentState.REFUSED);
    }

    @Test
    void aRenewalsBlanketConsentDoesNotLiftARefusalOfANamedOrganisation() {
        blanket();
        person(OFFICE, null, false);
        blanket();
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
        assertThat(state(OTHER_OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.BLANKET);
        // but the person's own later consent does
        person(OFFICE, null, true);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    void aRenewalsBlanketConsentDoesNotReopenARefusalOfAll() {
        blanket();
        person(null, null, false);
        blanket();
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
        person(null, null, true);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).as("lifted by the person").isEqualTo(ConsentState.GIVEN_ALL);
    }

    @Test
    void aRefusalByNameSurvivesARefusalOfAllFollowedByABlanketConsent() {
        person(OFFICE, null, false);
        person(null, null, false);
        blanket();
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
        // consenting to every organisation again lifts the refusal of all, not the one of the named office
        person(null, null, true);
        assertThat(state(OTHER_OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.GIVEN_ALL);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.REFUSED);
        person(OFFICE, null, true);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    void aConsentBroaderThanTheRefusalDoesNotLiftIt() {
        person(OFFICE, InformationCategory.LIFE, false);
        person(OFFICE, null, true);
        assertThat(state(OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.REFUSED);
        assertThat(state(OFFICE, InformationCategory.CARE_PLAN)).isEqualTo(ConsentState.GIVEN);
        person(OFFICE, InformationCategory.LIFE, true);
        assertThat(state(OFFICE, InformationCategory.LIFE)).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    void aConsentAnOfficeRecordedNeverLiftsThePersonsRefusal() {
        person(OFFICE, InformationCategory.BURDEN_LIMIT, false);
        add(OFFICE, InformationCategory.BURDEN_LIMIT, true, "office");
        assertThat(state(OFFICE, InformationCategory.BURDEN_LIMIT)).isEqualTo(ConsentState.REFUSED);
        person(OFFICE, InformationCategory.BURDEN_LIMIT, true);
        assertThat(state(OFFICE, InformationCategory.BURDEN_LIMIT)).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    void aConsentNamingTheOrganisationLiftsARefusalOfAllForItAlone() {
        person(null, null, false);
        person(OFFICE, null, true);
        assertThat(state(OFFICE, InformationCategory.CLAIMS)).isEqualTo(ConsentState.GIVEN);
        assertThat(state(OTHER_OFFICE, InformationCategory.CLAIMS)).isEqualTo(ConsentState.REFUSED);
    }
}
