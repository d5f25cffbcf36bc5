package jp.kaigo.analytics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cells of a cube may not be published (docs/design/analytics.md §3): primary suppression of every cell that
 * counts between 1 and k−1 persons, then complementary suppression until, in every "total = sum of its parts" whose
 * total is published, the suppressed parts are none or at least two that together count at least k persons, and no
 * suppressed total has all its parts published. So neither one suppressed cell nor the difference of two published
 * ones (two queries that differ by fewer than k persons) can be worked out from a relation.
 */
final class Protection {
    static final int K = 10;

    private Protection() {
    }

    /**
     * @param persons the measure counting the persons a cell's numbers are made of
     * @param along   the dimensions whose totals are sums of their parts for these numbers
     * @return the suppressed cells
     */
    static Set<Long> suppressed(Cube cube, int persons, Set<Integer> along, int k) {
        Set<Long> hidden = new HashSet<>();
        for (long key : cube.keys()) {
            long n = cube.get(key, persons);
            if (n > 0 && n < k) {
                hidden.add(key);
            }
        }
        List<long[]> relations = cube.relations(along);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (long[] relation : relations) {
                changed |= protect(cube, persons, relation, hidden, k);
            }
        }
        return hidden;
    }

    /** Suppresses one more cell of the relation when it needs it; whether it did. */
    private static boolean protect(Cube cube, int persons, long[] relation, Set<Long> hidden, int k) {
        long total = relation[0];
        int hiddenParts = 0;
        long hiddenPersons = 0;
        for (int i = 1; i < relation.length; i++) {
            if (hidden.contains(relation[i])) {
                hiddenParts++;
                hiddenPersons += cube.get(relation[i], persons);
            }
        }
        boolean totalHidden = hidden.contains(total);
        boolean exposed = totalHidden ? hiddenParts == 0 && cube.get(total, persons) > 0
                : hiddenParts == 1 || (hiddenParts > 1 && hiddenPersons < k);
        if (!exposed) {
            return false;
        }
        long next = smallestPublishedPart(cube, persons, relation, hidden);
        if (next != -1) {
            hidden.add(next);
        } else if (!totalHidden) {
            hidden.add(total);
        } else {
            return false;
        }
        return true;
    }

    /** The published part with the fewest persons but at least one, or -1 when there is none. */
    private static long smallestPublishedPart(Cube cube, int persons, long[] relation, Set<Long> hidden) {
        long best = -1;
        long fewest = Long.MAX_VALUE;
        for (int i = 1; i < relation.length; i++) {
            long n = cube.get(relation[i], persons);
            if (n > 0 && n < fewest && !hidden.contains(relation[i])) {
                best = relation[i];
                fewest = n;
            }
        }
        return best;
    }
}
