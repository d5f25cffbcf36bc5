package jp.kaigo.identity;

/** A signed-in staff member may not do this (e.g. only administrators manage staff). */
public class NotPermitted extends RuntimeException {
    public NotPermitted(String message) {
        super(message);
    }
}
