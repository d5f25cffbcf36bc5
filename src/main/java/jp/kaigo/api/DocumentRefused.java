package jp.kaigo.api;

import jp.kaigo.exchange.Refused;

/** The exchange refused a step on a document (its status, its parties, a reused key): 404 or 409 with the code. */
class DocumentRefused extends RuntimeException {
    private final transient Refused refused;

    DocumentRefused(Refused refused) {
        super(refused.reason().code());
        this.refused = refused;
    }

    Refused refused() {
        return refused;
    }
}
