package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.PlanStatusRules;
import org.junit.jupiter.api.Test;

/**
 * What each act does to a care plan in each status ({@link PlanStatusRules}), checked for every status × act against
 * the table of docs/design/care-documents.md §7.1 (kept in this package for its {@link RuleTable}). An expected cell is
 * the status after the act, "deleted", or the refusal. First matching line wins.
 */
class PlanStatusDecisionTableTests {
    /** # | status | act | expected | source. */
    private static final String RULES = """
            P1 | ISSUED,SUPERSEDED | * | ALREADY_ISSUED | §7.1 P1: an issued plan was given to the person; a change is a new 作成(変更)日
            P2 | * | SUBMIT | DRAFT | §7.1 P2: new words make a draft again; an answer to the old words lapses
            P3 | PROPOSED | PROPOSE | ALREADY_PROPOSED | §7.1 P3
            P3 | AGREED | PROPOSE | ALREADY_AGREED | §7.1 P3
            P3 | DECLINED | PROPOSE | PERSON_DECLINED | §7.1 P3: the person's no stands until the words change (SUBMIT)
            P3 | DRAFT | PROPOSE | PROPOSED | §7.1 P3: D-a ※4, the 原案 in the person's view
            P4 | DRAFT | AGREE,DECLINE | NOT_PROPOSED | §7.1 P4: the person answers only a 原案 shown to them
            P4 | AGREED | AGREE | ALREADY_AGREED | §7.1 P4
            P4 | DECLINED | DECLINE | ALREADY_DECLINED | §7.1 P4
            P4 | PROPOSED,DECLINED | AGREE | AGREED | §7.1 P4: the person may change their mind until 交付
            P4 | PROPOSED,AGREED | DECLINE | DECLINED | §7.1 P4
            P5 | DECLINED | RECORD_AGREEMENT | PERSON_DECLINED | §7.1 P5: the office never records over the person's own no
            P5 | AGREED | RECORD_AGREEMENT | ALREADY_AGREED | §7.1 P5
            P5 | DRAFT,PROPOSED | RECORD_AGREEMENT | AGREED | §7.1 P5: D-a ※4, how the agreement is obtained is the office's choice
            P6 | AGREED | ISSUE | ISSUED | §7.1 P6: 交付 only after the person agreed
            P6 | DECLINED | ISSUE | PERSON_DECLINED | §7.1 P6
            P6 | DRAFT,PROPOSED | ISSUE | NOT_AGREED | §7.1 P6
            P7 | * | DELETE | deleted | §7.1 P7: DLT1KYO takes back a plan not issued
            """;
    private static final RuleTable TABLE = new RuleTable(RULES, 2);

    @Test
    void everyStatusAndActIsDecidedAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        Set<RuleTable.Rule> used = new LinkedHashSet<>();
        for (PlanStatus status : PlanStatus.values()) {
            for (PlanStatusRules.Act act : PlanStatusRules.Act.values()) {
                RuleTable.Rule rule = TABLE.first(status.name(), act.name());
                used.add(rule);
                PlanStatusRules.Outcome outcome = PlanStatusRules.apply(status, act);
                String actual = !outcome.allowed() ? outcome.refusal().name()
                        : outcome.to() == null ? "deleted" : outcome.to().name();
                if (!actual.equals(rule.expected())) {
                    mismatches.add(status + " | " + act + ": expected " + rule.expected() + " (" + rule.number()
                            + ") but was " + actual);
                }
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        assertThat(TABLE.unused(used)).as("every line of the table decides some combination").isEmpty();
    }
}
