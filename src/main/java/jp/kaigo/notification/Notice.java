package jp.kaigo.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One notice as the person reads it in their inbox: its title and lines, when it came and when it was read. */
public record Notice(UUID id, NoticeKind kind, List<String> lines, Instant createdAt, Instant readAt) {
    public String title() {
        return kind.title();
    }

    public boolean unread() {
        return readAt == null;
    }
}
