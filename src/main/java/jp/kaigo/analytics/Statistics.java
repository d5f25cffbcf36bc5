package jp.kaigo.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 2次利用 (facade; docs/design/analytics.md): a municipality's indicators — built from its records read through
 * {@code access}, protected, stored — its dashboard, its 日常生活圏域, and (in {@link Extracts}) the pseudonymised
 * extracts and each person's view of them.
 */
@Service
public class Statistics {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Months of indicators a build covers, to the last completed one. */
    static final int MONTHS = 12;
    private static final DateTimeFormatter BUILT = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm").withZone(JAPAN);
    private final AccessDecisions access;
    private final IndicatorStore store;
    private final TransactionTemplate transaction;
    private final Extracts extracts;

    Statistics(AccessDecisions access, IndicatorStore store, Extracts extracts, PlatformTransactionManager transactions) {
        this.access = access;
        this.store = store;
        this.extracts = extracts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The insurer whose statistics the staff member may use, or why not. */
    static InsurerNumber insurer(AccessDecisions access, StaffSession me, AccessDecisions.StatisticsUse use) {
        if (me.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new NotPermitted(jp.kaigo.access.AccessReason.NOT_INVOLVED.message());
        }
        InsurerNumber insurer = new InsurerNumber(me.organisation().number());
        Decision decision = access.mayUseStatistics(Actor.staff(me), insurer, use);
        if (!decision.permitted()) {
            throw new NotPermitted(decision.message());
        }
        return insurer;
    }

    /** What the last build was, if any. */
    public record Build(String builtAt, YearMonth from, YearMonth to, int persons, int millis) {
    }

    /**
     * Builds the municipality's indicators again from its records (the last {@value #MONTHS} completed months: a month
     * under way would change from one build to the next, day by day):
     * reads every person's facts through {@code access} (audited), counts, protects and replaces the stored cells.
     */
    public Build rebuild(StaffSession me) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.INDICATORS);
        LocalDate today = LocalDate.now(JAPAN);
        YearMonth to = YearMonth.from(today).minusMonths(1);
        YearMonth from = to.minusMonths(MONTHS - 1);
        long started = System.nanoTime();
        Areas areas = store.areas(insurer);
        return transaction.execute(status -> {
            store.lockBuild(insurer);
            PersonMonths facts = new PersonMonths(areas);
            access.readForStatistics(Actor.staff(me), insurer, AccessDecisions.StatisticsUse.INDICATORS,
                    from + "〜" + to, from, to, facts);
            IndicatorBuild build = new IndicatorBuild(facts, areas, from, to, today, Protection.K);
            int millis = (int) ((System.nanoTime() - started) / 1_000_000);
            store.save(insurer, build, me.staffId(), millis);
            return new Build(BUILT.format(Instant.now()), from, to, build.personCount, millis);
        });
    }

    public Optional<Build> lastBuild(StaffSession me) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.INDICATORS);
        return store.built(insurer).map(b -> new Build(BUILT.format(b.at()), b.from(), b.to(), b.persons(), b.millis()));
    }

    /** The municipality's 日常生活圏域 as "圏域名,町名" lines. */
    public String areas(StaffSession me) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.INDICATORS);
        return store.areas(insurer).areas().stream().map(a -> a.name() + "," + a.town())
                .collect(Collectors.joining("\n"));
    }

    /** Replaces the 日常生活圏域 (in effect from the next build); each bad line refused with its number, nothing kept. */
    public void defineAreas(StaffSession me, String text) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.INDICATORS);
        List<Violation> problems = new ArrayList<>();
        Areas areas = Areas.parse(text, problems);
        if (!problems.isEmpty()) {
            throw new InvalidValue(problems);
        }
        transaction.executeWithoutResult(status -> store.replaceAreas(insurer, areas));
    }

    /**
     * The dashboard for the filters (null or blank: 計, the 第1号 persons, 認定者計, the latest month with service use);
     * an unknown filter value is refused by name.
     */
    public Dashboard dashboard(StaffSession me, String area, String sex, String age, String level, String month) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.INDICATORS);
        Optional<IndicatorStore.Built> built = store.built(insurer);
        // the areas the cells were counted by: a change of the 圏域 applies from the next build
        List<String> counted = store.builtAreas(insurer);
        List<String> names = new ArrayList<>(store.areas(insurer).names().stream().filter(counted::contains).toList());
        counted.stream().filter(a -> !names.contains(a)).forEach(names::add);
        Dimension areas = Cubes.areas(names);
        String a = choose("area", "圏域", area, Dimension.TOTAL, areas);
        String s = choose("sex", "性別", sex, Dimension.TOTAL, Cubes.SEX_DIMENSION);
        String g = choose("age", "年齢階級", age, Cubes.FIRST_INSURED, Cubes.AGE_DIMENSION);
        String l = choose("level", "要介護状態区分", level, Cubes.CERTIFIED, Cubes.LEVEL_DIMENSION);
        if (built.isEmpty()) {
            return new Dashboard(new Dashboard.Filter(a, s, g, l, null), choices(areas, List.of()), null, null, null,
                    List.of());
        }
        List<IndicatorStore.PersonCell> cells = store.personCells(insurer, a, s);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = built.get().from(); !m.isAfter(built.get().to()); m = m.plusMonths(1)) {
            months.add(m);
        }
        YearMonth chosen = month(month, months, cells);
        Dashboard.Filter filter = new Dashboard.Filter(a, s, g, l, chosen);
        List<IndicatorStore.ServiceCell> services = store.serviceCells(insurer, a, s, g, l, chosen);
        return new Dashboard(filter, choices(areas, months), BUILT.format(built.get().at()), built.get().from(),
                built.get().to(), DashboardTables.of(filter, months, cells, services));
    }

    private static String choose(String field, String label, String value, String otherwise, Dimension dimension) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (!dimension.has(value.strip())) {
            throw new InvalidValue(field, label, "選べる値ではありません");
        }
        return value.strip();
    }

    private static YearMonth month(String value, List<YearMonth> months, List<IndicatorStore.PersonCell> cells) {
        if (value != null && !value.isBlank()) {
            try {
                YearMonth month = YearMonth.parse(value.strip());
                if (months.contains(month)) {
                    return month;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // refused below
            }
            throw new InvalidValue("month", "年月", "集計した月(YYYY-MM)を選んでください");
        }
        return cells.stream().filter(c -> c.users() != null && c.users() > 0).map(IndicatorStore.PersonCell::month)
                .max(YearMonth::compareTo).orElse(months.get(months.size() - 1));
    }

    private static Dashboard.Choices choices(Dimension areas, List<YearMonth> months) {
        Function<Dimension, List<Dashboard.Choice>> offered = d -> {
            List<Dashboard.Choice> list = new ArrayList<>();
            for (int i = 0; i < d.values().size(); i++) {
                list.add(new Dashboard.Choice(d.values().get(i), d.label(i)));
            }
            return list;
        };
        return new Dashboard.Choices(offered.apply(areas), offered.apply(Cubes.SEX_DIMENSION),
                offered.apply(Cubes.AGE_DIMENSION), offered.apply(Cubes.LEVEL_DIMENSION), months);
    }

    // ---------------------------------------------------------------- extracts (design §4, §5)

    /**
     * Registers and writes a pseudonymised extract of the municipality's persons for the months asked (its 市町村職員
     * only): the facts read through {@code access} (audited), persons who objected left out of a research extract,
     * one row per person and month under a key made for this extract alone; the persons included are registered.
     */
    public Extract registerExtract(StaffSession me, Extract.Request request) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.EXTRACT);
        LocalDate today = LocalDate.now(JAPAN);
        Extracts.Checked checked = Extracts.check(request, YearMonth.from(today));
        java.util.UUID id = java.util.UUID.randomUUID();
        Areas areas = store.areas(insurer);
        transaction.executeWithoutResult(status -> {
            PersonMonths facts = new PersonMonths(areas);
            access.readForStatistics(Actor.staff(me), insurer, AccessDecisions.StatisticsUse.EXTRACT,
                    "extract:" + id + " " + checked.basis().key(), checked.from(), checked.to(), facts);
            java.util.Set<String> objecting = checked.basis().objectionApplies() ? extracts.objecting(insurer)
                    : java.util.Set.of();
            ExtractRows rows = new ExtractRows(insurer.value(), checked.birthMonth());
            facts.eachMonth(checked.from(), checked.to(), today, (insuredNo, month) -> {
                if (!objecting.contains(insuredNo)) {
                    rows.add(insuredNo, month);
                }
            });
            extracts.save(id, insurer, checked, me.staffId(), rows);
        });
        return extracts.list(insurer).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The municipality's extracts, the latest first (its 市町村職員 only). */
    public List<Extract> extracts(StaffSession me) {
        return extracts.list(insurer(access, me, AccessDecisions.StatisticsUse.EXTRACT));
    }

    /** An extract's file, for delivery to its recipient; each download audited. */
    public Extract.File extractFile(StaffSession me, java.util.UUID id) {
        InsurerNumber insurer = insurer(access, me, AccessDecisions.StatisticsUse.EXTRACT);
        Extract.File file = extracts.file(insurer, id).orElseThrow(
                () -> new jp.kaigo.shared.NoSuchRecord("個票データが見つかりません"));
        access.useStatistics(Actor.staff(me), insurer, AccessDecisions.StatisticsUse.EXTRACT, "download extract:" + id);
        return file;
    }

    /** For the person signed in with their card (or their representative): the extracts that included them. */
    public Extract.Uses uses(jp.kaigo.shared.InsuredPerson me) {
        return extracts.uses(me);
    }

    /** The person objects to research extracts from now on, or takes it back. */
    public void object(jp.kaigo.shared.InsuredPerson me, boolean objecting) {
        extracts.object(me, objecting);
    }
}
