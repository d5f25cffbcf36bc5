package jp.kaigo.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts and sums by month and by one value of each dimension, every total included: the facts add to the cells of
 * the values a person falls in ({@link #add}), {@link #sumTotals} then adds every cell into the totals above its
 * values. A cell is a long key: the month's index in the top byte, each dimension's value index in a byte below.
 */
final class Cube {
    private final List<Dimension> dimensions;
    private final int measures;
    private final Map<Long, long[]> cells = new HashMap<>();

    Cube(List<Dimension> dimensions, int measures) {
        if (dimensions.size() > 6) {
            throw new IllegalArgumentException("a cube has at most 6 dimensions");
        }
        this.dimensions = List.copyOf(dimensions);
        this.measures = measures;
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    static long key(int month, int... values) {
        long key = (long) month << 48;
        for (int d = 0; d < values.length; d++) {
            key |= (long) values[d] << (8 * d);
        }
        return key;
    }

    static int month(long key) {
        return (int) (key >>> 48);
    }

    static int value(long key, int dimension) {
        return (int) ((key >>> (8 * dimension)) & 0xff);
    }

    static long with(long key, int dimension, int value) {
        return (key & ~(0xffL << (8 * dimension))) | ((long) value << (8 * dimension));
    }

    /** Adds the measures to the cell. */
    void add(long key, long... amounts) {
        long[] cell = cells.computeIfAbsent(key, k -> new long[measures]);
        for (int m = 0; m < amounts.length; m++) {
            cell[m] += amounts[m];
        }
    }

    /** Adds every cell into the totals above its values, one summable dimension after the other. */
    void sumTotals() {
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            if (!dimension.summable()) {
                continue;
            }
            for (Map.Entry<Long, long[]> cell : new ArrayList<>(cells.entrySet())) {
                for (int total : dimension.above(value(cell.getKey(), d))) {
                    add(with(cell.getKey(), d, total), cell.getValue());
                }
            }
        }
    }

    /** The cell's measures, zeros when no one is in it. */
    long[] get(long key) {
        long[] cell = cells.get(key);
        return cell == null ? new long[measures] : cell;
    }

    long get(long key, int measure) {
        long[] cell = cells.get(key);
        return cell == null ? 0 : cell[measure];
    }

    Set<Long> keys() {
        return cells.keySet();
    }

    /**
     * Every "total = sum of its parts" of the cube along the given dimensions: the total's key first, then the keys
     * of its parts that anyone is in (an empty part is zero and adds nothing).
     */
    List<long[]> relations(Set<Integer> along) {
        List<long[]> relations = new ArrayList<>();
        for (long key : cells.keySet()) {
            for (int d : along) {
                List<Integer> parts = dimensions.get(d).totals().get(value(key, d));
                if (parts == null) {
                    continue;
                }
                List<Long> present = new ArrayList<>();
                for (int part : parts) {
                    long partKey = with(key, d, part);
                    if (cells.containsKey(partKey)) {
                        present.add(partKey);
                    }
                }
                long[] relation = new long[present.size() + 1];
                relation[0] = key;
                for (int i = 0; i < present.size(); i++) {
                    relation[i + 1] = present.get(i);
                }
                relations.add(relation);
            }
        }
        return relations;
    }
}
