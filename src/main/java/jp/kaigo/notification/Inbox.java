package jp.kaigo.notification;

import java.util.List;

/** A page of the person's notices, newest first, with how many are unread in all. */
public record Inbox(List<Notice> notices, int page, int pages, int total, int unread) {
    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
