package jp.kaigo;

import jp.kaigo.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform: one Spring Boot application; with a command name as first argument, a command-line tool. */
@SpringBootApplication
public class KaigoPlatform {
    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        SpringApplication.run(KaigoPlatform.class, args);
    }
}
