package jp.kaigo.identity;

/**
 * A new staff account: the one-time-code secret (Base32) to put into an authenticator app, also as an
 * {@code otpauth://} URI for a QR code. Shown once; the platform never shows it again.
 */
public record Enrolment(String loginId, String totpSecret, String otpauthUri) {
}
