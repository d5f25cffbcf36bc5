package jp.kaigo.notification;

import java.util.UUID;

/**
 * A way out for the pointer to a notice (design §7.3). Delivering the same notice twice must be harmless: a repeated
 * delivery answers {@link Delivery.Sent} without sending again.
 */
interface NoticeChannel {

    boolean handles(Channel channel);

    /** Sends the pointer for {@code noticeId} to {@code address}; the message holds no personal or health data. */
    Delivery deliver(Channel channel, UUID noticeId, String address);

    sealed interface Delivery {
        record Sent(String providerRef) implements Delivery {
        }

        /** {@code reason} is a code for the deliveries table, never an address. */
        record Failed(String reason, boolean retryable) implements Delivery {
        }
    }
}
