package jp.kaigo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsurerNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty registry, generates the demo municipalities and persons and imports
 * them through the municipality file interface (the same path a real municipality's files take). On
 * every start, prints where the platform listens and a ready-made 資格確認 call for a demo person.
 */
@Component
@ConditionalOnProperty(name = "kaigo.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    static final long SEED = 20_261_125L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final InsuredRegistry registry;
    private final FileImports imports;
    private final ApplicationContext context;
    private final int persons;
    private final int municipalities;

    DemoData(InsuredRegistry registry, FileImports imports, ApplicationContext context,
            @Value("${kaigo.demo.persons:3000}") int persons, @Value("${kaigo.demo.municipalities:3}") int municipalities) {
        this.registry = registry;
        this.imports = imports;
        this.context = context;
        this.persons = persons;
        this.municipalities = municipalities;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SyntheticData data = new SyntheticData(SEED, municipalities);
        if (registry.isEmpty()) {
            load(data);
        }
        banner(data);
    }

    private void load(SyntheticData data) throws IOException {
        log.info("loading demo data: {} persons in {} municipalities", persons, municipalities);
        data.municipalities().forEach(m -> registry.registerInsurer(new InsurerNumber(m.insurerNo()), m.name()));
        Path dir = Files.createTempDirectory("kaigo-demo-");
        try {
            for (SyntheticData.GeneratedFile file : data.writeCsv(dir, persons)) {
                try (InputStream in = Files.newInputStream(file.path())) {
                    var report = imports.importFile(new ImportRequest(file.insurerNo(), file.type().key(),
                            ImportMode.FULL, FileFormat.CSV, "UTF-8", file.path().getFileName().toString()), in);
                    log.info("demo import {} {}: {} rows, {} rejected", file.insurerNo(), file.type().key(),
                            report.rows(), report.rejectedRows());
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                log.warn("could not remove demo files in {}", dir);
            }
        }
    }

    /**
     * Logs the way in. The demo person is generated, not a real one, so showing its numbers is intended;
     * no real person's data ever reaches this banner.
     */
    private void banner(SyntheticData data) {
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        SyntheticData.Person person = null;
        for (int i = 0; i < persons && person == null; i++) {
            SyntheticData.Person p = data.person(i);
            if ("23".equals(p.careLevel()) && !p.lost()) {
                person = p;
            }
        }
        StringBuilder text = new StringBuilder()
                .append("\n==== 介護情報基盤 kaigo-platform ====\n")
                .append("API: http://localhost:").append(port).append("/api/ (項目定義: /api/layouts)\n");
        if (person != null) {
            text.append("デモの被保険者 (合成データ・要介護3): 保険者番号 ").append(person.insurerNo()).append(" 被保険者番号 ")
                    .append(person.insuredNo()).append(" 生年月日 ").append(person.birthDate()).append('\n')
                    .append("資格確認を試す:\n  curl -s -X POST http://localhost:").append(port)
                    .append("/api/eligibility -H 'Content-Type: application/json' -d '{\"insurerNo\":\"")
                    .append(person.insurerNo()).append("\",\"insuredNo\":\"").append(person.insuredNo())
                    .append("\",\"birthDate\":\"").append(person.birthDate()).append("\"}'\n");
        }
        text.append("ファイルの取込 (全量):\n  curl -s -X POST 'http://localhost:").append(port)
                .append("/api/municipalities/<保険者番号>/files/insured?mode=full' -H 'Content-Type: text/csv' --data-binary @file.csv\n")
                .append("項目定義: http://localhost:").append(port).append("/api/layouts\n")
                .append("=====================================\n");
        log.info("{}", text);
    }
}
