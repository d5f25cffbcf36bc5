package jp.kaigo.registry;

import jp.kaigo.ingest.HistoryImport;
import jp.kaigo.ingest.ImportTarget;
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

    static ImportTarget history(RecordType type, JdbcTemplate jdbc) {
        return new ReceivedImports(type, new HistoryImport(type.layout(), type.table(),
                insurer -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from registry.insurers where insurer_no = ?)", Boolean.class, insurer)),
                type == RecordType.INSURED ? null : PERSON_KNOWN, jdbc), jdbc);
    }

    @Bean
    ImportTarget insuredImport(JdbcTemplate jdbc) {
        return history(RecordType.INSURED, jdbc);
    }

    @Bean
    ImportTarget careCertificateImport(JdbcTemplate jdbc) {
        return history(RecordType.CARE_CERTIFICATE, jdbc);
    }

    @Bean
    ImportTarget burdenRatioImport(JdbcTemplate jdbc) {
        return history(RecordType.BURDEN_RATIO, jdbc);
    }

    @Bean
    ImportTarget burdenLimitImport(JdbcTemplate jdbc) {
        return history(RecordType.BURDEN_LIMIT, jdbc);
    }

    @Bean
    ImportTarget homeModificationImport(JdbcTemplate jdbc) {
        return history(RecordType.HOME_MODIFICATION, jdbc);
    }

    @Bean
    ImportTarget welfareEquipmentImport(JdbcTemplate jdbc) {
        return history(RecordType.WELFARE_EQUIPMENT, jdbc);
    }
}
