package jp.kaigo.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions.CaseFacts;
import jp.kaigo.access.AccessDecisions.DocumentAct;
import jp.kaigo.access.AccessDecisions.SentDocument;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facade's document decisions (design §2.10): the facts access owns (the person's insurer, 資格喪失, the offices in
 * charge, the office's designations, the actor) are read from their modules, the rest come from the use case; every
 * decision, permit or deny, is audited with the document and the action, and no name.
 */
class DocumentDecisionsTests {
    private static final String INSURER = "131011";
    private static final String OTHER_INSURER = "131029";
    private static final String PERSON = "0000100000";
    private static final Party OFFICE = Party.office("1310100019");
    private static final Party CLINIC = Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131012345").value());
    private static final CaseFacts OPEN_REQUEST = new CaseFacts(true, false, true, true, false);

    private final OfficesInCharge offices = mock(OfficesInCharge.class);
    private final InsuredRegistry registry = mock(InsuredRegistry.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final OfficeMaster master = mock(OfficeMaster.class);
    private AccessDecisions access;

    @BeforeEach
    void setUp() {
        access = new AccessDecisions(mock(Consents.class), offices, registry, audit, mock(JdbcClient.class), List.of(),
                master, mock(org.springframework.context.ApplicationEventPublisher.class),
                mock(org.springframework.transaction.PlatformTransactionManager.class), List.of(),
                mock(jp.kaigo.shared.PlanExchangeSource.class));
        when(registry.lostOnOrBefore(anyString(), any(), any())).thenReturn(Map.of());
        when(offices.officesOf(INSURER, PERSON)).thenReturn(List.of(new OfficeInCharge(UUID.randomUUID(), INSURER,
                PERSON, OFFICE.number(), "43", "居宅介護支援", LocalDate.now().minusYears(1), "card", null, null, null)));
        when(master.designatedServices(anyString(), any())).thenReturn(Set.of("43"));
    }

    @Test
    void theCareManagerOfTheOfficeInChargeAppliesOnThePersonsBehalfAndItIsAudited() {
        Actor careManager = Actor.staff(OFFICE, UUID.randomUUID(), JobType.CARE_MANAGER, Set.of(Qualification.CARE_MANAGER));
        Decision decision = access.maySend(careManager, DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(INSURER)), INSURER, PERSON, CaseFacts.NONE);
        assertThat(decision.reason()).isEqualTo(AccessReason.DAIKOU);
        assertThat(decision.category()).isEqualTo(InformationCategory.CERTIFICATION);
        AuditEntry entry = audited();
        assertThat(entry.purpose()).isEqualTo("exchange.send");
        assertThat(entry.outcome()).isEqualTo("permit:DAIKOU");
        assertThat(entry.subject()).isEqualTo("document:certification-application → municipality:" + INSURER);
        assertThat(entry.personInsured()).isEqualTo(PERSON);

        assertThat(access.maySend(careManager, DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(OTHER_INSURER)), INSURER, PERSON, CaseFacts.NONE).reason())
                .as("S5 before S4").isEqualTo(AccessReason.OTHER_INSURER);
        Actor clerk = Actor.staff(OFFICE, UUID.randomUUID(), JobType.CLERK, Set.of());
        assertThat(access.maySend(clerk, DocumentKind.CERTIFICATION_APPLICATION, Correspondent.of(Party.municipality(INSURER)),
                INSURER, PERSON, CaseFacts.NONE).reason()).isEqualTo(AccessReason.NOT_IN_CHARGE);
    }

    @Test
    void aCardSpeaksForItsOwnPersonOnly() {
        assertThat(access.maySend(Actor.person(INSURER, PERSON), DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(INSURER)), INSURER, PERSON, CaseFacts.NONE).reason())
                .isEqualTo(AccessReason.SELF);
        assertThat(access.maySend(Actor.person(INSURER, "0000200000"), DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(INSURER)), INSURER, PERSON, CaseFacts.NONE).reason())
                .isEqualTo(AccessReason.NOT_INVOLVED);
        assertThat(audited().outcome()).isEqualTo("deny:NOT_INVOLVED");
    }

    @Test
    void thePlatformTellsTheOfficeInChargeOfProgressAndNoOtherOffice() {
        Actor platform = Actor.staff(Party.municipality(INSURER), null, null, Set.of());
        assertThat(access.maySend(platform, DocumentKind.PROGRESS_NOTICE, Correspondent.of(OFFICE), INSURER, PERSON,
                CaseFacts.NONE).reason()).isEqualTo(AccessReason.OWN_INSURED);
        assertThat(access.maySend(platform, DocumentKind.PROGRESS_NOTICE, Correspondent.of(Party.office("1310100027")),
                INSURER, PERSON, CaseFacts.NONE).reason()).isEqualTo(AccessReason.NOT_INVOLVED);
    }

    @Test
    void theInstitutionAskedReadsTheRequestAndOnlyItsDoctorReturnsIt() {
        SentDocument request = new SentDocument(UUID.randomUUID(), DocumentKind.OPINION_REQUEST,
                Party.municipality(INSURER), Correspondent.of(CLINIC), INSURER, PERSON, false, false, false);
        Actor nurse = Actor.staff(CLINIC, UUID.randomUUID(), JobType.NURSE, Set.of());
        Actor doctor = Actor.staff(CLINIC, UUID.randomUUID(), JobType.DOCTOR, Set.of());
        assertThat(access.mayAct(nurse, request, DocumentAct.READ, OPEN_REQUEST).reason())
                .isEqualTo(AccessReason.OPINION_REQUESTED);
        assertThat(audited().purpose()).isEqualTo("exchange.read");
        assertThat(access.mayAct(nurse, request, DocumentAct.RETURN, OPEN_REQUEST).reason())
                .isEqualTo(AccessReason.DOCTOR_ONLY);
        assertThat(access.mayAct(doctor, request, DocumentAct.RETURN, OPEN_REQUEST).reason())
                .isEqualTo(AccessReason.OPINION_REQUESTED);
        assertThat(audited().outcome()).isEqualTo("permit:OPINION_REQUESTED");
        assertThat(audited().subject()).isEqualTo("document:opinion-request:" + request.documentId());

        Actor otherClinic = Actor.staff(Party.medicalInstitution(MedicalInstitutionCode.withCheckDigit("131019999")
                .value()), UUID.randomUUID(), JobType.DOCTOR, Set.of());
        assertThat(access.mayAct(otherClinic, request, DocumentAct.READ, OPEN_REQUEST).reason())
                .isEqualTo(AccessReason.NOT_INVOLVED);
    }

    @Test
    void aCommitteeMemberNeitherSendsNorOpensADocumentHere() {
        Actor member = Actor.staff(Party.municipality(INSURER), UUID.randomUUID(), JobType.COMMITTEE_MEMBER, Set.of());
        SentDocument application = new SentDocument(UUID.randomUUID(), DocumentKind.CERTIFICATION_APPLICATION, null,
                Correspondent.of(Party.municipality(INSURER)), INSURER, PERSON, false, false, false);
        assertThat(access.mayAct(member, application, DocumentAct.READ, CaseFacts.NONE).reason())
                .isEqualTo(AccessReason.COMMITTEE_PACKET_ONLY);
        assertThat(access.maySend(member, DocumentKind.CARE_SURVEY, Correspondent.of(Party.municipality(INSURER)), INSURER,
                PERSON, new CaseFacts(true, true, false, false, false)).reason())
                .isEqualTo(AccessReason.COMMITTEE_PACKET_ONLY);
        Actor clerk = Actor.staff(Party.municipality(INSURER), UUID.randomUUID(), JobType.MUNICIPAL_OFFICER, Set.of());
        assertThat(access.mayAct(clerk, application, DocumentAct.ACCEPT, CaseFacts.NONE).reason())
                .isEqualTo(AccessReason.OWN_INSURED);
    }

    /**
     * A member opens the packet of its 合議体 through the meeting day + 7 (Asia/Tokyo), and the opening is audited as
     * the 審査会資料 read for the 審査 — never the member's name; the day after, the window is closed (K4, K7).
     */
    @Test
    void aMemberOpensItsBoardsPacketUntilTheWindowClosesAndEachOpeningIsAudited() {
        Actor member = Actor.staff(Party.municipality(INSURER), UUID.randomUUID(), JobType.COMMITTEE_MEMBER, Set.of());
        SentDocument packet = new SentDocument(UUID.randomUUID(), DocumentKind.COMMITTEE_PACKET,
                Party.municipality(INSURER), Correspondent.board(new InsurerNumber(INSURER), "1"), INSURER, PERSON, false, false, false);
        LocalDate meeting = LocalDate.of(2026, 12, 10);
        AccessDecisions.AgendaFacts agenda = new AccessDecisions.AgendaFacts(true, true, true, true,
                java.time.Instant.parse("2026-12-01T00:00:00Z"), meeting);
        assertThat(access.mayReadPacket(member, packet, agenda, java.time.Instant.parse("2026-12-17T14:59:59Z")).reason())
                .isEqualTo(AccessReason.BOARD_CASE);
        AuditEntry entry = audited();
        assertThat(entry.outcome()).isEqualTo("permit:BOARD_CASE");
        assertThat(entry.purpose()).isEqualTo(Purpose.BOARD.label());
        assertThat(entry.staffJob()).isEqualTo("COMMITTEE_MEMBER");
        assertThat(entry.subject()).startsWith("介護認定審査会資料");
        assertThat(access.mayReadPacket(member, packet, agenda, java.time.Instant.parse("2026-12-17T15:00:00Z")).reason())
                .isEqualTo(AccessReason.WINDOW_CLOSED);
        assertThat(audited().outcome()).isEqualTo("deny:WINDOW_CLOSED");
        assertThat(access.mayReadPacket(member, packet, new AccessDecisions.AgendaFacts(true, false, false, true,
                agenda.publishedAt(), meeting), java.time.Instant.parse("2026-12-10T05:00:00Z")).reason())
                .as("another 合議体's case").isEqualTo(AccessReason.OTHER_BOARD);
        assertThat(access.mayReadPacket(Actor.staff(OFFICE, UUID.randomUUID(), JobType.CARE_MANAGER,
                Set.of(Qualification.CARE_MANAGER)), packet, agenda, java.time.Instant.parse("2026-12-10T05:00:00Z"))
                .reason()).isEqualTo(AccessReason.NOT_INVOLVED);
    }

    /** The last entry audited. */
    private AuditEntry audited() {
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(entries.capture());
        return entries.getValue();
    }
}
