package jp.kaigo.exchange;

/** A stored attachment of a document's current version, without its bytes: its number, name, size and pages. */
public record AttachmentInfo(int no, String fileName, int bytes, int pages) {
}
