package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kaigo.ingest.HistoryImport;
import jp.kaigo.ingest.ImportTarget;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.StoredRecord;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 要介護認定 records: their file imports (one per record type) and their reading, which only the
 * {@code access} module does, after its decision.
 */
@Configuration(proxyBeanMethods = false)
class CertificationRecords implements CareRecordSource {
    private static final Map<InformationCategory, Kind> KINDS = Map.of(
            InformationCategory.CERTIFICATION,
            new Kind(CertificationLayouts.certification(), "certification.certification_records"),
            InformationCategory.CARE_SURVEY,
            new Kind(CertificationLayouts.careSurvey(), "certification.care_survey_records"),
            InformationCategory.DOCTOR_OPINION,
            new Kind(CertificationLayouts.doctorOpinion(), "certification.doctor_opinion_records"));

    private record Kind(RecordLayout layout, String table) {
    }

    private final JdbcTemplate jdbc;

    CertificationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    ImportTarget certificationImport(InsuredRegistry registry) {
        return history(InformationCategory.CERTIFICATION, registry);
    }

    @Bean
    ImportTarget careSurveyImport(InsuredRegistry registry) {
        return history(InformationCategory.CARE_SURVEY, registry);
    }

    @Bean
    ImportTarget doctorOpinionImport(InsuredRegistry registry) {
        return history(InformationCategory.DOCTOR_OPINION, registry);
    }

    /** Any person of a registered insurer may have 認定 records (an application can precede the 資格 file). */
    private ImportTarget history(InformationCategory category, InsuredRegistry registry) {
        Kind kind = KINDS.get(category);
        return new HistoryImport(kind.layout(), kind.table(),
                insurer -> registry.insurerName(new InsurerNumber(insurer)).isPresent(), null, jdbc);
    }

    @Override
    public List<InformationCategory> categories() {
        return List.copyOf(KINDS.keySet());
    }

    @Override
    public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
        Kind kind = KINDS.get(category);
        return StoredRecord.currentHistories(jdbc, kind.layout(), kind.table(), insurerNo, insuredNo);
    }

    @Override
    public boolean opinionRequestOpen(String institutionCode, String insurerNo, String insuredNo, LocalDate today) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from certification.certification_records
                                where insurer_no = ? and insured_no = ? and opinion_institution = ?
                                  and current and not deleted
                                  and (opinion_received_on is null and opinion_requested_on >= ?::date - 180
                                       or opinion_received_on >= ?::date - 30))
                """, Boolean.class, insurerNo, insuredNo, institutionCode, today, today));
    }

    @Override
    public boolean caseOpen(String insurerNo, String insuredNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from certification.cases
                                where insurer_no = ? and insured_no = ? and status = 'open')
                """, Boolean.class, insurerNo, insuredNo));
    }

    @Override
    public boolean surveyAssignedTo(String insurerNo, String insuredNo, java.util.UUID staffId) {
        return CaseSurveys.assignedTo(jdbc, insurerNo, insuredNo, staffId);
    }

    @Override
    public java.util.Optional<jp.kaigo.shared.Period> latestCertified(String insurerNo, String insuredNo) {
        return CareCertification.latestCertified(jdbc, insurerNo, insuredNo);
    }

    // ---------------------------------------------------------------- 介護認定審査会 (design §6.2–§6.4)
    // (injected by method, not by the constructor, so that this section is an append only)

    private Agendas agendas;
    private Packets packets;

    @org.springframework.beans.factory.annotation.Autowired
    void committee(Agendas agendas, Packets packets) {
        this.agendas = agendas;
        this.packets = packets;
    }

    @Override
    public java.util.List<jp.kaigo.shared.AgendaCase> agendaCases(String insurerNo, java.util.UUID agendaId) {
        return agendas.cases(new jp.kaigo.shared.InsurerNumber(insurerNo), agendaId);
    }

    @Override
    public java.util.List<jp.kaigo.shared.AgendaCase> boardPackets(String insurerNo, java.util.UUID staffId) {
        return agendas.ofMember(new jp.kaigo.shared.InsurerNumber(insurerNo), staffId);
    }

    @Override
    public java.util.Optional<jp.kaigo.shared.AgendaCase.OfMember> packetAgenda(String insurerNo,
            java.util.UUID packetDocumentId, java.util.UUID staffId) {
        return agendas.packetAgenda(new jp.kaigo.shared.InsurerNumber(insurerNo), packetDocumentId, staffId);
    }

    @Override
    public Map<String, String> committeePacket(String insurerNo, jp.kaigo.shared.AgendaCase agendaCase,
            java.util.List<String> otherNames, java.util.List<String> phones) {
        return packets.build(new jp.kaigo.shared.InsurerNumber(insurerNo), agendaCase, otherNames, phones);
    }

    @Override
    public java.util.List<jp.kaigo.shared.AgendaSummary.Board> committeeBoards(String insurerNo) {
        return agendas.boards(new jp.kaigo.shared.InsurerNumber(insurerNo));
    }

    @Override
    public java.util.List<jp.kaigo.shared.AgendaSummary> agendas(String insurerNo) {
        return agendas.agendas(new jp.kaigo.shared.InsurerNumber(insurerNo));
    }

    @Override
    public Map<String, String> committeePacketAsWritten(String insurerNo, jp.kaigo.shared.AgendaCase agendaCase) {
        return packets.build(new jp.kaigo.shared.InsurerNumber(insurerNo), agendaCase, java.util.List.of(),
                java.util.List.of(), false);
    }
}
