package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A webhook never makes the platform call into its own network (literal addresses: no DNS needed). */
class WebhookAddressTests {

    @Test
    void internalAddressesAreRefusedAtPostingTime() {
        for (String url : new String[] {"https://10.1.2.3/hook", "https://192.168.0.5/hook", "https://172.16.9.9/hook",
                "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://[::1]/hook",
                "https://[fd00::1]/hook", "https://0.0.0.0/hook", "https://224.0.0.1/hook"}) {
            assertThat(WebhookAddress.reachable(URI.create(url), false)).as(url).isFalse();
        }
        assertThat(WebhookAddress.reachable(URI.create("https://no-such-host.invalid/hook"), false))
                .as("a name that does not resolve").isFalse();
    }

    @Test
    void aPublicAddressIsPostedToAndLoopbackOnlyWhereAllowed() {
        assertThat(WebhookAddress.reachable(URI.create("https://93.184.216.34/hook"), false)).isTrue();
        assertThat(WebhookAddress.reachable(URI.create("http://127.0.0.1:8080/hook"), true)).isTrue();
        assertThat(WebhookAddress.reachable(URI.create("https://10.1.2.3/hook"), true)).as("private stays refused")
                .isFalse();
    }
}
