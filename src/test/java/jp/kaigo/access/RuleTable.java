package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule table as the design writes it: one rule a line, cells separated by "|", the first cell the rule's number
 * (S1, K4, …), then one cell per fact, then the expected answer and the source. A fact cell is "*" (anything), a
 * comma-separated list of values, or "!" and a list (anything but those). The first matching line wins.
 */
final class RuleTable {
    record Rule(String number, List<Cell> cells, String expected, String source) {
        boolean matches(String... facts) {
            for (int i = 0; i < facts.length; i++) {
                if (!cells.get(i).matches(facts[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    record Cell(boolean any, boolean negated, Set<String> values) {
        boolean matches(String value) {
            return any || values.contains(value) != negated;
        }

        static Cell of(String text) {
            boolean negated = text.startsWith("!");
            String list = negated ? text.substring(1) : text;
            return new Cell(text.equals("*"), negated, Set.copyOf(Arrays.stream(list.split(",")).map(String::strip).toList()));
        }
    }

    private final List<Rule> rules;
    private final int facts;

    RuleTable(String text, int facts) {
        this.facts = facts;
        this.rules = text.strip().lines().map(line -> {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (c.length != facts + 3) {
                throw new IllegalArgumentException("expected " + (facts + 3) + " cells: " + line);
            }
            return new Rule(c[0], Arrays.stream(c, 1, facts + 1).map(Cell::of).toList(), c[facts + 1], c[facts + 2]);
        }).toList();
    }

    /** The first rule that matches the facts (given in the table's column order). */
    Rule first(String... values) {
        if (values.length != facts) {
            throw new IllegalArgumentException("expected " + facts + " facts");
        }
        for (Rule rule : rules) {
            if (rule.matches(values)) {
                return rule;
            }
        }
        throw new AssertionError("no rule for " + String.join(" | ", values));
    }

    List<Rule> rules() {
        return rules;
    }

    /** The lines no combination reached (a line shadowed by the ones above it), as "number → expected". */
    List<String> unused(java.util.Collection<Rule> used) {
        return rules.stream().filter(r -> !used.contains(r)).map(r -> r.number() + " → " + r.expected()).toList();
    }

    static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    /** One pass of a test over every combination, each answer checked against the first matching line. */
    Run run(String name) {
        return new Run(name);
    }

    final class Run {
        private final String name;
        private final Set<Rule> used = new LinkedHashSet<>();
        private final List<String> mismatches = new ArrayList<>();
        private final Map<AccessReason, Integer> counts = new LinkedHashMap<>();
        private int rows;

        private Run(String name) {
            this.name = name;
        }

        void check(String[] facts, AccessReason actual) {
            check(facts, actual, AccessReason::valueOf);
        }

        /** {@code expected} reads the line's expected cell (a line may name an answer given as a fact). */
        void check(String[] facts, AccessReason actual, Function<String, AccessReason> expected) {
            Rule rule = first(facts);
            used.add(rule);
            counts.merge(actual, 1, Integer::sum);
            rows++;
            AccessReason wanted = expected.apply(rule.expected());
            if (actual != wanted && mismatches.size() < 20) {
                mismatches.add(String.join(" | ", facts) + ": expected " + wanted + " (" + rule.number() + ") but was "
                        + actual);
            }
        }

        /** Every combination answered as its line says, and every line reached by some combination. */
        void assertEveryCombinationAsTheTableSays() {
            System.out.printf("%s: %d rows, %s%n", name, rows, counts);
            assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
            assertThat(unused(used)).as("every line of the table decides some combination").isEmpty();
        }
    }
}
