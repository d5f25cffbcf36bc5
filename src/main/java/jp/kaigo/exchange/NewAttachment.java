package jp.kaigo.exchange;

import java.io.IOException;
import java.io.InputStream;

/** A file sent with a document (design §2.7): its name as the sender gave it and its bytes, checked by content. */
public record NewAttachment(String fileName, byte[] content) {
    /** How many files a document version may carry. */
    public static final int MOST = DocumentAttachments.MAX_ATTACHMENTS;

    /**
     * An uploaded file, read no further than one byte past the 10 MB limit (a larger file is refused as too large
     * by the check without being held whole); the caller keeps the stream and closes it.
     */
    public static NewAttachment read(String fileName, InputStream upload) throws IOException {
        return new NewAttachment(fileName, upload.readNBytes((int) PdfAttachments.MAX_BYTES + 1));
    }
}
