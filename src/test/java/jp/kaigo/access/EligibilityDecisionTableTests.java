package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.junit.jupiter.api.Test;

/**
 * Who may run 資格確認 and whether its answer shows the 負担限度額認定証, for every combination, against a table
 * written from the design (ND = national-design.md; 別紙02 = the seed's table). First matching line wins.
 */
class EligibilityDecisionTableTests {
    /** asking | job | staff signed in | designated for care | 負担限度額 consent | may run | shows 負担限度額 | source. */
    private static final String RULES = """
            *                   | *   | no  | *   | *               | no  | no  | ND A5: a signed-in staff member under the organisation's certificate
            *                   | COMMITTEE_MEMBER | * | * | *       | no  | no  | certification-online.md §6.4 K1: a 審査会委員 sees only the packets of its 合議体, no 資格確認
            municipality        | *   | *   | *   | *               | no  | no  | ND A3: 資格確認 is the office's 本人確認
            operator            | *   | *   | *   | *               | no  | no  | ND A1: the operator runs the platform, it provides no care
            medical-institution | *   | *   | no  | *               | no  | no  | ND A2 (WG-mid): 負担割合証 etc. not to institutions without care services
            *                   | *   | *   | *   | GIVEN,GIVEN_ALL | yes | yes | 別紙02 ※1: after the person's oral or written consent
            *                   | *   | *   | *   | *               | yes | no  | 別紙02: 被保険者証・負担割合証 without a mark; the 包括同意 is not that consent
            """;

    /** A committee member, a job without a rule of its own, and one that has rules elsewhere. */
    private static final List<JobType> JOBS = List.of(JobType.COMMITTEE_MEMBER, JobType.CARE_MANAGER, JobType.CLERK);

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        int rows = 0;
        for (PartyKind kind : PartyKind.values()) {
            for (JobType job : JOBS) {
                for (boolean staff : new boolean[] {false, true}) {
                    for (boolean designated : new boolean[] {false, true}) {
                        for (ConsentState consent : ConsentState.values()) {
                            EligibilityScope actual = EligibilityRules.decide(
                                    new EligibilityRules.Facts(kind, job, staff, designated, consent));
                            String[] expected = expected(kind.code(), job, staff, designated, consent);
                            String row = kind + "/" + job + "/" + staff + "/" + designated + "/" + consent;
                            assertThat(actual.permitted()).as(row).isEqualTo(expected[0].equals("yes"));
                            assertThat(actual.burdenLimit() && actual.permitted()).as(row)
                                    .isEqualTo(expected[1].equals("yes"));
                            rows++;
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(PartyKind.values().length * JOBS.size() * 4 * ConsentState.values().length);
    }

    private static String[] expected(String kind, JobType job, boolean staff, boolean designated, ConsentState consent) {
        for (String line : RULES.strip().split("\n")) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (matches(c[0], kind) && matches(c[1], job.name()) && matches(c[2], staff ? "yes" : "no")
                    && matches(c[3], designated ? "yes" : "no") && matches(c[4], consent.name())) {
                return new String[] {c[5], c[6]};
            }
        }
        throw new AssertionError("no rule");
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || List.of(pattern.split(",")).contains(value);
    }
}
