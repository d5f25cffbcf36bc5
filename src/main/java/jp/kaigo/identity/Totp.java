package jp.kaigo.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Time-based one-time codes (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits. */
public final class Totp {
    static final int STEP_SECONDS = 30;

    private Totp() {
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP_SECONDS;
    }

    /** The code for a time step (what the staff member's authenticator app shows). */
    public static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | h[offset + 3] & 0xff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step whose code matches, allowing one step of clock drift either way and only steps after
     * {@code lastUsed} (a code is good once); -1 if none.
     */
    static long matchingStep(byte[] secret, String code, Instant now, long lastUsed) {
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (s > lastUsed && java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) {
                return s;
            }
        }
        return -1;
    }
}
