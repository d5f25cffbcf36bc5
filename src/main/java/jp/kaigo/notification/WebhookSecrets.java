package jp.kaigo.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets at rest: sealed with AES-256-GCM under the key of {@code kaigo.webhooks.secret-key} (32 bytes in
 * base64; a malformed key stops the start), a fresh 12-byte nonce each, and the subscription's id as associated data
 * (a sealed secret copied onto another subscription does not open). Each sealed secret carries the id of its key (the
 * first 16 hex digits of the key's SHA-256), so a later key rotation can tell which key opens which row. Neither the
 * key nor a secret ever appears in a log or an exception.
 */
@Component
class WebhookSecrets {
    /** The key of the main application.properties: for development only, warned about at the start. */
    static final byte[] DEVELOPMENT_KEY = "DEVELOPMENT-ONLY-KEY-NOT-FOR-USE".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private final String keyId;

    /** A secret as stored: nonce, ciphertext with its tag, and the id of the key. */
    record Sealed(byte[] nonce, byte[] ciphertext, String keyId) {
        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + "]";
        }
    }

    WebhookSecrets(@Value("${kaigo.webhooks.secret-key}") String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kaigo.webhooks.secret-key is not base64 (it must be 32 random bytes in"
                    + " base64, for AES-256)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("kaigo.webhooks.secret-key has " + bytes.length + " bytes, not 32 (it must"
                    + " be 32 random bytes in base64, for AES-256)");
        }
        if (Arrays.equals(bytes, DEVELOPMENT_KEY)) {
            log.warn("webhook secrets are sealed with the development key of application.properties: set"
                    + " KAIGO_WEBHOOKS_SECRET_KEY in production");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.keyId = keyId(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The id of the configured key. */
    String keyId() {
        return keyId;
    }

    Sealed seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(subscriptionId));
            return new Sealed(nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret of a subscription, or null when it does not open: sealed under another key (rotated without the old
     * one), or changed (the tag does not verify).
     */
    String open(UUID subscriptionId, Sealed sealed) {
        if (!keyId.equals(sealed.keyId())) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associated(subscriptionId));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associated(UUID subscriptionId) {
        return ("kaigo-webhook-secret:" + subscriptionId).getBytes(StandardCharsets.US_ASCII);
    }
}
