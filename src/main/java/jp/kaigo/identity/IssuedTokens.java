package jp.kaigo.identity;

/** Tokens of a staff session: the access token (60 minutes) and the refresh token (8 hours). */
public record IssuedTokens(String accessToken, long expiresInSeconds, String refreshToken, long refreshExpiresInSeconds) {
}
