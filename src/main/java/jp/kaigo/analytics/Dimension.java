package jp.kaigo.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dimension of a cube: its values (the parts a person falls in, then the totals), and which totals are the sum
 * of which values ("計 = 男 + 女"). A part's totals are all those above it; a value's index is its code in a cell key.
 *
 * @param name     the dimension's key (area, sex, …)
 * @param values   every value's code, parts first
 * @param labels   every value's label, as shown
 * @param totals   for each total (by index) the values it is the sum of
 * @param summable whether cells are summed into the totals when the cube is built (a service type's 計 is counted
 *                 as a value of its own instead, since one person may use several services)
 */
record Dimension(String name, List<String> values, List<String> labels, Map<Integer, List<Integer>> totals,
        boolean summable) {

    static final String TOTAL = "計";

    Dimension {
        if (values.size() > 255) {
            throw new IllegalArgumentException("a dimension has at most 255 values");
        }
        values = List.copyOf(values);
        labels = List.copyOf(labels);
        totals = Map.copyOf(totals);
    }

    int index(String value) {
        int i = values.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("no value " + value + " in " + name);
        }
        return i;
    }

    boolean has(String value) {
        return values.contains(value);
    }

    String label(int index) {
        return labels.get(index);
    }

    String label(String value) {
        return labels.get(index(value));
    }

    /** The totals a value is counted into, the nearest first. */
    List<Integer> above(int index) {
        List<Integer> above = new ArrayList<>();
        int current = index;
        boolean found = true;
        while (found) {
            found = false;
            for (Map.Entry<Integer, List<Integer>> total : totals.entrySet()) {
                if (total.getValue().contains(current)) {
                    above.add(total.getKey());
                    current = total.getKey();
                    found = true;
                    break;
                }
            }
        }
        return above;
    }

    /** A dimension of parts and one total of them all, labels equal to the codes unless given. */
    static Dimension flat(String name, Map<String, String> parts, boolean summable) {
        List<String> values = new ArrayList<>(parts.keySet());
        List<String> labels = new ArrayList<>(parts.values());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            all.add(i);
        }
        values.add(TOTAL);
        labels.add(TOTAL);
        return new Dimension(name, values, labels, Map.of(values.size() - 1, all), summable);
    }

    static Map<String, String> labelled(String... codeAndLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codeAndLabel.length; i += 2) {
            map.put(codeAndLabel[i], codeAndLabel[i + 1]);
        }
        return map;
    }
}
