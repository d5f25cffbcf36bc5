package jp.kaigo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kaigo.shared.StatisticalSource;
import org.junit.jupiter.api.Test;

/**
 * No cell names anyone (docs/design/analytics.md §3), on crafted small populations: k suppression, complementary
 * suppression, and two queries that differ by one person.
 */
class ProtectionTests {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Areas AREAS = new Areas(List.of(new Areas.Area("北部", "北町"), new Areas.Area("南部", "南町")));

    private int next;

    /** {@code count} women aged 80 at 要介護3, living at home in the town. */
    private void add(PersonMonths facts, int count, String town, String level) {
        for (int i = 0; i < count; i++) {
            String no = String.format("%010d", ++next);
            facts.insured(new StatisticalSource.Insured(no, LocalDate.of(2000, 1, 1), null, "2",
                    YearMonth.of(1946, 5), "テスト市" + town + "1番地", null));
            if (level != null) {
                facts.certified(new StatisticalSource.Certified(no, LocalDate.of(2026, 1, 1), null, level,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), null, List.of()));
            }
        }
    }

    private static IndicatorBuild build(PersonMonths facts) {
        return new IndicatorBuild(facts, AREAS, MONTH, MONTH, TODAY, Protection.K);
    }

    /** The published number of persons in the cell for the area and care level (other dimensions 計), null if hidden. */
    private static Long persons(IndicatorBuild b, String area, String level) {
        var dims = b.persons.dimensions();
        long key = Cube.key(0, dims.get(Cubes.AREA).index(area), dims.get(Cubes.SEX).index("計"),
                dims.get(Cubes.AGE).index("計"), dims.get(Cubes.LEVEL).index(level), dims.get(Cubes.PLACE).index("計"));
        return IndicatorBuild.published(b.persons, b.personHidden, key, Cubes.PERSONS);
    }

    @Test
    void aCellOfFewerThanTenIsSuppressedAndOneOfTenIsShown() {
        PersonMonths facts = new PersonMonths(AREAS);
        add(facts, 10, "北町", "23");
        add(facts, 5, "南町", "24");
        add(facts, 5, "南町", "25");
        add(facts, 30, "南町", null);
        IndicatorBuild b = build(facts);

        assertThat(persons(b, "北部", "23")).isEqualTo(10);
        assertThat(persons(b, "南部", "24")).as("5 persons").isNull();
        assertThat(persons(b, "南部", "25")).isNull();
        assertThat(persons(b, "南部", "認定者計")).as("two suppressed parts of 10 persons together").isEqualTo(10);
        assertThat(persons(b, "計", "計")).isEqualTo(50);
    }

    @Test
    void aTotalWouldRevealTheSuppressedCellSoASecondCellIsSuppressed() {
        PersonMonths facts = new PersonMonths(AREAS);
        add(facts, 20, "北町", "23");
        add(facts, 3, "南町", "23");
        IndicatorBuild b = build(facts);

        assertThat(persons(b, "南部", "23")).as("3 persons: primary").isNull();
        assertThat(persons(b, "北部", "23")).as("else 23 − 20 = 3: complementary").isNull();
        assertThat(persons(b, "計", "23")).isEqualTo(23);
    }

    @Test
    void twoQueriesThatDifferByOnePersonNeverRevealThatPerson() {
        PersonMonths without = new PersonMonths(AREAS);
        add(without, 20, "北町", "23");
        PersonMonths with = new PersonMonths(AREAS);
        next = 0;
        add(with, 20, "北町", "23");
        add(with, 1, "南町", "23");

        IndicatorBuild before = build(without);
        IndicatorBuild after = build(with);

        // "要介護3 in all areas" and "要介護3 in 北部" differ by the one person in 南部
        assertThat(persons(before, "計", "23")).isEqualTo(20);
        assertThat(persons(after, "計", "23")).isEqualTo(21);
        assertThat(persons(after, "北部", "23")).as("else 21 − 20 names the person of 南部").isNull();
        assertThat(persons(after, "南部", "23")).isNull();
        // and through the care levels: 認定者計 − the published levels
        assertThat(persons(after, "南部", "認定者計")).isNull();
    }

    @Test
    void inEveryRelationOfRandomSmallPopulationsNoGroupOfFewerThanTenCanBeWorkedOut() {
        for (int seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            PersonMonths facts = new PersonMonths(AREAS);
            String[] towns = {"北町", "南町", "西町"};
            String[] levels = {null, "12", "21", "23", "25"};
            for (int group = 0; group < 12; group++) {
                add(facts, random.nextInt(14), towns[random.nextInt(3)], levels[random.nextInt(levels.length)]);
            }
            IndicatorBuild b = build(facts);
            assertNoSmallGroupDerivable(b.persons, b.personHidden, Cubes.PERSONS, Cubes.PERSON_DIMENSIONS);
        }
    }

    @Test
    void theMoneyOfAFewUsersSharingServicesCannotBeWorkedOutFromTheTotal() {
        PersonMonths facts = new PersonMonths(AREAS);
        add(facts, 20, "北町", "23");
        for (int i = 1; i <= 20; i++) {
            String no = String.format("%010d", i);
            if (i <= 15) {
                facts.claim(new StatisticalSource.Claim(no, MONTH, "11", 1000, 9000));
            } else { // the same 5 persons use two services: 5 + 5 users, but only 5 persons
                facts.claim(new StatisticalSource.Claim(no, MONTH, "13", 500, 4500));
                facts.claim(new StatisticalSource.Claim(no, MONTH, "15", 700, 6300));
            }
        }
        IndicatorBuild b = build(facts);
        var dims = b.services.dimensions();
        java.util.function.Function<String, Long> benefit = service -> IndicatorBuild.published(b.services,
                b.serviceHidden, Cube.key(0, dims.get(Cubes.AREA).index("計"), dims.get(Cubes.SEX).index("計"),
                        dims.get(Cubes.AGE).index("計"), dims.get(Cubes.LEVEL).index("23"),
                        dims.get(Cubes.SERVICE).index(service)), Cubes.BENEFIT);
        assertThat(benefit.apply("13")).isNull();
        assertThat(benefit.apply("15")).isNull();
        assertThat(benefit.apply("11") == null || benefit.apply("計") == null)
                .as("else 計 − 訪問介護 is the 給付費 of 5 persons").isTrue();
    }

    /** For every relation with its total published: no part hidden, or at least two hidden of k persons together. */
    static void assertNoSmallGroupDerivable(Cube cube, Map<Integer, Set<Long>> hidden, int measure, Set<Integer> along) {
        Set<Long> suppressed = hidden.get(measure);
        for (long[] relation : cube.relations(along)) {
            if (suppressed.contains(relation[0])) {
                continue;
            }
            long hiddenParts = 0;
            long hiddenPersons = 0;
            for (int i = 1; i < relation.length; i++) {
                if (suppressed.contains(relation[i])) {
                    hiddenParts++;
                    hiddenPersons += cube.get(relation[i], measure);
                }
            }
            assertThat(hiddenParts == 0 || (hiddenParts >= 2 && hiddenPersons >= Protection.K))
                    .as("relation with total %d: %d hidden parts of %d persons", cube.get(relation[0], measure),
                            hiddenParts, hiddenPersons)
                    .isTrue();
        }
        for (long key : cube.keys()) {
            long n = cube.get(key, measure);
            assertThat(n > 0 && n < Protection.K && !suppressed.contains(key)).as("a published cell of %d", n).isFalse();
        }
    }
}
