package jp.kaigo.notification;

/** How a notice reaches the person besides the inbox (the inbox row is itself the delivery there). */
enum Channel {
    EMAIL("email"), SMS("sms"), PAPER("paper");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    /** The code stored in {@code notification.deliveries.channel}. */
    String code() {
        return code;
    }
}
