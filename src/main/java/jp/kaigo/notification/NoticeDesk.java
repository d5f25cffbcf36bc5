package jp.kaigo.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a person a notice and delivers its pointers, idempotently (design §7.5): the notice is made once per
 * deduplication key, each channel's delivery at most once per notice, claimed before sending and finished after;
 * the channel itself does not send a message twice. Running this twice for one event therefore leaves one notice
 * and one message per channel.
 */
@Component
class NoticeDesk {
    private static final Logger log = LoggerFactory.getLogger(NoticeDesk.class);
    private final NoticeBook book;
    private final List<NoticeChannel> channels;
    private final CrashPoint crash;

    NoticeDesk(NoticeBook book, List<NoticeChannel> channels, CrashPoint crash) {
        this.book = book;
        this.channels = channels;
        this.crash = crash;
    }

    @Transactional
    UUID give(InsuredPerson person, NoticeKind kind, String dedupeKey, String subjectRef, Map<String, String> params) {
        crash.at(CrashPoint.Stage.BEFORE_DELIVERY);
        NoticeBook.Recorded notice = book.record(person, kind, dedupeKey, subjectRef, params);
        if (notice.created()) {
            log.info("notice {} of kind {} made", notice.noticeId(), kind.code());
        }
        book.planDeliveries(person, notice.noticeId(), kind);
        deliver(person, notice.noticeId());
        crash.at(CrashPoint.Stage.AFTER_DELIVERY);
        return notice.noticeId();
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
