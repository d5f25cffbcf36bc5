package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sealing webhook secrets with AES-256-GCM (javax.crypto): what opens, what does not, and which keys start. */
class WebhookSecretsTests {
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210"
            .getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSealedSecretOpensForItsSubscriptionUnderItsKeyOnly() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        UUID subscription = UUID.randomUUID();
        WebhookSecrets.Sealed sealed = secrets.seal(subscription, "the-secret-of-the-subscription");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize("the-secret-of-the-subscription".length() + 16);
        assertThat(sealed.keyId()).isEqualTo(secrets.keyId()).matches("[0-9a-f]{16}");
        assertThat(secrets.open(subscription, sealed)).isEqualTo("the-secret-of-the-subscription");
        assertThat(secrets.open(UUID.randomUUID(), sealed)).as("copied onto another subscription").isNull();
        assertThat(new WebhookSecrets(OTHER_KEY).open(subscription, sealed)).as("another key").isNull();
        WebhookSecrets.Sealed relabelled = new WebhookSecrets.Sealed(sealed.nonce(), sealed.ciphertext(),
                new WebhookSecrets(OTHER_KEY).keyId());
        assertThat(new WebhookSecrets(OTHER_KEY).open(subscription, relabelled)).as("another key, its id forged").isNull();
        byte[] changed = sealed.ciphertext().clone();
        changed[0] ^= 1;
        assertThat(secrets.open(subscription, new WebhookSecrets.Sealed(sealed.nonce(), changed, sealed.keyId())))
                .as("a changed ciphertext").isNull();
        assertThat(secrets.seal(subscription, "the-secret-of-the-subscription").nonce()).as("a fresh nonce each time")
                .isNotEqualTo(sealed.nonce());
    }

    @Test
    void aMalformedKeyStopsTheStartWithoutShowingTheKey() {
        assertThatThrownBy(() -> new WebhookSecrets("not*base64*at*all")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kaigo.webhooks.secret-key").hasMessageNotContaining("not*base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new WebhookSecrets(shortKey)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes, not 32").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new WebhookSecrets("")).isInstanceOf(IllegalStateException.class);
    }
}
