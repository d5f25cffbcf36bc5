package jp.kaigo;

import jp.kaigo.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform: one Spring Boot application; with a command name as first argument, a command-line tool. */
// no generated in-memory user with a password: callers authenticate by client certificate only
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
// nightly jobs: relationships without claims end, the audit chain is verified
@EnableScheduling
// listeners of events across modules (@ApplicationModuleListener) run after the commit on the bounded executor of
// spring.task.execution.* (threads kaigo-event-N), not on the request thread
@EnableAsync
public class KaigoPlatform {
    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        SpringApplication.run(KaigoPlatform.class, args);
    }
}
