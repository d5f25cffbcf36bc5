package jp.kaigo.registry;

import jp.kaigo.ingest.ImportTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Offers one {@link ImportTarget} per record type to the ingest module. */
@Configuration(proxyBeanMethods = false)
class RegistryImports {

    @Bean
    ImportTarget insuredImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.INSURED, jdbc);
    }

    @Bean
    ImportTarget careCertificateImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.CARE_CERTIFICATE, jdbc);
    }

    @Bean
    ImportTarget burdenRatioImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.BURDEN_RATIO, jdbc);
    }

    @Bean
    ImportTarget burdenLimitImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.BURDEN_LIMIT, jdbc);
    }

    @Bean
    ImportTarget homeModificationImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.HOME_MODIFICATION, jdbc);
    }

    @Bean
    ImportTarget welfareEquipmentImport(JdbcTemplate jdbc) {
        return new RecordImport(RecordType.WELFARE_EQUIPMENT, jdbc);
    }
}
