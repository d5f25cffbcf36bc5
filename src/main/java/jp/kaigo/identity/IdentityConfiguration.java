package jp.kaigo.identity;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** The CA that {@code jp.kaigo.PlatformTls} opened (or created) before the web server started. */
    @Bean
    PlatformPki platformPki(@Value("${kaigo.pki.dir}") String dir) {
        return PlatformPki.open(Path.of(dir));
    }

    /** J-LIS is simulated: its test CA lives beside the platform CA. */
    @Bean
    SimulatedJlis simulatedJlis(@Value("${kaigo.pki.dir}") String dir) {
        return SimulatedJlis.open(Path.of(dir).resolve("jlis"));
    }
}
