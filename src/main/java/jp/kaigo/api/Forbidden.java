package jp.kaigo.api;

/** The caller is known but may not do this (the message says why, without personal data). */
class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
