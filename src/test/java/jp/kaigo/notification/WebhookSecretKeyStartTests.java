package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import jp.kaigo.KaigoPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The platform does not start with a malformed key for webhook secrets (it would seal secrets nobody can open, or
 * none at all), and says which setting is wrong without showing the value.
 */
class WebhookSecretKeyStartTests {

    @Test
    void aKeyOfSixteenBytesStopsTheStart() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        assertThatThrownBy(() -> new SpringApplicationBuilder(KaigoPlatform.class)
                .run("--server.port=0", "--kaigo.webhooks.secret-key=" + shortKey).close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("kaigo.webhooks.secret-key has 16 bytes, not 32")
                            .hasMessageNotContaining(shortKey);
                });
    }
}
