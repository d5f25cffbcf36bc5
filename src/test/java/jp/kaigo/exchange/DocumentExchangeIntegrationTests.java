package jp.kaigo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentSent;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.DocumentStatusChanged;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The exchange on the embedded PostgreSQL (design §2.1–2.6), with the certification module's own layouts (its
 * DocumentLayout beans, collected by the exchange at startup: one per kind). Each test uses
 * its own insured person, so the tests share the database without seeing each other's documents.
 */
@SpringBootTest
@RecordApplicationEvents
class DocumentExchangeIntegrationTests {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final InsurerNumber INSURER = InsurerNumber.withCheckDigit("13101");
    private static final Correspondent MUNICIPALITY = Correspondent.of(Party.municipality(INSURER.value()));
    private static final Correspondent OFFICE = Correspondent.of(Party.office("1310100019"));
    private static final Correspondent CLINIC = Correspondent.of(Party.medicalInstitution(
            MedicalInstitutionCode.withCheckDigit("131012345").value()));
    private static final UUID CLERK = UUID.randomUUID();
    private static final List<String> TABLES = List.of("documents", "document_versions", "status_changes", "receipts",
            "attachments", "idempotency_keys", "inbox", "outbox");
    /** The published sample 主治医意見書 (design §5.2), valid for certification's doctor-opinion layout. */
    private static final Map<String, String> OPINION = sampleOpinion();

    @Autowired
    DocumentExchange exchange;
    @Autowired
    JdbcClient sql;
    @Autowired
    PlatformPki pki;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    // ---------------------------------------------------------------- sending

    @Test
    void sameDocumentSentTwiceIsOneDocument() {
        InsuredNumber person = newPerson();
        SendDocument application = application(person, "key-" + UUID.randomUUID(), "1");
        SendResult first = exchange.send(application);
        SendResult again = exchange.send(application);
        assertThat(first).isInstanceOf(SendResult.Sent.class);
        DocumentRef ref = ((SendResult.Sent) first).document();
        assertThat(again).isEqualTo(new SendResult.Duplicate(ref));
        // without a key the platform derives one from the content: a browser retry is the same send too
        SendDocument keyless = application(person, null, "2");
        SendResult keylessFirst = exchange.send(keyless);
        assertThat(exchange.send(keyless)).isEqualTo(new SendResult.Duplicate(((SendResult.Sent) keylessFirst).document()));
        assertThat(documentsOf(person)).isEqualTo(2);
        assertThat(events.stream(DocumentSent.class).filter(e -> e.insuredNo().equals(person.value()))).hasSize(2);
        assertThat(exchange.history(ref)).extracting(StatusChange::to).containsExactly(DocumentStatus.SENT);
        assertThat(exchange.receipts(ref)).hasSize(1);
    }

    @Test
    void sameKeyDifferentContentIsRefused() {
        InsuredNumber person = newPerson();
        String key = "key-" + UUID.randomUUID();
        DocumentRef ref = sent(exchange.send(application(person, key, "1")));
        Map<String, Long> before = counts();
        SendResult other = exchange.send(application(person, key, "2"));
        assertThat(other).isEqualTo(new Refused(Refusal.IDEMPOTENCY_KEY_REUSED, ref.documentId()));
        assertThat(counts()).isEqualTo(before);
        // the key is the sender's: another sender may use the same key for its own document
        SendDocument byThePerson = new SendDocument(DocumentKind.CERTIFICATION_APPLICATION, INSURER, person,
                Correspondent.person(INSURER, person), MUNICIPALITY, applicationPayload("2"),
                key, null, null, null, null);
        assertThat(exchange.send(byThePerson)).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void invalidDocumentStoresNothing() {
        InsuredNumber person = newPerson();
        Map<String, Long> before = counts();
        SendResult unknownField = exchange.send(new SendDocument(DocumentKind.CERTIFICATION_APPLICATION, INSURER, person,
                OFFICE, MUNICIPALITY, withEntries(applicationPayload("9"), "diagnosis1", "x"), "k1", null, null, CLERK, null));
        assertThat(unknownField).isInstanceOf(Invalid.class);
        assertThat(((Invalid) unknownField).violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("diagnosis1", "applicationType");
        // a document of the wrong kind fails on the other kind's keys; a kind no module declares is refused
        assertThat(exchange.send(new SendDocument(DocumentKind.DOCTOR_OPINION, INSURER, person, CLINIC, MUNICIPALITY,
                applicationPayload("1"), "k2", null, null, CLERK, null)))
                .isInstanceOf(Invalid.class);
        assertThat(exchange.send(new SendDocument(DocumentKind.COMMITTEE_PACKET, INSURER, person, MUNICIPALITY,
                Correspondent.board(INSURER, "1"), Map.of("x", "y"), "k3", null, null, CLERK, null))).isInstanceOf(Invalid.class);
        assertThat(exchange.send(application(person, "bad key with spaces", "1"))).isInstanceOf(Invalid.class);
        assertThat(counts()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- steps

    @Test
    void twoClerksAcceptingAtOnceMakeOneAcceptance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                InsuredNumber person = newPerson();
                DocumentRef ref = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
                assertThat(exchange.open(ref, MUNICIPALITY, CLERK)).isInstanceOf(OpenResult.Opened.class);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ChangeResult>> clerks = new ArrayList<>();
                for (int clerk = 0; clerk < 2; clerk++) {
                    UUID staff = UUID.randomUUID();
                    clerks.add(pool.submit(() -> {
                        start.await();
                        return exchange.accept(ref, MUNICIPALITY, staff);
                    }));
                }
                start.countDown();
                List<ChangeResult> results = new ArrayList<>();
                for (Future<ChangeResult> clerk : clerks) {
                    results.add(clerk.get());
                }
                assertThat(results).filteredOn(r -> r instanceof ChangeResult.Changed).hasSize(1);
                assertThat(results).filteredOn(r -> r instanceof Refused).hasSize(1)
                        .allSatisfy(r -> assertThat(((Refused) r).reason()).isIn(Refusal.STATUS_CHANGED, Refusal.TERMINAL_STATUS));
                assertThat(exchange.history(ref)).extracting(StatusChange::to).containsExactly(DocumentStatus.SENT,
                        DocumentStatus.DELIVERED, DocumentStatus.READ, DocumentStatus.ACCEPTED);
                assertThat(exchange.verify(exchange.receipts(ref))).isEqualTo(new ReceiptCheck.Verified(4));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withdrawnDocumentTakesNoReply() {
        InsuredNumber person = newPerson();
        DocumentRef request = sent(exchange.send(new SendDocument(DocumentKind.OPINION_REQUEST, INSURER, person,
                MUNICIPALITY, CLINIC, requestPayload("2026-12-01"), "req-" + UUID.randomUUID(), null, null, CLERK, null)));
        assertThat(exchange.open(request, CLINIC, UUID.randomUUID())).isInstanceOf(OpenResult.Opened.class);
        // only the institution asked answers, and only to the municipality that asked
        assertThat(exchange.send(opinion(person, request.documentId(), OFFICE, "o1")))
                .isEqualTo(new Refused(Refusal.NOT_A_PARTY));
        assertThat(exchange.withdraw(request, CLINIC, CLERK, null)).isEqualTo(new Refused(Refusal.WRONG_SIDE));
        assertThat(exchange.withdraw(request, MUNICIPALITY, CLERK, "依頼先の誤り"))
                .isEqualTo(new ChangeResult.Changed(request, DocumentStatus.WITHDRAWN, 1));
        Map<String, Long> before = counts();
        assertThat(exchange.send(opinion(person, request.documentId(), CLINIC, "o2")))
                .isEqualTo(new Refused(Refusal.REQUEST_CLOSED));
        assertThat(counts()).isEqualTo(before);
        assertThat(exchange.accept(request, CLINIC, CLERK)).isEqualTo(new Refused(Refusal.TERMINAL_STATUS));
        assertThat(exchange.history(request).get(exchange.history(request).size() - 1).reasonCode())
                .isEqualTo(ReturnReason.WITHDRAWN_BY_SENDER);
    }

    @Test
    void oneOpinionPerRequest() {
        InsuredNumber person = newPerson();
        DocumentRef request = sent(exchange.send(new SendDocument(DocumentKind.OPINION_REQUEST, INSURER, person,
                MUNICIPALITY, CLINIC, requestPayload("2026-12-01"), "req-" + UUID.randomUUID(), null, null, CLERK, null)));
        DocumentRef answer = sent(exchange.send(opinion(person, request.documentId(), CLINIC, "o1")));
        assertThat(exchange.send(opinion(person, request.documentId(), CLINIC, "o2")))
                .isEqualTo(new Refused(Refusal.ALREADY_OPEN, answer.documentId()));
        // the request cannot be changed under its answer
        assertThat(exchange.newVersion(request, MUNICIPALITY, CLERK, requestPayload("2026-12-02"), null))
                .isEqualTo(new Refused(Refusal.REPLY_EXISTS));
    }

    @Test
    void returnedDocumentReopensOnlyByNewVersion() {
        InsuredNumber person = newPerson();
        DocumentRef ref = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isEqualTo(new Refused(Refusal.WRONG_STATUS));
        assertThat(exchange.open(ref, MUNICIPALITY, CLERK)).isInstanceOf(OpenResult.Opened.class);
        assertThat(exchange.returnDocument(ref, MUNICIPALITY, CLERK, ReturnReason.OTHER, " ")).isInstanceOf(Invalid.class);
        assertThat(exchange.returnDocument(ref, MUNICIPALITY, CLERK, ReturnReason.INCOMPLETE, "あ".repeat(401)))
                .isInstanceOf(Invalid.class);
        assertThat(exchange.returnDocument(ref, OFFICE, CLERK, ReturnReason.INCOMPLETE, null))
                .isEqualTo(new Refused(Refusal.WRONG_SIDE));
        assertThat(exchange.returnDocument(ref, MUNICIPALITY, CLERK, ReturnReason.INCOMPLETE, "申請日の記載がありません"))
                .isEqualTo(new ChangeResult.Changed(ref, DocumentStatus.RETURNED, 1));
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isEqualTo(new Refused(Refusal.RETURNED));
        assertThat(exchange.withdraw(ref, OFFICE, CLERK, null)).isEqualTo(new Refused(Refusal.RETURNED));
        OpenResult seen = exchange.open(ref, MUNICIPALITY, CLERK);
        assertThat(((OpenResult.Opened) seen).document().status()).isEqualTo(DocumentStatus.RETURNED);
        assertThat(exchange.newVersion(ref, MUNICIPALITY, CLERK, applicationPayload("2"),
                null)).isEqualTo(new Refused(Refusal.WRONG_SIDE));
        assertThat(exchange.newVersion(ref, OFFICE, CLERK, Map.of("applicationType", "2"), null)).isInstanceOf(Invalid.class);
        assertThat(exchange.newVersion(ref, OFFICE, CLERK, applicationPayload("2"), null))
                .isEqualTo(new ChangeResult.Changed(ref, DocumentStatus.SENT, 2));
        OpenResult opened = exchange.open(ref, MUNICIPALITY, CLERK);
        assertThat(((OpenResult.Opened) opened).document().payload()).containsEntry("applicationType", "2");
        assertThat(((OpenResult.Opened) opened).document().version()).isEqualTo(2);
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isEqualTo(new ChangeResult.Changed(ref, DocumentStatus.ACCEPTED, 2));
        assertThat(exchange.history(ref)).extracting(StatusChange::to).containsExactly(DocumentStatus.SENT,
                DocumentStatus.DELIVERED, DocumentStatus.READ, DocumentStatus.RETURNED, DocumentStatus.SENT,
                DocumentStatus.DELIVERED, DocumentStatus.READ, DocumentStatus.ACCEPTED);
        assertThat(exchange.outbox(OFFICE, 0)).filteredOn(e -> e.document().equals(ref))
                .extracting(Envelope::status).containsExactly(DocumentStatus.ACCEPTED);
    }

    @Test
    void listingTheInboxMarksItsPageDelivered() {
        Correspondent clinic = Correspondent.of(Party.medicalInstitution(
                MedicalInstitutionCode.withCheckDigit(String.format("1310%05d", NEXT.incrementAndGet() % 100_000)).value()));
        InsuredNumber person = newPerson();
        List<DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refs.add(sent(exchange.send(new SendDocument(DocumentKind.OPINION_REQUEST, INSURER, person, MUNICIPALITY,
                    clinic, requestPayload("2026-12-0" + (i + 1)), "r-" + UUID.randomUUID(), null, null, CLERK, null))));
        }
        assertThat(exchange.outbox(MUNICIPALITY, 0)).isNotEmpty();
        List<Envelope> page = exchange.inbox(clinic, 0);
        assertThat(page).extracting(Envelope::document).containsExactlyInAnyOrderElementsOf(refs);
        assertThat(page).extracting(Envelope::status).containsOnly(DocumentStatus.DELIVERED);
        assertThat(page).extracting(Envelope::counterpart).containsOnly(MUNICIPALITY);
        exchange.inbox(clinic, 0); // listing again records nothing more
        for (DocumentRef ref : refs) {
            assertThat(exchange.history(ref)).extracting(StatusChange::to)
                    .containsExactly(DocumentStatus.SENT, DocumentStatus.DELIVERED);
            assertThat(exchange.history(ref).get(1).by()).isNull(); // the platform
        }
    }

    /** §2.8: an acceptance inside the owner's transaction is undone with it (no document accepted without its record). */
    @Test
    void acceptanceRollsBackWithTheOwnersTransaction() {
        InsuredNumber person = newPerson();
        DocumentRef ref = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
        exchange.open(ref, MUNICIPALITY, CLERK);
        long changes = events.stream(DocumentStatusChanged.class).filter(e -> e.documentId().equals(ref.documentId())).count();
        assertThat(changes).isEqualTo(3);
        tx.executeWithoutResult(status -> {
            assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isInstanceOf(ChangeResult.Changed.class);
            status.setRollbackOnly(); // the owner refused the record
        });
        assertThat(exchange.history(ref)).extracting(StatusChange::to).last().isEqualTo(DocumentStatus.READ);
        assertThat(exchange.receipts(ref)).hasSize(3);
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isInstanceOf(ChangeResult.Changed.class);
    }

    /** §2.9: past its retention a document keeps its envelope, history and receipts, not its content. */
    @Test
    void retentionRemovesTheContentAndKeepsTheReceipts() {
        InsuredNumber person = newPerson();
        DocumentRef ref = withFourReceipts();
        DocumentRef open = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
        sql.sql("update exchange.documents set purge_after = now() - interval '1 day' where document_id = ?")
                .param(ref.documentId()).update();
        assertThat(exchange.purgeDue(java.time.Instant.now(), 1000)).isEqualTo(1);
        assertThat(exchange.payload(ref)).isEmpty();
        assertThat(exchange.payload(open)).isPresent();
        assertThat(exchange.verify(exchange.receipts(ref))).isEqualTo(new ReceiptCheck.Verified(4));
        assertThat(exchange.purgeDue(java.time.Instant.now(), 1000)).isZero();
    }

    // ---------------------------------------------------------------- receipts

    @Test
    void receiptsVerifyAndAnyChangeBreaksThem() {
        DocumentRef ref = withFourReceipts();
        List<Receipt> receipts = exchange.receipts(ref);
        assertThat(exchange.verify(receipts)).isEqualTo(new ReceiptCheck.Verified(4));
        String statement = new String(receipts.get(0).statement(), StandardCharsets.UTF_8);
        assertThat(statement).startsWith("kaigo-receipt/1\nreceipt=" + ref.documentId() + "/1\n")
                .contains("\nkind=certification-application\n", "\nfrom=-\n", "\nto=sent\n", "\nprevious=-\n",
                        "\nsender=office:1310100019\n")
                .doesNotContain(ref.insured().value());
        assertThat(new String(receipts.get(1).statement(), StandardCharsets.UTF_8)).contains("\nby=platform\n");

        // a flipped byte in a statement, or in a signature
        List<Receipt> flipped = new ArrayList<>(receipts);
        byte[] changed = receipts.get(2).statement().clone();
        changed[changed.length - 5] ^= 1;
        flipped.set(2, new Receipt(ref.documentId(), 3, changed, receipts.get(2).signature(), receipts.get(2).signerSerial()));
        assertThat(exchange.verify(flipped)).isInstanceOf(ReceiptCheck.Broken.class);
        List<Receipt> badSignature = new ArrayList<>(receipts);
        byte[] signature = receipts.get(1).signature().clone();
        signature[signature.length - 1] ^= 1;
        badSignature.set(1, new Receipt(ref.documentId(), 2, receipts.get(1).statement(), signature, receipts.get(1).signerSerial()));
        assertThat(exchange.verify(badSignature)).isEqualTo(new ReceiptCheck.Broken(2, "signature"));

        // removing the middle receipt, or swapping two, breaks the chain
        List<Receipt> withoutMiddle = new ArrayList<>(receipts);
        withoutMiddle.remove(1);
        assertThat(exchange.verify(withoutMiddle)).isEqualTo(new ReceiptCheck.Broken(2, "chain"));
        List<Receipt> swapped = new ArrayList<>(receipts);
        swapped.set(1, receipts.get(2));
        swapped.set(2, receipts.get(1));
        assertThat(exchange.verify(swapped)).isEqualTo(new ReceiptCheck.Broken(2, "chain"));
        // the certificate is there for offline checks
        assertThat(exchange.receiptCertificate(receipts.get(0).signerSerial())).get().asString()
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void afterKeyRenewalOldReceiptsStillVerify() {
        InsuredNumber person = newPerson();
        DocumentRef ref = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
        exchange.open(ref, MUNICIPALITY, CLERK);
        String before = exchange.receipts(ref).get(0).signerSerial();
        pki.renewReceiptSigner();
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isInstanceOf(ChangeResult.Changed.class);
        List<Receipt> receipts = exchange.receipts(ref);
        assertThat(receipts.get(3).signerSerial()).isNotEqualTo(before);
        assertThat(receipts.subList(0, 3)).extracting(Receipt::signerSerial).containsOnly(before);
        assertThat(exchange.verify(receipts)).isEqualTo(new ReceiptCheck.Verified(4));
    }

    // ---------------------------------------------------------------- helpers

    private DocumentRef withFourReceipts() {
        InsuredNumber person = newPerson();
        DocumentRef ref = sent(exchange.send(application(person, "k-" + UUID.randomUUID(), "1")));
        exchange.open(ref, MUNICIPALITY, CLERK);
        assertThat(exchange.accept(ref, MUNICIPALITY, CLERK)).isInstanceOf(ChangeResult.Changed.class);
        return ref;
    }

    @Test
    void aCorrectedVersionKeepsTheAttachmentsOfTheOneItCorrectsAndDropsTheSignature() throws Exception {
        byte[] pdf;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            pdf = out.toByteArray();
        }
        SendDocument first = application(newPerson(), "k-" + UUID.randomUUID(), "1");
        DocumentRef ref = sent(exchange.send(new SendDocument(first.kind(), first.insurer(), first.insured(),
                first.sender(), first.recipient(), first.payload(), first.idempotencyKey(), null, null, CLERK, "abc123",
                new byte[] {1, 2, 3}, List.of(new NewAttachment("紹介状.pdf", pdf)))));
        assertThat(((OpenResult.Opened) exchange.open(ref, MUNICIPALITY, CLERK)).document().senderSigned()).isTrue();
        exchange.returnDocument(ref, MUNICIPALITY, CLERK, ReturnReason.INCOMPLETE, "申請区分の誤り");

        assertThat(exchange.newVersion(ref, OFFICE, CLERK, applicationPayload("2"), null))
                .isEqualTo(new ChangeResult.Changed(ref, DocumentStatus.SENT, 2));
        OpenResult.Opened corrected = (OpenResult.Opened) exchange.open(ref, MUNICIPALITY, CLERK);
        assertThat(corrected.document().version()).isEqualTo(2);
        assertThat(corrected.attachments()).extracting(AttachmentInfo::fileName).containsExactly("紹介状.pdf");
        assertThat(exchange.attachment(corrected.document(), 1)).hasValue(pdf);
        assertThat(corrected.document().senderSigned()).as("a signature over the old content does not carry over")
                .isFalse();
        String hash = java.util.HexFormat.of().formatHex(exchange.contentSha256(applicationPayload("2"),
                List.of(new NewAttachment("紹介状.pdf", pdf))));
        assertThat(exchange.receipts(ref)).as("the new version's receipts name a content hash covering the attachment")
                .anyMatch(r -> new String(r.statement(), java.nio.charset.StandardCharsets.UTF_8).contains(hash));
    }

    private static SendDocument application(InsuredNumber person, String key, String type) {
        return new SendDocument(DocumentKind.CERTIFICATION_APPLICATION, INSURER, person, OFFICE, MUNICIPALITY,
                applicationPayload(type), key, null, null, CLERK, "abc123");
    }

    /** A whole application of certification's layout (design §3.2): 主治医 given, surveyed at home, consent given. */
    private static Map<String, String> applicationPayload(String type) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("applicationType", type);
        payload.put("doctorInstitutionCode", MedicalInstitutionCode.withCheckDigit("131012345").value());
        payload.put("doctorInstitutionName", "千代田クリニック");
        payload.put("doctorName", "医師 一郎");
        payload.put("surveyPlace", "1");
        payload.put("surveyContactName", "介護 花子");
        payload.put("surveyContactPhone", "090-1111-2222");
        payload.put("blanketConsent", "1");
        return payload;
    }

    private static Map<String, String> withEntries(Map<String, String> payload, String key, String value) {
        payload.put(key, value);
        return payload;
    }

    private static Map<String, String> sampleOpinion() {
        try (java.io.InputStream in = DocumentExchangeIntegrationTests.class
                .getResourceAsStream("/samples/doctor-opinion-09B-2026.json")) {
            return Map.copyOf(tools.jackson.databind.json.JsonMapper.builder().build().readValue(in,
                    new tools.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {
                    }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An opinion request of certification's layout (design §5.1). */
    private static Map<String, String> requestPayload(String dueOn) {
        return Map.of("requestKind", "1", "doctorKind", "1", "dueOn", dueOn);
    }

    private static SendDocument opinion(InsuredNumber person, UUID request, Correspondent from, String key) {
        return new SendDocument(DocumentKind.DOCTOR_OPINION, INSURER, person, from, MUNICIPALITY,
                OPINION, key + UUID.randomUUID(), request, null, CLERK, null);
    }

    private static DocumentRef sent(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).document();
    }

    private static InsuredNumber newPerson() {
        return new InsuredNumber(String.format("%010d", NEXT.incrementAndGet()));
    }

    private long documentsOf(InsuredNumber person) {
        return sql.sql("select count(*) from exchange.documents where insurer_no = ? and insured_no = ?")
                .param(INSURER.value()).param(person.value()).query(Long.class).single();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : TABLES) {
            counts.put(table, sql.sql("select count(*) from exchange." + table).query(Long.class).single());
        }
        return counts;
    }
}
