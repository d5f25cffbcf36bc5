package jp.kaigo.audit;

import java.util.List;

/** One page of {@link AccessGroup}s, newest day first, with how many groups there are in all. */
public record AccessGroups(List<AccessGroup> groups, int page, int pageSize, int total) {
    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
