package jp.kaigo.api;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/**
 * A request body that went past its limit while being read (sent in chunks, without a Content-Length). An
 * {@link IOException}, so that every reader of the body stops as it would on a broken connection, whatever it is
 * (a JSON parser, a file import's COPY); the advice answers 413 whichever wrapper it arrives in.
 */
final class BodyTooLarge extends IOException {
    private final transient DataSize limit;

    BodyTooLarge(DataSize limit) {
        super("request body over " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    DataSize limit() {
        return limit;
    }

    /** The body-too-large in a chain of causes, if there is one. */
    static java.util.Optional<BodyTooLarge> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
