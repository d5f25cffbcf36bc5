package jp.kaigo.shared;

import java.util.UUID;

/**
 * A document was sent through the platform (published by {@code exchange} inside the sending transaction):
 * identifiers and codes only, never the content.
 */
public record DocumentSent(UUID documentId, int version, DocumentKind kind, Correspondent sender,
        Correspondent recipient, String insurerNo, String insuredNo) {
}
