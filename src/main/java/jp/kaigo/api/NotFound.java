package jp.kaigo.api;

/** The addressed resource does not exist (or the caller may not know that it does). */
class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
