package jp.kaigo.analytics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kaigo.shared.Violation;

/**
 * A municipality's 日常生活圏域: each a name and the 町名 its addresses contain; an address belongs to the first area
 * whose 町名 it contains, else to 圏域外 (docs/design/analytics.md §1).
 */
record Areas(List<Area> areas) {

    record Area(String name, String town) {
    }

    Areas {
        areas = List.copyOf(areas);
    }

    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        areas.forEach(a -> names.add(a.name()));
        return List.copyOf(names);
    }

    String of(String address) {
        if (address != null) {
            for (Area area : areas) {
                if (address.contains(area.town())) {
                    return area.name();
                }
            }
        }
        return Cubes.OUTSIDE_AREAS;
    }

    /**
     * The areas as the municipality typed them, one "圏域名,町名" a line; every line's problem named by its number,
     * nothing kept when there is one.
     */
    static Areas parse(String text, List<Violation> problems) {
        List<Area> areas = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = (i + 1) + "行目";
            String[] parts = line.split("[,、，]", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(new Violation("areas", where, "「圏域名,町名」の形で書いてください"));
                continue;
            }
            String name = parts[0].strip();
            String town = parts[1].strip();
            if (name.length() > 30 || town.length() > 60) {
                problems.add(new Violation("areas", where, "圏域名は30文字、町名は60文字までです"));
            } else if ("=+-@".indexOf(name.charAt(0)) >= 0 || name.contains("\"")) {
                // the name goes into CSV files (tables, extracts) as it is
                problems.add(new Violation("areas", where, "圏域名は = + - @ で始められず、\" を含められません"));
            } else if (name.equals(Cubes.OUTSIDE_AREAS) || name.equals(Dimension.TOTAL)) {
                problems.add(new Violation("areas", where, "「圏域外」「計」は圏域名に使えません"));
            } else if (areas.stream().anyMatch(a -> a.town().equals(town))) {
                problems.add(new Violation("areas", where, "同じ町名が前の行にあります"));
            } else {
                areas.add(new Area(name, town));
            }
        }
        if (new LinkedHashSet<>(areas.stream().map(Area::name).toList()).size() > 20) {
            problems.add(new Violation("areas", "圏域", "圏域は20までです"));
        }
        return new Areas(areas);
    }
}
