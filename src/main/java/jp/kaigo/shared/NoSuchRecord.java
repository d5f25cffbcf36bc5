package jp.kaigo.shared;

/** What was asked for does not exist for this caller (answered 404; the message names no person). */
public class NoSuchRecord extends RuntimeException {
    public NoSuchRecord(String message) {
        super(message, null, false, false);
    }
}
