package jp.kaigo.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.shared.ServiceType;

/**
 * The two cubes of the indicators (docs/design/analytics.md §1) and their dimensions: persons by month × area × sex
 * × age band × care level × place, and service use by month × area × sex × age band × care level × service type.
 */
final class Cubes {
    static final int AREA = 0;
    static final int SEX = 1;
    static final int AGE = 2;
    static final int LEVEL = 3;
    static final int PLACE = 4;
    static final int SERVICE = 4;

    // measures of the person cube
    static final int PERSONS = 0;
    static final int NEW = 1;
    static final int RENEWED = 2;
    static final int USERS = 3;
    static final int LIMITED = 4;
    static final int LIMIT_UNITS = 5;
    static final int USED_UNITS = 6;
    static final int DECISIONS = 7;
    static final int DECISION_DAYS = 8;
    static final int PERSON_MEASURES = 9;

    // measures of the service cube
    static final int SERVICE_USERS = 0;
    static final int UNITS = 1;
    static final int BENEFIT = 2;
    static final int SERVICE_MEASURES = 3;

    static final String OUTSIDE_AREAS = "圏域外";
    static final String FIRST_INSURED = "1号";
    static final String SECOND_INSURED = "2号";
    static final String NOT_CERTIFIED = "00";
    static final String CERTIFIED = "認定者計";
    static final String FACILITY = "施設";
    static final String HOME = "在宅";
    static final List<String> LEVELS = List.of("12", "13", "21", "22", "23", "24", "25");

    static final Dimension SEX_DIMENSION = Dimension.flat("sex", Dimension.labelled("1", "男", "2", "女"), true);
    static final Dimension AGE_DIMENSION = new Dimension("age",
            List.of(SECOND_INSURED, "65-74", "75-84", "85+", FIRST_INSURED, Dimension.TOTAL),
            List.of("第2号(40〜64歳)", "65〜74歳", "75〜84歳", "85歳以上", "第1号計", "計"),
            Map.of(4, List.of(1, 2, 3), 5, List.of(0, 4)), true);
    static final Dimension LEVEL_DIMENSION = levels();
    static final Dimension PLACE_DIMENSION = Dimension.flat("place",
            Dimension.labelled(FACILITY, "施設", HOME, "在宅"), true);

    private Cubes() {
    }

    private static Dimension levels() {
        List<String> values = new ArrayList<>(List.of(NOT_CERTIFIED));
        List<String> labels = new ArrayList<>(List.of("認定なし"));
        for (String level : LEVELS) {
            values.add(level);
            labels.add(jp.kaigo.shared.CareLevel.of(level).name());
        }
        values.add(CERTIFIED);
        labels.add("認定者計");
        values.add(Dimension.TOTAL);
        labels.add("総数");
        return new Dimension("level", values, labels, Map.of(8, List.of(1, 2, 3, 4, 5, 6, 7), 9, List.of(0, 8)), true);
    }

    /** The municipality's areas (日常生活圏域) in its order, then 圏域外, then 計. */
    static Dimension areas(List<String> names) {
        Map<String, String> parts = new LinkedHashMap<>();
        names.forEach(n -> parts.put(n, n));
        parts.put(OUTSIDE_AREAS, OUTSIDE_AREAS);
        return Dimension.flat("area", parts, true);
    }

    /** The service types used, by code, then 計 (counted per person, not summed: one person uses several). */
    static Dimension services(List<String> codes) {
        Map<String, String> parts = new LinkedHashMap<>();
        codes.stream().sorted().forEach(c -> parts.put(c, ServiceType.find(c).map(ServiceType::name).orElse(c)));
        return Dimension.flat("service", parts, false);
    }

    static Cube personCube(Dimension areas) {
        return new Cube(List.of(areas, SEX_DIMENSION, AGE_DIMENSION, LEVEL_DIMENSION, PLACE_DIMENSION), PERSON_MEASURES);
    }

    static Cube serviceCube(Dimension areas, Dimension services) {
        return new Cube(List.of(areas, SEX_DIMENSION, AGE_DIMENSION, LEVEL_DIMENSION, services), SERVICE_MEASURES);
    }

    /**
     * The measures published together, the counts that protect them (a cell is hidden when one of them is small), the
     * dimensions along which they add up, and those of them whose parts may share persons.
     */
    record Family(String name, List<Integer> counts, List<Integer> measures, Set<Integer> along,
            Set<Integer> overlapping) {
    }

    static final Set<Integer> PERSON_DIMENSIONS = Set.of(AREA, SEX, AGE, LEVEL, PLACE);
    static final List<Family> PERSON_FAMILIES = List.of(
            new Family("persons", List.of(PERSONS), List.of(PERSONS), PERSON_DIMENSIONS, Set.of()),
            new Family("users", List.of(USERS), List.of(USERS), PERSON_DIMENSIONS, Set.of()),
            new Family("limit", List.of(LIMITED), List.of(LIMITED, LIMIT_UNITS, USED_UNITS), PERSON_DIMENSIONS, Set.of()),
            // shown side by side in one row: hidden together, or one would be the difference of the others
            new Family("decisions", List.of(NEW, RENEWED, DECISIONS), List.of(NEW, RENEWED, DECISIONS, DECISION_DAYS),
                    PERSON_DIMENSIONS, Set.of()));
    static final List<Family> SERVICE_FAMILIES = List.of(
            new Family("service users", List.of(SERVICE_USERS), List.of(SERVICE_USERS), Set.of(AREA, SEX, AGE, LEVEL),
                    Set.of()),
            // money adds up over the service types as well, whose parts share persons
            new Family("service money", List.of(SERVICE_USERS), List.of(UNITS, BENEFIT),
                    Set.of(AREA, SEX, AGE, LEVEL, SERVICE), Set.of(SERVICE)));
}
