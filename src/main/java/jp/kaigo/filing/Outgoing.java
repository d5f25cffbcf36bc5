package jp.kaigo.filing;

import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/**
 * A document a party sends about a person: its kind, the addressee, the field values of the kind's layout, the
 * client's idempotency key (or null), the request it answers (or null) and the TLS client certificate it came
 * under (or null).
 */
public record Outgoing(DocumentKind kind, Correspondent to, InsurerNumber insurer, InsuredNumber insured,
        Map<String, String> payload, String idempotencyKey, UUID inReplyTo, String clientCertificateSerial) {
}
