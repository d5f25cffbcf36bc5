package jp.kaigo;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that change shared data run once across every platform instance on the database: each such job
 * ({@code @SchedulerLock}) takes its row in {@code public.shedlock} first, by the database's clock. Locked on the
 * method itself, so a job started by hand (or by a test) is locked like one started by the scheduler. Jobs that
 * refresh an instance's own memory or files (birth-date guesses, the CRL file) stay unlocked.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_METHOD, defaultLockAtMostFor = "PT30M")
class SchedulerLocks {
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("public.shedlock").usingDbTime().build());
    }
}
