package jp.kaigo.analytics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cells of a cube may not be published (docs/design/analytics.md §3): primary suppression of every cell where
 * one of the family's counts is between 1 and k−1, then complementary suppression until, in every "total = sum of its
 * parts" whose total is published, the suppressed parts are none, or at least two that together count at least k for
 * every count of the family, and no suppressed total has all its parts published. So neither one suppressed cell nor
 * the difference of two published ones (two queries that differ by fewer than k) can be worked out from a relation.
 * Along a dimension whose parts may share persons (one person uses several services) the hidden parts count as the
 * largest of them, not their sum: their union is sure to be no smaller than that.
 */
final class Protection {
    static final int K = 10;

    private Protection() {
    }

    /**
     * @param counts      the measures counting what a cell's numbers are made of (persons, decisions)
     * @param along       the dimensions whose totals are sums of their parts for these numbers
     * @param overlapping those of them whose parts may share persons
     * @return the suppressed cells
     */
    static Set<Long> suppressed(Cube cube, List<Integer> counts, Set<Integer> along, Set<Integer> overlapping, int k) {
        Set<Long> hidden = new HashSet<>();
        for (long key : cube.keys()) {
            for (int count : counts) {
                long n = cube.get(key, count);
                if (n > 0 && n < k) {
                    hidden.add(key);
                }
            }
        }
        List<long[]> relations = cube.relations(along);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (long[] relation : relations) {
                changed |= protect(cube, counts, relation, overlapping.contains(along(relation)), hidden, k);
            }
        }
        return hidden;
    }

    /** The dimension a relation runs along: the one where its total's and its first part's keys differ (-1: none). */
    private static int along(long[] relation) {
        if (relation.length < 2) {
            return -1;
        }
        for (int d = 0; d < 6; d++) {
            if (Cube.value(relation[0], d) != Cube.value(relation[1], d)) {
                return d;
            }
        }
        return -1;
    }

    /** Suppresses one more cell of the relation when it needs it; whether it did. */
    private static boolean protect(Cube cube, List<Integer> counts, long[] relation, boolean overlapping,
            Set<Long> hidden, int k) {
        long total = relation[0];
        int hiddenParts = 0;
        long[] hiddenCounts = new long[counts.size()];
        for (int i = 1; i < relation.length; i++) {
            if (hidden.contains(relation[i])) {
                hiddenParts++;
                for (int c = 0; c < counts.size(); c++) {
                    long n = cube.get(relation[i], counts.get(c));
                    hiddenCounts[c] = overlapping ? Math.max(hiddenCounts[c], n) : hiddenCounts[c] + n;
                }
            }
        }
        boolean totalHidden = hidden.contains(total);
        boolean exposed;
        if (totalHidden) {
            exposed = hiddenParts == 0 && counts.stream().anyMatch(c -> cube.get(total, c) > 0);
        } else {
            exposed = hiddenParts == 1;
            for (long n : hiddenCounts) {
                exposed |= hiddenParts > 1 && n > 0 && n < k;
            }
        }
        if (!exposed) {
            return false;
        }
        long next = smallestPublishedPart(cube, counts, relation, hidden);
        if (next != -1) {
            hidden.add(next);
        } else if (!totalHidden) {
            hidden.add(total);
        } else {
            return false;
        }
        return true;
    }

    /** The published part with the fewest counted but some, or -1 when there is none. */
    private static long smallestPublishedPart(Cube cube, List<Integer> counts, long[] relation, Set<Long> hidden) {
        long best = -1;
        long fewest = Long.MAX_VALUE;
        for (int i = 1; i < relation.length; i++) {
            long part = relation[i];
            long n = counts.stream().mapToLong(c -> cube.get(part, c)).sum();
            if (n > 0 && n < fewest && !hidden.contains(part)) {
                best = part;
                fewest = n;
            }
        }
        return best;
    }
}
