package jp.kaigo.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the persons' months into the two cubes, sums every total and decides what is suppressed, family by family
 * ({@link Cubes#PERSON_FAMILIES}, {@link Cubes#SERVICE_FAMILIES}, {@link Protection}). Pure: no database.
 */
final class IndicatorBuild {
    final YearMonth from;
    final YearMonth to;
    final Cube persons;
    final Cube services;
    /** Per cube, per measure: the suppressed cells. */
    final Map<Integer, Set<Long>> personHidden = new java.util.HashMap<>();
    final Map<Integer, Set<Long>> serviceHidden = new java.util.HashMap<>();
    final int personCount;

    IndicatorBuild(PersonMonths facts, Areas areas, YearMonth from, YearMonth to, LocalDate today, int k) {
        this.from = from;
        this.to = to;
        Dimension areaDimension = Cubes.areas(areas.names());
        Dimension serviceDimension = Cubes.services(facts.services());
        persons = Cubes.personCube(areaDimension);
        services = Cubes.serviceCube(areaDimension, serviceDimension);
        int total = serviceDimension.index(Dimension.TOTAL);
        personCount = facts.eachMonth(from, to, today, (insuredNo, m) -> {
            int area = areaDimension.index(m.area());
            int sex = Cubes.SEX_DIMENSION.index(m.sex());
            int age = Cubes.AGE_DIMENSION.index(m.ageBand());
            int level = Cubes.LEVEL_DIMENSION.index(m.level());
            boolean limited = m.limited();
            persons.add(Cube.key(m.index(), area, sex, age, level, Cubes.PLACE_DIMENSION.index(m.place())),
                    1, m.newCertifications(), m.renewals(), m.services().isEmpty() ? 0 : 1, limited ? 1 : 0,
                    limited ? m.limitUnits() : 0, limited ? m.usedUnits() : 0, m.decisions(), m.decisionDays());
            if (!m.services().isEmpty()) {
                long units = 0;
                long benefit = 0;
                for (Map.Entry<String, long[]> used : m.services().entrySet()) {
                    services.add(Cube.key(m.index(), area, sex, age, level, serviceDimension.index(used.getKey())),
                            1, used.getValue()[0], used.getValue()[1]);
                    units += used.getValue()[0];
                    benefit += used.getValue()[1];
                }
                services.add(Cube.key(m.index(), area, sex, age, level, total), 1, units, benefit);
            }
        });
        persons.sumTotals();
        services.sumTotals();
        protect(persons, Cubes.PERSON_FAMILIES, personHidden, k);
        protect(services, Cubes.SERVICE_FAMILIES, serviceHidden, k);
    }

    private static void protect(Cube cube, List<Cubes.Family> families, Map<Integer, Set<Long>> hidden, int k) {
        for (Cubes.Family family : families) {
            Set<Long> suppressed = Protection.suppressed(cube, family.counts(), family.along(), family.overlapping(), k);
            family.measures().forEach(m -> hidden.put(m, suppressed));
        }
    }

    /** The measure as published: null when suppressed. */
    static Long published(Cube cube, Map<Integer, Set<Long>> hidden, long key, int measure) {
        return hidden.get(measure).contains(key) ? null : cube.get(key, measure);
    }
}
