package jp.kaigo.filing;

import java.security.cert.X509Certificate;

/**
 * The sender's own signature over a document's content (design §2.6.3; I16 §4 "signed with the institution's
 * certificate"): DER ECDSA-SHA256 (or RSA-SHA256 for an RSA key) over the SHA-256 of the canonical content, made with
 * the private key of the TLS client certificate the document is sent under ({@code certificate}, null when the
 * connection presented none, which cannot be verified).
 */
public record SenderSignature(byte[] signature, X509Certificate certificate) {
}
