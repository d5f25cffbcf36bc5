package jp.kaigo.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.StatisticalSource;

/**
 * The facts of one insurer's persons as they arrive from {@code access}, gathered per person, and each person's
 * state at the end of every month of the window (or today, for the month under way): insured or not, area, sex,
 * age band, care level, place, services used, 認定 decided. Nothing here outlives the build.
 */
final class PersonMonths implements StatisticalSource.Sink {
    /** 施設サービス: a claim for one places the person in a 施設 that month. */
    private static final Set<String> FACILITY_SERVICES = Set.of("51", "52", "53", "54", "55");
    /**
     * Services outside the 区分支給限度基準額 (居宅療養管理指導, the residential ones, care management, the 償還払い
     * purchases and works, 施設 and 補足給付); every other 居宅・地域密着型 service counts against it.
     */
    private static final Set<String> OUTSIDE_LIMIT = Set.of("31", "34", "32", "33", "35", "36", "37", "54", "43", "46",
            "41", "42", "44", "45", "51", "52", "53", "55", "59");

    /** One person in one month, as counted. */
    record Month(int index, YearMonth month, String area, String sex, String ageBand, YearMonth birthMonth,
            String level, String place, int limitUnits, Map<String, long[]> services, int newCertifications,
            int renewals, int decisions, long decisionDays) {

        long usedUnits() {
            return services.entrySet().stream().filter(e -> !OUTSIDE_LIMIT.contains(e.getKey()))
                    .mapToLong(e -> e.getValue()[0]).sum();
        }

        boolean certified() {
            return !level.equals(Cubes.NOT_CERTIFIED);
        }

        /** At home with a limit and some use under it: counted for the 利用率. */
        boolean limited() {
            return certified() && place.equals(Cubes.HOME) && limitUnits > 0 && usedUnits() > 0;
        }
    }

    /** A person's facts; most persons have one history and nothing else, so the rest is made when first needed. */
    private static final class Person {
        final List<StatisticalSource.Insured> insured = new ArrayList<>(1);
        List<StatisticalSource.Certified> certified = List.of();
        Map<YearMonth, Map<String, long[]>> claims = Map.of();
        List<StatisticalSource.Decided> decided = List.of();
    }

    private final Map<String, Person> persons = new HashMap<>();
    private final Set<String> services = new TreeSet<>();

    private Person person(String insuredNo) {
        return persons.computeIfAbsent(insuredNo, n -> new Person());
    }

    @Override
    public void insured(StatisticalSource.Insured insured) {
        person(insured.insuredNo()).insured.add(insured);
    }

    @Override
    public void certified(StatisticalSource.Certified certified) {
        Person p = person(certified.insuredNo());
        if (p.certified.isEmpty()) {
            p.certified = new ArrayList<>(1);
        }
        p.certified.add(certified);
    }

    @Override
    public void claim(StatisticalSource.Claim claim) {
        if (claim.serviceType() == null) {
            return;
        }
        services.add(claim.serviceType());
        Person p = person(claim.insuredNo());
        if (p.claims.isEmpty()) {
            p.claims = new HashMap<>(4);
        }
        long[] sums = p.claims.computeIfAbsent(claim.month(), m -> new HashMap<>())
                .computeIfAbsent(claim.serviceType(), s -> new long[2]);
        sums[0] += claim.units();
        sums[1] += claim.insuranceClaim();
    }

    @Override
    public void decided(StatisticalSource.Decided decided) {
        Person p = person(decided.insuredNo());
        if (p.decided.isEmpty()) {
            p.decided = new ArrayList<>(1);
        }
        p.decided.add(decided);
    }

    /** The service types claimed, by code. */
    List<String> services() {
        return List.copyOf(services);
    }

    int size() {
        return persons.size();
    }

    /**
     * Each person's months from {@code from} to {@code to}, as of each month's end (today for the month under way),
     * for the persons insured (and at least 40) then: their 被保険者番号 and the month.
     */
    void eachMonth(YearMonth from, YearMonth to, LocalDate today, Areas areas, BiConsumer<String, Month> sink) {
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        for (Map.Entry<String, Person> entry : persons.entrySet()) {
            Person p = entry.getValue();
            for (int i = 0; i < months; i++) {
                YearMonth month = from.plusMonths(i);
                LocalDate day = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
                Month counted = state(p, i, month, day, areas);
                if (counted != null) {
                    sink.accept(entry.getKey(), counted);
                }
            }
        }
    }

    private static Month state(Person p, int index, YearMonth month, LocalDate day, Areas areas) {
        StatisticalSource.Insured insured = null;
        for (StatisticalSource.Insured spell : p.insured) {
            if (within(day, spell.validFrom(), spell.validTo())
                    && (spell.lostOn() == null || spell.lostOn().isAfter(day))) {
                insured = spell;
            }
        }
        if (insured == null || insured.birthMonth() == null || !("1".equals(insured.sex()) || "2".equals(insured.sex()))) {
            return null;
        }
        int age = (int) ChronoUnit.YEARS.between(insured.birthMonth().atDay(1), day);
        if (age < 40) {
            return null;
        }
        String band = age < 65 ? Cubes.SECOND_INSURED : age < 75 ? "65-74" : age < 85 ? "75-84" : "85+";
        String level = Cubes.NOT_CERTIFIED;
        int limit = 0;
        boolean inFacility = false;
        for (StatisticalSource.Certified c : p.certified) {
            if (within(day, c.validFrom(), c.validTo()) && c.careLevel() != null
                    && Cubes.LEVELS.contains(c.careLevel()) && c.certValidFrom() != null
                    && within(day, c.certValidFrom(), c.certValidTo())) {
                level = c.careLevel();
                limit = c.limitUnits() != null ? c.limitUnits()
                        : CareLevel.of(level).monthlyLimitUnits().orElse(0);
                inFacility = c.facilityStays().stream().anyMatch(s -> s.contains(day));
            }
        }
        Map<String, long[]> used = p.claims.getOrDefault(month, Map.of());
        inFacility |= used.keySet().stream().anyMatch(FACILITY_SERVICES::contains);
        int fresh = 0;
        int renewals = 0;
        int decisions = 0;
        long days = 0;
        for (StatisticalSource.Decided d : p.decided) {
            if (YearMonth.from(d.certifiedOn()).equals(month)) {
                fresh += "1".equals(d.applicationType()) ? 1 : 0;
                renewals += "2".equals(d.applicationType()) ? 1 : 0;
                if (d.appliedOn() != null && !d.appliedOn().isAfter(d.certifiedOn())) {
                    decisions++; // the ones timed from application to decision
                    days += ChronoUnit.DAYS.between(d.appliedOn(), d.certifiedOn());
                }
            }
        }
        return new Month(index, month, areas.of(insured.address()), insured.sex(), band, insured.birthMonth(), level,
                inFacility ? Cubes.FACILITY : Cubes.HOME, limit, used, fresh, renewals, decisions, days);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return from != null && !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
