package jp.kaigo.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.StatementSigner;
import org.springframework.stereotype.Component;

/**
 * The statements of design §2.6.1, signed by the platform's receipt key ({@link StatementSigner}, implemented in
 * {@code identity}) and chained per document: each names the SHA-256 of the previous receipt's statement, so
 * removing, reordering or changing one breaks the chain. UTF-8, one {@code key=value} per line, LF, this order.
 */
@Component
class Receipts {
    static final String FORMAT = "kaigo-receipt/1";
    private static final List<String> KEYS = List.of("receipt", "document", "kind", "version", "layout",
            "content-sha256", "sender", "sender-certificate", "recipient", "from", "to", "by", "reason", "at", "previous");
    private static final HexFormat HEX = HexFormat.of();

    private final StatementSigner signer;

    Receipts(StatementSigner signer) {
        this.signer = signer;
    }

    /** What one receipt states; {@code by} null = the platform; {@code previousStatement} null for the first. */
    record Statement(UUID documentId, int seq, DocumentKind kind, int version, String layout, byte[] contentSha256,
            Correspondent sender, String senderCertificate, Correspondent recipient, DocumentStatus from,
            DocumentStatus to, Correspondent by, String reason, Instant at, byte[] previousStatement) {
    }

    static byte[] text(Statement s) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        line(b, "receipt", s.documentId() + "/" + s.seq());
        line(b, "document", s.documentId().toString());
        line(b, "kind", s.kind().key());
        line(b, "version", Integer.toString(s.version()));
        line(b, "layout", s.layout());
        line(b, "content-sha256", HEX.formatHex(s.contentSha256()));
        line(b, "sender", s.sender().toString());
        line(b, "sender-certificate", s.senderCertificate());
        line(b, "recipient", s.recipient().toString());
        line(b, "from", s.from() == null ? null : s.from().code());
        line(b, "to", s.to().code());
        line(b, "by", s.by() == null ? "platform" : s.by().toString());
        line(b, "reason", s.reason());
        line(b, "at", s.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        line(b, "previous", s.previousStatement() == null ? null : HEX.formatHex(sha256(s.previousStatement())));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String key, String value) {
        // values are codes, numbers and ids; a line break or blank in one would break the format
        String v = value == null || value.isBlank() ? "-" : value.replaceAll("[\\s=]", "_");
        b.append(key).append('=').append(v).append('\n');
    }

    /** The statement's bytes and their signature. */
    record Signed(byte[] statement, byte[] signature, String signerSerial) {
    }

    Signed sign(Statement s) {
        byte[] statement = text(s);
        StatementSigner.Signed signed = signer.sign(statement);
        return new Signed(statement, signed.signature(), signed.signerSerial());
    }

    java.util.Optional<String> certificatePem(String serial) {
        return signer.certificatePem(serial);
    }

    /**
     * Checks a document's receipts in order ({@link ReceiptChain}): each is well formed, names the same document and
     * the next sequence number, chains to the one before and carries a valid signature of a receipt certificate of
     * the platform CA. Answers the first that does not.
     */
    ReceiptCheck verify(List<Receipt> receipts) {
        List<ReceiptVerdict> verdicts = ReceiptChain.check(receipts, (r, at) ->
                signer.verify(r.statement(), r.signature(), r.signerSerial(), at) ? null : "signature");
        return verdicts.stream().filter(v -> !v.verified()).findFirst()
                .<ReceiptCheck>map(v -> new ReceiptCheck.Broken(v.position(), v.problem().name().toLowerCase(java.util.Locale.ROOT)))
                .orElse(new ReceiptCheck.Verified(receipts.size()));
    }

    /** The statement's fields, or null when it is not a well-formed statement of this format. */
    static Map<String, String> parse(byte[] statement) {
        String text = new String(statement, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            return null;
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != KEYS.size() + 1 || !lines[0].equals(FORMAT)) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            String line = lines[i + 1];
            int eq = line.indexOf('=');
            if (eq < 0 || !line.substring(0, eq).equals(KEYS.get(i))) {
                return null;
            }
            fields.put(KEYS.get(i), line.substring(eq + 1));
        }
        return fields;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
