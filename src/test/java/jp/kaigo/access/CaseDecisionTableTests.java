package jp.kaigo.access;

import static jp.kaigo.access.RuleTable.yes;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.junit.jupiter.api.Test;

/**
 * Who works on a person's 認定 case, for every organisation kind × job × own insurer, decided by {@link CaseRules}
 * and checked against this table (docs/design/certification-online.md §3.3, §4.1, §6.1, §6.5 "clerk of the
 * recipient municipality"; §6.4 K1). First matching line wins.
 */
class CaseDecisionTableTests {
    /** # | organisation kind (person = a card) | job | own insurer | expected | source. */
    private static final String RULES = """
            C1 | person,office,medical-institution,operator | * | * | NOT_INVOLVED | §3.3: the clerk of the recipient municipality; ARCH "access is the one place"
            C2 | municipality | COMMITTEE_MEMBER | * | COMMITTEE_PACKET_ONLY | §6.4 K1: a 審査会委員 sees packets only
            C3 | municipality | * | no | OTHER_INSURER | §3.1 A1 / ND A2: another municipality's insured
            C4 | municipality | MUNICIPAL_OFFICER | yes | OWN_INSURED | §3.3, §4.1, §6.1, §6.5: the municipality's officer (S6, S9 use the same job)
            C5 | municipality | * | yes | OFFICER_ONLY | (decision) 認定事務 is the officer's, as S6/S9 of §2.10
            """;
    private static final RuleTable TABLE = new RuleTable(RULES, 3);

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        RuleTable.Run run = TABLE.run("case decision table");
        List<PartyKind> kinds = new ArrayList<>(List.of(PartyKind.values()));
        kinds.add(null);
        for (PartyKind kind : kinds) {
            for (JobType job : JobType.values()) {
                for (boolean own : new boolean[] {false, true}) {
                    run.check(new String[] {kind == null ? "person" : kind.code(), job.name(), yes(own)},
                            CaseRules.decide(kind, job, own));
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }
}
