package jp.kaigo.claims;

import java.util.List;
import java.util.Map;
import jp.kaigo.ingest.ImportTarget;
import jp.kaigo.ingest.StoredRecord;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.InformationCategory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** 給付実績: the file import and the reads for {@code access}. */
@Configuration(proxyBeanMethods = false)
class ClaimsRecords implements CareRecordSource {
    private final JdbcTemplate jdbc;

    ClaimsRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    ImportTarget claimsImport(InsuredRegistry registry, ApplicationEventPublisher events) {
        return new ClaimsImport(jdbc, registry, events);
    }

    @Override
    public List<InformationCategory> categories() {
        return List.of(InformationCategory.CLAIMS);
    }

    @Override
    public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
        return StoredRecord.currentHistories(jdbc, ClaimsImport.LAYOUT, ClaimsImport.TABLE, insurerNo, insuredNo);
    }
}
