package jp.kaigo.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two HMAC-SHA256 values of a webhook, keyed by the subscription's secret (its text, as answered at registration):
 * the platform's signature over {@code t + "." + body} ({@code Kaigo-Signature: t=<unix seconds>,v1=<hex>}), and the
 * receiver's acknowledgement over {@code "ack." + deliveryId + "." + eventId} ({@code Kaigo-Ack: <hex>}). The ack names
 * the delivery, so an ack of another delivery (a replay) or made with another key (a forgery) does not verify.
 */
final class WebhookSignatures {
    private WebhookSignatures() {
    }

    /** The {@code Kaigo-Signature} header for a body posted at {@code unixSeconds}. */
    static String signature(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    /** The {@code Kaigo-Ack} a receiver that got the delivery answers. */
    static String ack(String secret, UUID deliveryId, UUID eventId) {
        return hmacHex(secret, "ack." + deliveryId + "." + eventId);
    }

    /** Whether {@code answered} is the ack of this delivery under this secret (compared in constant time). */
    static boolean verifiesAck(String secret, UUID deliveryId, UUID eventId, String answered) {
        if (answered == null) {
            return false;
        }
        byte[] expected = ack(secret, deliveryId, eventId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, answered.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
