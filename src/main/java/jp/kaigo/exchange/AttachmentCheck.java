package jp.kaigo.exchange;

/** The outcome of checking one uploaded attachment ({@link PdfAttachments#check}). */
sealed interface AttachmentCheck {

    /**
     * A PDF that may be stored and shown: its bytes exactly as uploaded, their SHA-256 (lowercase hex) and its pages.
     * (A record holding an array compares it by identity; compare {@code sha256} instead.)
     */
    record Accepted(byte[] content, String sha256, int pages) implements AttachmentCheck {
        int size() {
            return content.length;
        }
    }

    /** Not stored: why. */
    record Refused(AttachmentRefusal reason) implements AttachmentCheck {
    }
}
