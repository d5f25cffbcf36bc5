package jp.kaigo.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.audit.AccessGroup;
import jp.kaigo.audit.AccessGroups;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.shared.OfficeNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the person's page counts, against the real PostgreSQL: "who looked" grouped by organisation and day, a page
 * at a time, a break-glass look on its own line; and visits, so that a reload keeps what is new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalPageIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(100);
    @Autowired
    AuditLog audit;
    @Autowired
    Visits visits;

    @Test
    void anOfficesManyLooksOfADayAreOneGroupTenGroupsAPageAndBreakGlassApart() {
        String insurer = "44" + String.format("%04d", NEXT.getAndIncrement());
        String insured = "0000000001";
        Instant before = Instant.now().minusSeconds(1);
        List<AuditEntry> entries = new ArrayList<>();
        List<String> offices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String office = OfficeNumber.withCheckDigit("4470" + String.format("%05d", NEXT.getAndIncrement())).value();
            offices.add(office);
            for (String category : List.of("被保険者証", "被保険者証", "負担割合証")) {
                entries.add(new AuditEntry("disclosure", "office", office, "CARE_MANAGER", insurer, insured, category,
                        "介護サービスの提供", "permit:CONSENTED"));
            }
        }
        String first = offices.get(0);
        entries.add(new AuditEntry("disclosure", "office", first, "CARE_MANAGER", insurer, insured, "ケアプラン",
                "介護サービスの提供", "deny:REFUSED"));
        entries.add(new AuditEntry("disclosure", "office", first, "CARE_MANAGER", insurer, insured, "ケアプラン",
                "救急搬送", "permit:BREAK_GLASS"));
        // the person's own reads are not "who looked"
        entries.add(new AuditEntry("disclosure", "person", null, null, insurer, insured, "被保険者証", "本人による閲覧",
                "permit:SELF"));
        audit.recordAll(entries);

        AccessGroups page1 = audit.accessGroups(insurer, insured, 1, 10);
        assertThat(page1.total()).isEqualTo(14);
        assertThat(page1.groups()).hasSize(10);
        assertThat(page1.pages()).isEqualTo(2);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page1.hasPrevious()).isFalse();
        AccessGroups page2 = audit.accessGroups(insurer, insured, 2, 10);
        assertThat(page2.groups()).hasSize(4);
        assertThat(page2.hasNext()).isFalse();
        assertThat(page2.hasPrevious()).isTrue();

        List<AccessGroup> all = new ArrayList<>(page1.groups());
        all.addAll(page2.groups());
        assertThat(all).noneMatch(g -> "person".equals(g.actorKind()));
        List<AccessGroup> ofFirst = all.stream().filter(g -> first.equals(g.actorNumber())).toList();
        assertThat(ofFirst).extracting(g -> g.result() + "/" + g.emergency() + "/" + g.times())
                .containsExactlyInAnyOrder("seen/false/3", "denied/false/1", "seen/true/1");
        assertThat(ofFirst.stream().filter(g -> g.result().equals("seen") && !g.emergency()).findFirst().orElseThrow()
                .subjects()).containsExactly("被保険者証", "負担割合証");

        assertThat(audit.accessGroupsSince(insurer, insured, before)).isEqualTo(14);
        assertThat(audit.accessGroupsSince(insurer, insured, Instant.now().plusSeconds(60))).isZero();
    }

    @Test
    void aReloadWithinHalfAnHourIsTheSameVisitSoWhatWasNewStaysNew() {
        String insurer = "44" + String.format("%04d", NEXT.getAndIncrement());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(visits.arrive(insurer, "0000000001", "person", t0)).isEmpty();
        assertThat(visits.arrive(insurer, "0000000001", "person", t0.plus(10, ChronoUnit.MINUTES))).isEmpty();
        // back after 40 minutes: a new visit, measured from the end of the first
        assertThat(visits.arrive(insurer, "0000000001", "person", t0.plus(50, ChronoUnit.MINUTES)))
                .contains(t0.plus(10, ChronoUnit.MINUTES));
        // a reload five minutes later keeps the same "since"
        assertThat(visits.arrive(insurer, "0000000001", "person", t0.plus(55, ChronoUnit.MINUTES)))
                .contains(t0.plus(10, ChronoUnit.MINUTES));
        // the family member acting as guardian has visits of their own
        assertThat(visits.arrive(insurer, "0000000001", "guardian", t0.plus(55, ChronoUnit.MINUTES))).isEmpty();
    }
}
