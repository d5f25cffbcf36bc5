package jp.kaigo.access;

import static jp.kaigo.access.RuleTable.yes;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.junit.jupiter.api.Test;

/**
 * Who uses an insurer's data for 2次利用, for every organisation kind × job × own insurer × use, decided by
 * {@link StatisticsRules} and checked against this table (docs/design/analytics.md §2). First matching line wins.
 */
class StatisticsDecisionTableTests {
    /** # | organisation kind (person = a card) | job | own insurer | use | expected | source. */
    private static final String RULES = """
            A1 | person,office,medical-institution,operator | * | * | * | NOT_INVOLVED | §2 A1: statistics and extracts are the insurer's
            A2 | municipality | COMMITTEE_MEMBER | * | * | COMMITTEE_PACKET_ONLY | §2 A2 (certification-online §6.4 K1)
            A3 | municipality | * | no | * | OTHER_INSURER | §2 A3: another municipality's insured
            A4 | municipality | * | yes | INDICATORS | OWN_STATISTICS | §2 A4: protected aggregates for the municipality's staff
            A5 | municipality | MUNICIPAL_OFFICER | yes | EXTRACT | OWN_EXTRACT | §2 A5: the officer makes extracts
            A6 | municipality | * | yes | EXTRACT | EXTRACT_OFFICER_ONLY | §2 A6
            """;
    private static final RuleTable TABLE = new RuleTable(RULES, 4);

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        RuleTable.Run run = TABLE.run("statistics decision table");
        List<PartyKind> kinds = new ArrayList<>(List.of(PartyKind.values()));
        kinds.add(null);
        for (PartyKind kind : kinds) {
            for (JobType job : JobType.values()) {
                for (boolean own : new boolean[] {false, true}) {
                    for (AccessDecisions.StatisticsUse use : AccessDecisions.StatisticsUse.values()) {
                        run.check(new String[] {kind == null ? "person" : kind.code(), job.name(), yes(own), use.name()},
                                StatisticsRules.decide(kind, job, own, use));
                    }
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }
}
