package jp.kaigo.shared;

/** Refused because too many attempts failed recently (e.g. wrong birth dates); the message says what and until when. */
public class TooManyAttempts extends RuntimeException {
    public TooManyAttempts(String message) {
        super(message, null, false, false);
    }
}
