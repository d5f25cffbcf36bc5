package jp.kaigo.api;

import jp.kaigo.access.Decision;

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
}
