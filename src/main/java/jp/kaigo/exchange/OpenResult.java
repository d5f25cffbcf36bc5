package jp.kaigo.exchange;

/** What became of opening a document: its view, or refused. */
public sealed interface OpenResult permits OpenResult.Opened, Refused {

    record Opened(DocumentView document) implements OpenResult {
    }
}
