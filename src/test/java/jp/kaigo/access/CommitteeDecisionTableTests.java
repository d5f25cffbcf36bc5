package jp.kaigo.access;

import static jp.kaigo.access.RuleTable.yes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.consent.ConsentState;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.junit.jupiter.api.Test;

/**
 * Who reads a 介護認定審査会資料 and until when, for every combination of asker × job × packet found on an own agenda
 * × membership × agenda status × publication × time, decided by {@link CommitteeRules} and checked against the table
 * of docs/design/certification-online.md §6.4 (K1–K8), each line citing its row. The first matching line wins.
 */
class CommitteeDecisionTableTests {
    /**
     * # | asker | job | on an own agenda | membership on the meeting date | agenda status | published | now | expected |
     * source. Times: the meeting is on day M (Asia/Tokyo); "before" = M−3 10:00, "meeting" = M 14:00, "last-second" =
     * M+7 23:59:59, "closed" = M+8 00:00:00, "month-after" = M+30 10:00; "earlier" = published M−7 09:00, "later" =
     * published one second after now.
     */
    private static final String RULES = """
            R7 | person,office,medical,operator | * | * | * | * | * | * | NOT_INVOLVED | §2.10 R7: the packet goes to the 合議体 and its municipality only
            K8 | municipality | !COMMITTEE_MEMBER | yes | * | * | * | * | OWN_INSURED | §6.4 K8: municipality staff, other jobs, packets of own agendas; ND A2
            K5 | municipality | !COMMITTEE_MEMBER | no | * | * | * | * | NOT_ON_AGENDA | §6.4 K5 (decision): a packet not on an own agenda is not confirmed to exist
            K2 | municipality | COMMITTEE_MEMBER | yes | never | * | * | * | OTHER_BOARD | §6.4 K2; I16-atk "a case of another 合議体"
            K3 | municipality | COMMITTEE_MEMBER | yes | * | draft,cancelled | * | * | NOT_PUBLISHED | §6.4 K3 (decision)
            K3 | municipality | COMMITTEE_MEMBER | yes | * | * | none,later | * | NOT_PUBLISHED | §6.4 K3: now < published_at
            K4 | municipality | COMMITTEE_MEMBER | yes | * | * | * | closed,month-after | WINDOW_CLOSED | §6.4 K4: from (meeting + 8 days) 00:00 JST; I16 §6 "until the meeting date + 7 days"
            K5 | municipality | COMMITTEE_MEMBER | no | * | * | * | * | NOT_ON_AGENDA | §6.4 K5 (decision): a guessed id is "not found", not "forbidden"
            K6 | municipality | COMMITTEE_MEMBER | * | not-on-meeting-day | * | * | * | NOT_MEMBER | §6.4 K6 (decision)
            K7 | municipality | COMMITTEE_MEMBER | * | * | * | * | * | BOARD_CASE | §6.4 K7: board matches ∧ published ∧ within window; 別紙02 ●(保→審); I16 §6
            """;
    private static final RuleTable TABLE = new RuleTable(RULES, 7);

    private static final LocalDate MEETING = LocalDate.of(2026, 12, 10);
    private static final Map<String, Instant> NOW = new LinkedHashMap<>();

    static {
        NOW.put("before", japan(MEETING.minusDays(3).atTime(10, 0)));
        NOW.put("meeting", japan(MEETING.atTime(14, 0)));
        NOW.put("last-second", japan(MEETING.plusDays(7).atTime(23, 59, 59)));
        NOW.put("closed", japan(MEETING.plusDays(8).atStartOfDay()));
        NOW.put("month-after", japan(MEETING.plusDays(30).atTime(10, 0)));
    }

    private static final List<String> ASKERS = List.of("person", "office", "medical", "operator", "municipality");
    private static final List<String> JOBS = List.of("MUNICIPAL_OFFICER", "CLERK", "COMMITTEE_MEMBER");
    private static final List<String> PUBLISHED = List.of("none", "earlier", "later");

    @Test
    void everyCombinationIsDecidedAsTheTableSays() {
        RuleTable.Run run = TABLE.run("committee decision table");
        for (String asker : ASKERS) {
            for (String job : JOBS) {
                for (boolean found : new boolean[] {false, true}) {
                    for (CommitteeRules.Membership membership : CommitteeRules.Membership.values()) {
                        for (CommitteeRules.AgendaStatus status : CommitteeRules.AgendaStatus.values()) {
                            for (String published : PUBLISHED) {
                                for (Map.Entry<String, Instant> now : NOW.entrySet()) {
                                    String[] facts = {asker, job, yes(found), key(membership), status.name().toLowerCase(),
                                            published, now.getKey()};
                                    AccessReason actual = CommitteeRules.decide(new CommitteeRules.Facts(actor(asker, job),
                                            found, membership, status, publishedAt(published, now.getValue()), MEETING,
                                            now.getValue()));
                                    run.check(facts, actual);
                                }
                            }
                        }
                    }
                }
            }
        }
        run.assertEveryCombinationAsTheTableSays();
    }

    /** The window's edge, in Japanese time whatever the JVM's zone: M+7 23:59:59 is open, M+8 00:00:00 is closed. */
    @Test
    void theWindowClosesAtTheStartOfTheEighthDayAfterTheMeetingInJapan() {
        assertThat(CommitteeRules.windowEnd(MEETING)).isEqualTo(Instant.parse("2026-12-17T15:00:00Z"));
        Actor member = actor("municipality", "COMMITTEE_MEMBER");
        Instant published = Instant.parse("2026-12-01T00:00:00Z");
        for (var at : Map.of("2026-12-17T14:59:59Z", AccessReason.BOARD_CASE, "2026-12-17T15:00:00Z",
                AccessReason.WINDOW_CLOSED).entrySet()) {
            assertThat(CommitteeRules.decide(new CommitteeRules.Facts(member, true,
                    CommitteeRules.Membership.ON_MEETING_DAY, CommitteeRules.AgendaStatus.PUBLISHED, published, MEETING,
                    Instant.parse(at.getKey())))).as(at.getKey()).isEqualTo(at.getValue());
        }
    }

    /**
     * K1: a 審査会委員 reads no person's record of any category (whether the person is its municipality's insured or
     * not) and runs no 資格確認; the packets come through {@link CommitteeRules} alone.
     */
    @Test
    void aCommitteeMemberReadsNoRecordAndRunsNoEligibilityCheck() {
        Actor member = actor("municipality", "COMMITTEE_MEMBER");
        for (InformationCategory category : InformationCategory.values()) {
            for (boolean own : new boolean[] {false, true}) {
                AccessRules.Facts facts = new AccessRules.Facts(member, false, own, category, false, Set.of(), Set.of(),
                        false, ConsentState.GIVEN_ALL, false, false, AccessRules.Emergency.NONE);
                assertThat(AccessRules.decide(facts)).as(category + "/" + own)
                        .isEqualTo(AccessReason.COMMITTEE_PACKET_ONLY);
            }
        }
        for (PartyKind kind : PartyKind.values()) {
            assertThat(EligibilityRules.decide(new EligibilityRules.Facts(kind, JobType.COMMITTEE_MEMBER, true, true,
                    ConsentState.GIVEN)).permitted()).as(kind.name()).isFalse();
        }
        assertThat(Purpose.of(PartyKind.MUNICIPALITY, JobType.COMMITTEE_MEMBER)).isEqualTo(Purpose.BOARD);
    }

    private static String key(CommitteeRules.Membership membership) {
        return membership.name().toLowerCase().replace('_', '-');
    }

    private static Instant publishedAt(String published, Instant now) {
        return switch (published) {
            case "none" -> null;
            case "earlier" -> japan(MEETING.minusDays(7).atTime(9, 0));
            default -> now.plusSeconds(1);
        };
    }

    private static Instant japan(LocalDateTime at) {
        return at.atZone(CommitteeRules.JAPAN).toInstant();
    }

    private static Actor actor(String asker, String job) {
        UUID staff = UUID.nameUUIDFromBytes(job.getBytes());
        JobType jobType = JobType.valueOf(job);
        return switch (asker) {
            case "person" -> Actor.person("131011", "0000100000");
            case "office" -> Actor.staff(Party.office("1310100019"), staff, jobType, Set.of());
            case "medical" -> Actor.staff(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131012345")
                    .value()), staff, jobType, Set.of());
            case "operator" -> Actor.staff(Party.operator("1"), staff, jobType, Set.of());
            default -> Actor.staff(Party.municipality("131011"), staff, jobType, Set.of());
        };
    }
}
