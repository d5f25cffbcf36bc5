package jp.kaigo.exchange;

/** A file sent with a document (design §2.7): its name as the sender gave it and its bytes, checked by content. */
public record NewAttachment(String fileName, byte[] content) {
}
