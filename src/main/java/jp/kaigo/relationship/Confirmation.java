package jp.kaigo.relationship;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that an office confirmed a person's identity (本人確認) a moment ago, handed out with a
 * successful 資格確認 and presented when registering as 担当事業所: an HMAC over office, person, method
 * and expiry (one hour), with a key held only in this process (a restart voids open proofs).
 */
final class Confirmation {
    static final Duration VALIDITY = Duration.ofHours(1);
    private final byte[] key = new byte[32];

    Confirmation() {
        new SecureRandom().nextBytes(key);
    }

    record Claims(String officeNo, String insurerNo, String insuredNo, String method, long expires) {
    }

    String issue(String officeNo, String insurerNo, String insuredNo, String method, Instant now) {
        String body = String.join("|", officeNo, insurerNo, insuredNo, method,
                String.valueOf(now.plus(VALIDITY).getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /** The claims of a valid, unexpired proof; null if it is forged, altered or expired. */
    Claims check(String token, Instant now) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return null;
        }
        try {
            String body = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(body), Base64.getUrlDecoder().decode(parts[1]))) {
                return null;
            }
            String[] f = body.split("\\|");
            Claims claims = new Claims(f[0], f[1], f[2], f[3], Long.parseLong(f[4]));
            return claims.expires() < now.getEpochSecond() ? null : claims;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
