package jp.kaigo.shared;

import java.time.Duration;

/**
 * Refused because too many attempts failed recently (e.g. wrong birth dates) or came too fast; the message says
 * what and until when, and {@link #retryAfter} how long to wait when that is known (the Retry-After header).
 */
public class TooManyAttempts extends RuntimeException {
    private final transient Duration retryAfter;

    public TooManyAttempts(String message) {
        this(message, null);
    }

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait before trying again (at least 1), if known. */
    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfter == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
