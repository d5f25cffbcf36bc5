package jp.kaigo.exchange;

/** What became of opening a document: its view with its current version's attachments, or refused. */
public sealed interface OpenResult permits OpenResult.Opened, Refused {

    record Opened(DocumentView document, java.util.List<AttachmentInfo> attachments) implements OpenResult {
    }
}
