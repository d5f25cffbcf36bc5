package jp.kaigo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KaigoPlatform {
    public static void main(String[] args) {
        SpringApplication.run(KaigoPlatform.class, args);
    }
}
