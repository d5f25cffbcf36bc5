package jp.kaigo.api;

import jp.kaigo.access.Decision;
import jp.kaigo.filing.Routed;

/** The access decision denied the read; answered 403 with the reason (never with the records' existence). */
class AccessDenied extends RuntimeException {
    private final transient Decision decision;

    AccessDenied(Decision decision) {
        super(decision.reason().name());
        this.decision = decision;
    }

    Decision decision() {
        return decision;
    }

    /** The use case's result, or this exception (403 with the reason) when {@code access} denied it. */
    static <T> T unless(Routed<T> routed) {
        if (routed instanceof Routed.Denied<T> denied) {
            throw new AccessDenied(denied.decision());
        }
        return ((Routed.Done<T>) routed).result();
    }
}
