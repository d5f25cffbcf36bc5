package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.DocumentStatusChanged;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;

/** Who is told of a status change by webhook: the document's other party, when it is an organisation. */
class WebhookListenerTests {
    private static final InsurerNumber INSURER = InsurerNumber.withCheckDigit("13101");
    private static final Party MUNICIPALITY = Party.municipality(INSURER.value());
    private static final Party OFFICE = Party.office(OfficeNumber.withCheckDigit("131010001").value());
    private static final Correspondent M = Correspondent.of(MUNICIPALITY);
    private static final Correspondent O = Correspondent.of(OFFICE);

    @Test
    void theSenderIsToldOfWhatTheRecipientDoesAndTheRecipientOfAWithdrawal() {
        assertThat(WebhookListener.toldOf(change(O, M, DocumentStatus.READ, DocumentStatus.ACCEPTED, M)))
                .containsExactly(OFFICE);
        assertThat(WebhookListener.toldOf(change(O, M, DocumentStatus.READ, DocumentStatus.RETURNED, M)))
                .containsExactly(OFFICE);
        assertThat(WebhookListener.toldOf(change(O, M, DocumentStatus.SENT, DocumentStatus.DELIVERED, null)))
                .as("marked delivered by the platform when the recipient's inbox was listed").containsExactly(OFFICE);
        assertThat(WebhookListener.toldOf(change(O, M, DocumentStatus.SENT, DocumentStatus.WITHDRAWN, O)))
                .containsExactly(MUNICIPALITY);
        assertThat(WebhookListener.toldOf(change(M, O, DocumentStatus.DELIVERED, DocumentStatus.READ, O)))
                .as("the other way round").containsExactly(MUNICIPALITY);
    }

    @Test
    void boardsAndPersonsAreNotCalled() {
        Correspondent board = Correspondent.board(INSURER, "1");
        Correspondent person = Correspondent.person(INSURER, new InsuredNumber("0000000001"));
        assertThat(WebhookListener.toldOf(change(M, board, DocumentStatus.SENT, DocumentStatus.WITHDRAWN, M))).isEmpty();
        assertThat(WebhookListener.toldOf(change(M, board, DocumentStatus.READ, DocumentStatus.RETURNED, board)))
                .containsExactly(MUNICIPALITY);
        assertThat(WebhookListener.toldOf(change(person, M, DocumentStatus.READ, DocumentStatus.ACCEPTED, M))).isEmpty();
    }

    @Test
    void theIdempotencyKeyIsOnePerVersionChangeAndSubscription() {
        UUID document = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        DocumentStatusChanged read = new DocumentStatusChanged(document, 1, DocumentKind.CERTIFICATION_APPLICATION,
                DocumentStatus.DELIVERED, DocumentStatus.READ, M, null, Instant.now(), O, M, INSURER.value(), "0000000001");
        DocumentStatusChanged again = new DocumentStatusChanged(document, 1, DocumentKind.CERTIFICATION_APPLICATION,
                DocumentStatus.DELIVERED, DocumentStatus.READ, M, null, Instant.now().plusSeconds(5), O, M,
                INSURER.value(), "0000000001");
        DocumentStatusChanged secondVersion = new DocumentStatusChanged(document, 2, DocumentKind.CERTIFICATION_APPLICATION,
                DocumentStatus.DELIVERED, DocumentStatus.READ, M, null, Instant.now(), O, M, INSURER.value(), "0000000001");
        assertThat(WebhookListener.statusEventId(read, subscription)).isEqualTo(WebhookListener.statusEventId(again,
                subscription));
        assertThat(WebhookListener.statusEventId(read, subscription))
                .isNotEqualTo(WebhookListener.statusEventId(secondVersion, subscription))
                .isNotEqualTo(WebhookListener.statusEventId(read, UUID.randomUUID()))
                .isNotEqualTo(WebhookListener.eventId(document, 1, subscription));
    }

    private static DocumentStatusChanged change(Correspondent sender, Correspondent recipient, DocumentStatus from,
            DocumentStatus to, Correspondent by) {
        return new DocumentStatusChanged(UUID.randomUUID(), 1, DocumentKind.CERTIFICATION_APPLICATION, from, to, by, null,
                Instant.now(), sender, recipient, INSURER.value(), "0000000001");
    }
}
