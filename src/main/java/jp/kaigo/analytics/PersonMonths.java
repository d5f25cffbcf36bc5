package jp.kaigo.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.Period;
import jp.kaigo.shared.StatisticalSource;

/**
 * The facts of one insurer's persons as they arrive from {@code access}, kept per person in a compact form (days as
 * numbers, the area instead of the address: a municipality of 200,000 persons fits a small heap), and each person's
 * state at the end of every month of the window (or today, for the month under way): insured or not, area, sex, age
 * band, care level, place, services used, 認定 decided. Nothing here outlives the build.
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
    private static final int OPEN = Integer.MAX_VALUE;

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

    /** A history of the 資格 face: days since the epoch ({@link #OPEN} for none), the birth month, the area's index. */
    private record Spell(int from, int to, int lostOn, String sex, YearMonth birthMonth, short area) {
    }

    /** A history of the 認定 face: its days, the level's code, the limit, the 施設 stays as day pairs. */
    private record CareSpell(int from, int to, int certFrom, int certTo, String level, int limit, int[] stays) {
    }

    /** A 認定 decided: the day decided, the day applied for (or {@link #OPEN}), the 申請区分. */
    private record Decided(int on, int applied, String type) {
    }

    /** A person's facts; most have one history and nothing else, so the rest is made when first needed. */
    private static final class Person {
        final List<Spell> insured = new ArrayList<>(1);
        List<CareSpell> certified = List.of();
        /** Claims by (month, service): {month as year×12+month, service index, units, 保険請求額}. */
        List<long[]> claims = List.of();
        List<Decided> decided = List.of();
    }

    private final Areas areas;
    private final List<String> areaNames;
    private final Map<String, Person> persons = new HashMap<>();
    private final Map<String, Integer> services = new LinkedHashMap<>();
    private final List<String> serviceCodes = new ArrayList<>();

    PersonMonths(Areas areas) {
        this.areas = areas;
        this.areaNames = new ArrayList<>(areas.names());
        this.areaNames.add(Cubes.OUTSIDE_AREAS);
    }

    private Person person(String insuredNo) {
        return persons.computeIfAbsent(insuredNo, n -> new Person());
    }

    @Override
    public void insured(StatisticalSource.Insured insured) {
        if (insured.validFrom() == null) {
            return;
        }
        person(insured.insuredNo()).insured.add(new Spell(day(insured.validFrom()), day(insured.validTo()),
                day(insured.lostOn()), insured.sex(), insured.birthMonth(),
                (short) areaNames.indexOf(areas.of(insured.address()))));
    }

    @Override
    public void certified(StatisticalSource.Certified certified) {
        if (certified.validFrom() == null || certified.certValidFrom() == null
                || !Cubes.LEVELS.contains(certified.careLevel())) {
            return; // no level in force to count (非該当, 事業対象者, or a history without its period)
        }
        Person p = person(certified.insuredNo());
        if (p.certified.isEmpty()) {
            p.certified = new ArrayList<>(1);
        }
        int[] stays = new int[certified.facilityStays().size() * 2];
        for (int i = 0; i < certified.facilityStays().size(); i++) {
            Period stay = certified.facilityStays().get(i);
            stays[2 * i] = day(stay.from());
            stays[2 * i + 1] = day(stay.to());
        }
        int limit = certified.limitUnits() != null ? certified.limitUnits()
                : CareLevel.of(certified.careLevel()).monthlyLimitUnits().orElse(0);
        p.certified.add(new CareSpell(day(certified.validFrom()), day(certified.validTo()),
                day(certified.certValidFrom()), day(certified.certValidTo()), certified.careLevel(), limit, stays));
    }

    @Override
    public void claim(StatisticalSource.Claim claim) {
        if (claim.serviceType() == null || claim.month() == null) {
            return;
        }
        int service = services.computeIfAbsent(claim.serviceType(), code -> {
            serviceCodes.add(code);
            return serviceCodes.size() - 1;
        });
        Person p = person(claim.insuredNo());
        if (p.claims.isEmpty()) {
            p.claims = new ArrayList<>(4);
        }
        long month = monthNumber(claim.month());
        for (long[] sums : p.claims) {
            if (sums[0] == month && sums[1] == service) {
                sums[2] += claim.units();
                sums[3] += claim.insuranceClaim();
                return;
            }
        }
        p.claims.add(new long[] {month, service, claim.units(), claim.insuranceClaim()});
    }

    @Override
    public void decided(StatisticalSource.Decided decided) {
        Person p = person(decided.insuredNo());
        if (p.decided.isEmpty()) {
            p.decided = new ArrayList<>(1);
        }
        p.decided.add(new Decided(day(decided.certifiedOn()), day(decided.appliedOn()), decided.applicationType()));
    }

    /** The service types claimed, by code. */
    List<String> services() {
        return serviceCodes.stream().sorted().toList();
    }

    /**
     * Each person's months from {@code from} to {@code to}, as of each month's end (today for the month under way),
     * for the persons insured (and at least 40) then: their 被保険者番号 and the month. Answers how many persons had
     * at least one such month.
     */
    int eachMonth(YearMonth from, YearMonth to, LocalDate today, BiConsumer<String, Month> sink) {
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        int counted = 0;
        for (Map.Entry<String, Person> entry : persons.entrySet()) {
            boolean any = false;
            for (int i = 0; i < months; i++) {
                YearMonth month = from.plusMonths(i);
                LocalDate day = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
                Month state = state(entry.getValue(), i, month, day);
                if (state != null) {
                    sink.accept(entry.getKey(), state);
                    any = true;
                }
            }
            counted += any ? 1 : 0;
        }
        return counted;
    }

    private Month state(Person p, int index, YearMonth month, LocalDate date) {
        int day = day(date);
        Spell insured = null;
        for (Spell spell : p.insured) {
            if (within(day, spell.from(), spell.to()) && spell.lostOn() > day) {
                insured = spell;
            }
        }
        if (insured == null || insured.birthMonth() == null || !("1".equals(insured.sex()) || "2".equals(insured.sex()))) {
            return null;
        }
        int age = (int) ChronoUnit.YEARS.between(insured.birthMonth().atDay(1), date);
        if (age < 40) {
            return null;
        }
        String band = age < 65 ? Cubes.SECOND_INSURED : age < 75 ? "65-74" : age < 85 ? "75-84" : "85+";
        String level = Cubes.NOT_CERTIFIED;
        int limit = 0;
        boolean inFacility = false;
        for (CareSpell c : p.certified) {
            if (within(day, c.from(), c.to()) && within(day, c.certFrom(), c.certTo())) {
                level = c.level();
                limit = c.limit();
                inFacility = false;
                for (int i = 0; i < c.stays().length; i += 2) {
                    inFacility |= within(day, c.stays()[i], c.stays()[i + 1]);
                }
            }
        }
        Map<String, long[]> used = new HashMap<>(4);
        long number = monthNumber(month);
        for (long[] sums : p.claims) {
            if (sums[0] == number) {
                used.put(serviceCodes.get((int) sums[1]), new long[] {sums[2], sums[3]});
            }
        }
        inFacility |= used.keySet().stream().anyMatch(FACILITY_SERVICES::contains);
        int fresh = 0;
        int renewals = 0;
        int decisions = 0;
        long days = 0;
        int first = day(month.atDay(1));
        int last = day(month.atEndOfMonth());
        for (Decided d : p.decided) {
            if (d.on() >= first && d.on() <= last) {
                fresh += "1".equals(d.type()) ? 1 : 0;
                renewals += "2".equals(d.type()) ? 1 : 0;
                if (d.applied() != OPEN && d.applied() <= d.on()) {
                    decisions++; // the ones timed from application to decision
                    days += d.on() - d.applied();
                }
            }
        }
        return new Month(index, month, areaNames.get(insured.area()), insured.sex(), band, insured.birthMonth(), level,
                inFacility ? Cubes.FACILITY : Cubes.HOME, limit, used, fresh, renewals, decisions, days);
    }

    private static int day(LocalDate date) {
        return date == null ? OPEN : (int) date.toEpochDay();
    }

    private static long monthNumber(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    private static boolean within(int day, int from, int to) {
        return from != OPEN && day >= from && day <= to;
    }
}
