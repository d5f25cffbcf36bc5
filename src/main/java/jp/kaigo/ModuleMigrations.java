package jp.kaigo;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

/**
 * Each module's migrations in its own folder ({@code db/migration/<module>}) with its own history table, run by
 * Spring Modulith's strategy — but only for the modules that have such a folder: for the others the strategy
 * would create an empty history table and Flyway would warn "No migrations found" at every start.
 * ({@code spring.modulith.runtime.flyway-enabled} stays false so this strategy is the only one.)
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

    @Bean
    FlywayMigrationStrategy migrationsPerModule(ApplicationModuleIdentifiers modules) {
        ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(ModuleMigrations.class.getClassLoader());
        return new SpringModulithFlywayMigrationStrategy(ApplicationModuleIdentifiers.of(modules.stream()
                .filter(module -> hasMigrations(resources, module.toString())).toList()));
    }

    private static boolean hasMigrations(ResourcePatternResolver resources, String module) {
        try {
            return resources.getResources("classpath*:db/migration/" + module.replace('.', '/') + "/V*.sql").length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
