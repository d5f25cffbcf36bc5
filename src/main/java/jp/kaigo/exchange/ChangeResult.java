package jp.kaigo.exchange;

import jp.kaigo.shared.DocumentStatus;

/** What became of a step on a document (accept, return, withdraw, new version). */
public sealed interface ChangeResult permits ChangeResult.Changed, Invalid, Refused {

    /** The document's status and version now (unchanged when the step had nothing to record). */
    record Changed(DocumentRef document, DocumentStatus status, int version) implements ChangeResult {
    }
}
