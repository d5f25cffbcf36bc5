package jp.kaigo.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.SendDocument;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 主治医意見書 steps of a case as documents move (design §5): the municipality's 作成依頼 recorded on the case in
 * the send's transaction; the checks of an 意見書 that need the request, the sender and the clock
 * ({@link OpinionChecks}); and the accepted 意見書 handed to {@code certification} with the request's 依頼区分 and
 * 医師区分.
 */
@Component
class OpinionFiling {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final DocumentExchange exchange;
    private final CareCertification certification;
    private final TransactionTemplate tx;

    OpinionFiling(DocumentExchange exchange, CareCertification certification, TransactionTemplate tx) {
        this.exchange = exchange;
        this.certification = certification;
        this.tx = tx;
    }

    /**
     * Sends a municipality's 作成依頼 and, when it is a new document, records the institution and the day on the
     * person's open case — both or neither. (The exchange's own transaction joins this one.)
     */
    SendResult sendRequest(SendDocument request) {
        return tx.execute(status -> {
            SendResult result = exchange.send(request);
            if (result instanceof SendResult.Sent sent) {
                certification.opinionRequested(request.insurer(), request.insured(), request.recipient().number(),
                        LocalDate.ofInstant(exchange.document(sent.document()).orElseThrow().sentAt(), JAPAN));
            } else {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    /**
     * The field errors of an 意見書 beyond its layout (with the layout's own, so the sender sees all at once); empty
     * when {@link OpinionChecks} passes. A reply to no request is left to the exchange to refuse.
     */
    List<Violation> refusals(Outgoing out, Correspondent sender) {
        if (out.inReplyTo() == null) {
            return List.of();
        }
        Optional<DocumentView> request = exchange.document(new DocumentRef(out.insurer(), out.insured(), out.inReplyTo()));
        LocalDate sentOn = request.map(r -> LocalDate.ofInstant(r.sentAt(), JAPAN)).orElse(null);
        List<Violation> own = OpinionChecks.check(out.payload(), sender.number(), sentOn, LocalDate.now(JAPAN));
        if (own.isEmpty()) {
            return own;
        }
        List<Violation> all = new ArrayList<>(exchange.violations(DocumentKind.DOCTOR_OPINION, out.payload()));
        all.addAll(own);
        return all;
    }

    /** The clerk accepted the 意見書: it becomes the case's doctor-opinion record (design §5.3). */
    void accepted(DocumentView opinion) {
        Map<String, String> request = opinion.inReplyTo() == null ? Map.of()
                : exchange.payload(new DocumentRef(opinion.document().insurer(), opinion.document().insured(),
                        opinion.inReplyTo())).orElse(Map.of());
        certification.acceptOpinion(new CareCertification.AcceptedOpinion(opinion.document().insurer(),
                opinion.document().insured(), opinion.document().documentId(),
                LocalDate.ofInstant(opinion.sentAt(), JAPAN), request.get("requestKind"), request.get("doctorKind"),
                opinion.payload()));
    }
}
