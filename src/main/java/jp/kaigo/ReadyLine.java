package jp.kaigo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The last line of a start: the platform is ready, and where to open it. */
@Component
class ReadyLine {
    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "https://localhost:" + web.getWebServer().getPort();
            String management = web.getEnvironment().getProperty("local.management.port");
            log.info("ready: portal {}/portal, API {}/api{} (stop with Ctrl+C)", base, base,
                    management == null ? "" : ", metrics http://127.0.0.1:" + management + "/actuator/prometheus");
        }
    }
}
