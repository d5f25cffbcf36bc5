package jp.kaigo.registry;

import jp.kaigo.ingest.HistoryImport;
import jp.kaigo.ingest.ImportTarget;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Offers one {@link ImportTarget} per record type to the ingest module. */
@Configuration(proxyBeanMethods = false)
class RegistryImports {

    /** A certificate or usage record needs its person: someone with a current 被保険者 record of this insurer. */
    private static final String PERSON_KNOWN = """
            exists (select 1 from registry.insured_records k
                     where k.insurer_no = :insurer and k.insured_no = s.insured_no and k.current and not k.deleted)""";

    static ImportTarget history(RecordType type, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return new ReceivedImports(type, new HistoryImport(type.layout(), type.table(),
                insurer -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from registry.insurers where insurer_no = ?)", Boolean.class, insurer)),
                type == RecordType.INSURED ? null : PERSON_KNOWN, jdbc), jdbc, events);
    }

    @Bean
    ImportTarget insuredImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.INSURED, jdbc, events);
    }

    @Bean
    ImportTarget careCertificateImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.CARE_CERTIFICATE, jdbc, events);
    }

    @Bean
    ImportTarget burdenRatioImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.BURDEN_RATIO, jdbc, events);
    }

    @Bean
    ImportTarget burdenLimitImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.BURDEN_LIMIT, jdbc, events);
    }

    @Bean
    ImportTarget homeModificationImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.HOME_MODIFICATION, jdbc, events);
    }

    @Bean
    ImportTarget welfareEquipmentImport(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        return history(RecordType.WELFARE_EQUIPMENT, jdbc, events);
    }
}
