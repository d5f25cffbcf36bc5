package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;

/**
 * Who records a step of a person's 認定 case (the imported 一次判定 first): every actor × job × 資格喪失 × consent,
 * decided by {@link AccessRules#write} for {@code CERTIFICATION} and checked against the table below, written from
 * certification-online.md §6.1 ("by the clerk"), §8.1 (the municipality, MUNICIPAL_OFFICER) and §6.4 K1.
 */
class CertificationWriteTableTests {
    /** # | actor | job | expected | source. */
    private static final RuleTable RULES = new RuleTable("""
            W1 | person-self,person-other | *                | NOT_INVOLVED          | ND A2: 要介護認定 is the insurer's 事務; the person applies, never records a step
            W2 | office,medical,operator  | *                | NOT_INVOLVED          | §8.1: the 一次判定 import is the municipality's
            W3 | municipality-own,municipality-other | COMMITTEE_MEMBER | COMMITTEE_PACKET_ONLY | §6.4 K1: a 審査会委員 reads only its packets
            W4 | municipality-other       | *                | OTHER_INSURER         | §6.1: an open case of the municipality
            W5 | municipality-own         | MUNICIPAL_OFFICER | OWN_INSURED          | §8.1: MUNICIPAL_OFFICER of the municipality
            W6 | municipality-own         | *                | MUNICIPAL_OFFICER_ONLY | §8.1: no other job records it
            """, 2);

    private static final List<String> ACTORS = List.of("person-self", "person-other", "municipality-own",
            "municipality-other", "operator", "office", "medical");

    @Test
    void onlyAMunicipalOfficerOfTheInsurerRecordsAStepOfTheCase() {
        List<String> mismatches = new ArrayList<>();
        Map<AccessReason, Integer> counts = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            for (JobType job : JobType.values()) {
                for (boolean lost : new boolean[] {false, true}) {
                    for (ConsentState consent : ConsentState.values()) {
                        AccessReason expected = AccessReason.valueOf(RULES.first(actor, job.name()).expected());
                        AccessReason actual = AccessRules.write(facts(actor, job, lost, consent));
                        counts.merge(actual, 1, Integer::sum);
                        if (expected != actual) {
                            mismatches.add(actor + "/" + job + "/" + lost + "/" + consent + " expected " + expected
                                    + " but was " + actual);
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(counts.keySet()).containsExactlyInAnyOrder(AccessReason.NOT_INVOLVED,
                AccessReason.COMMITTEE_PACKET_ONLY, AccessReason.OTHER_INSURER, AccessReason.OWN_INSURED,
                AccessReason.MUNICIPAL_OFFICER_ONLY);
    }

    private static AccessRules.Facts facts(String actorName, JobType job, boolean lost, ConsentState consent) {
        UUID staffId = UUID.nameUUIDFromBytes(job.name().getBytes());
        Actor actor = switch (actorName) {
            case "person-self", "person-other" -> Actor.person("131011", "0000100000");
            case "municipality-own", "municipality-other" -> Actor.staff(Party.municipality("131011"), staffId, job,
                    Set.of());
            case "operator" -> Actor.staff(Party.operator("1"), staffId, job, Set.of());
            case "office" -> Actor.staff(Party.office("1310100019"), staffId, job, Set.of());
            default -> Actor.staff(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131012345").value()),
                    staffId, job, Set.of());
        };
        Set<String> inCharge = actorName.equals("office") ? Set.of("43") : Set.of();
        return new AccessRules.Facts(actor, actorName.equals("person-self"), actorName.equals("municipality-own"),
                InformationCategory.CERTIFICATION, lost, inCharge, Set.of(), false, consent, false, false,
                AccessRules.Emergency.NONE);
    }
}
