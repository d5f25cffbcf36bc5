package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.StatementSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt-signing key (design §2.6.2): issued by the platform CA for signing only, kept across restarts,
 * renewed without losing the old certificates, and the only key whose statements verify as receipts.
 */
class ReceiptKeysTests {
    private static final byte[] STATEMENT = "kaigo-receipt/1\nreceipt=x/1\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAndVerifiesAcrossRestartsAndRenewals(@TempDir Path dir) {
        PlatformPki pki = PlatformPki.open(dir);
        StatementSigner signer = new ReceiptKeys(pki);
        StatementSigner.Signed first = signer.sign(STATEMENT);
        Instant at = Instant.now();
        assertThat(signer.verify(STATEMENT, first.signature(), first.signerSerial(), at)).isTrue();

        PlatformPki reopened = PlatformPki.open(dir);
        assertThat(reopened.receiptSigner().serial()).isEqualTo(first.signerSerial());
        reopened.renewReceiptSigner();
        StatementSigner afterRenewal = new ReceiptKeys(PlatformPki.open(dir));
        StatementSigner.Signed second = afterRenewal.sign(STATEMENT);
        assertThat(second.signerSerial()).isNotEqualTo(first.signerSerial());
        assertThat(afterRenewal.verify(STATEMENT, first.signature(), first.signerSerial(), at)).isTrue();
        assertThat(afterRenewal.verify(STATEMENT, second.signature(), second.signerSerial(), Instant.now())).isTrue();
        assertThat(afterRenewal.certificatePem(first.signerSerial())).get().asString().startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void refusesChangedStatementsUnknownSignersAndTimesOutsideTheCertificate(@TempDir Path dir) throws Exception {
        PlatformPki pki = PlatformPki.open(dir);
        StatementSigner signer = new ReceiptKeys(pki);
        StatementSigner.Signed signed = signer.sign(STATEMENT);
        byte[] changed = STATEMENT.clone();
        changed[3] ^= 1;
        assertThat(signer.verify(changed, signed.signature(), signed.signerSerial(), Instant.now())).isFalse();
        assertThat(signer.verify(STATEMENT, signed.signature(), signed.signerSerial(), Instant.now().plus(Duration.ofDays(800))))
                .isFalse();
        assertThat(signer.verify(STATEMENT, signed.signature(), "../ca", Instant.now())).isFalse();

        // a client certificate of the same CA is no receipt certificate: not for signing receipts, and not kept as one
        IssuedCredential client = pki.issue(Party.municipality(jp.kaigo.shared.InsurerNumber.withCheckDigit("13101").value()), "test", Duration.ofDays(1));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(client.privateKey());
        s.update(STATEMENT);
        byte[] byClient = s.sign();
        assertThat(signer.verify(STATEMENT, byClient, client.certificate().getSerialNumber().toString(16), Instant.now()))
                .isFalse();
        assertThat(pki.verifyReceipt(STATEMENT, byClient, client.certificate(), Instant.now())).isFalse();

        var usage = pki.receiptSigner().certificate().getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(pki.receiptSigner().certificate().getExtendedKeyUsage()).isNull();
        assertThat(Set.of(pki.receiptSigner().certificate().getSubjectX500Principal().getName().split(",")))
                .contains("OU=receipts");
    }
}
