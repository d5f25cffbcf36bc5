package jp.kaigo.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;

/**
 * A notice waiting to be printed and posted by the municipality (design §7.4), with what it says; names and addresses
 * come from the registry.
 */
public record PrintItem(InsuredPerson person, UUID noticeId, NoticeKind kind, LocalDate noticeDate, List<String> lines) {
    public String title() {
        return kind.title();
    }
}
