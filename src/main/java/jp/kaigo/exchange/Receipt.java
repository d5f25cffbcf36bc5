package jp.kaigo.exchange;

import java.util.UUID;

/**
 * A platform-signed receipt of one status change (design §2.6): the exact statement bytes, the DER ECDSA-SHA256
 * signature and the serial of the receipt certificate that verifies it.
 */
public record Receipt(UUID documentId, int seq, byte[] statement, byte[] signature, String signerSerial) {
}
