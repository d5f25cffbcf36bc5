package jp.kaigo.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a person a notice and delivers its pointers, idempotently (design §7.5). The notice (made once per
 * deduplication key) and its planned deliveries are committed first, in a transaction of their own; then each email/SMS
 * delivery is claimed, sent and finished in another. So a crash after a message was written but before its delivery
 * was finished leaves the notice and its id in place, and the repeated run finds the channel's message already
 * there ({@link NotificationSimulator}: one file per notice id) instead of making a second notice with a new id and a
 * second message. Running this twice for one event leaves one notice and one message per channel.
 */
@Component
class NoticeDesk {
    private static final Logger log = LoggerFactory.getLogger(NoticeDesk.class);
    private static final int BATCH = 5_000;
    private final NoticeBook book;
    private final List<NoticeChannel> channels;
    private final TransactionTemplate ownTransaction;

    NoticeDesk(NoticeBook book, List<NoticeChannel> channels, PlatformTransactionManager transactions) {
        this.book = book;
        this.channels = channels;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    UUID give(InsuredPerson person, NoticeKind kind, String dedupeKey, String subjectRef, Map<String, String> params) {
        UUID noticeId = ownTransaction.execute(status -> {
            NoticeBook.Recorded notice = book.record(person, kind, dedupeKey, subjectRef, params);
            if (notice.created()) {
                log.info("notice {} of kind {} made", notice.noticeId(), kind.code());
            }
            book.planDeliveries(person, notice.noticeId(), kind);
            return notice.noticeId();
        });
        ownTransaction.executeWithoutResult(status -> deliver(person, noticeId));
        return noticeId;
    }

    /**
     * Many notices of one kind for an insurer's persons at once (a monthly statement for everyone who used services),
     * in batches of {@value #BATCH} persons, each batch committed on its own; then the email/SMS pointers of the new ones
     * (and any left unsent by an earlier run) are sent. Running it again makes nothing twice (the deduplication key).
     */
    int giveMany(InsurerNumber insurer, NoticeKind kind, List<NoticeBook.Many> notices) {
        long started = System.nanoTime();
        int pointers = 0;
        for (int from = 0; from < notices.size(); from += BATCH) {
            List<NoticeBook.Many> batch = notices.subList(from, Math.min(notices.size(), from + BATCH));
            ownTransaction.executeWithoutResult(status -> book.recordMany(insurer, kind, batch));
            // the pointers of this batch not sent yet: new ones, and those a crash or a failed channel left behind
            var toSend = book.unsentPointers(insurer, batch);
            for (var notice : toSend) {
                ownTransaction.executeWithoutResult(status -> deliver(notice.getKey(), notice.getValue()));
            }
            pointers += toSend.size();
        }
        log.info("{} notices of kind {} given for insurer {} in {} ms ({} pointers sent)", notices.size(), kind.code(),
                insurer.value(), (System.nanoTime() - started) / 1_000_000, pointers);
        return pointers;
    }

    private void deliver(InsuredPerson person, UUID noticeId) {
        for (NoticeBook.Claimed claimed : book.claim(person, noticeId)) {
            if (claimed.address() == null) { // the address was removed after the delivery was planned
                book.failed(person, noticeId, claimed.channel(), "no-address", false);
                continue;
            }
            NoticeChannel channel = channels.stream().filter(c -> c.handles(claimed.channel())).findFirst().orElse(null);
            if (channel == null) {
                book.failed(person, noticeId, claimed.channel(), "no-channel", true);
                continue;
            }
            NoticeChannel.Delivery delivery = channel.deliver(claimed.channel(), noticeId, claimed.address());
            if (delivery instanceof NoticeChannel.Delivery.Failed failed) {
                book.failed(person, noticeId, claimed.channel(), failed.reason(), failed.retryable());
            } else {
                book.sent(person, noticeId, claimed.channel());
            }
        }
    }
}
