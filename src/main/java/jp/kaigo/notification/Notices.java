package jp.kaigo.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's facade (design §1.2, §7): a person's notices and contact preferences, and the
 * municipality's paper list. Notices themselves are made by the module's listeners of the {@code shared} events.
 * Callers have decided who may ask (the person signed in with their card, the municipality's clerk for its insured).
 */
@Service
public class Notices {
    /** Notices on one page of the inbox. */
    public static final int PAGE_SIZE = 20;
    private final NoticeBook book;

    Notices(NoticeBook book) {
        this.book = book;
    }

    /** The person's notices, newest first, one page (from 1) of {@link #PAGE_SIZE}. */
    @Transactional(readOnly = true)
    public Inbox inbox(InsuredPerson person, int page) {
        return book.inbox(person, page, PAGE_SIZE);
    }

    /** Marks one of the person's notices read; false when the person has no notice with this id. */
    @Transactional
    public boolean markRead(InsuredPerson person, UUID noticeId) {
        return book.markRead(person, noticeId);
    }

    /** How the person wants to be told besides the inbox (none recorded: inbox only). */
    @Transactional(readOnly = true)
    public ContactPreferences preferences(InsuredPerson person) {
        return book.preferences(person);
    }

    /** Records the person's contact preferences; applies to notices made from now on. */
    @Transactional
    public void setPreferences(InsuredPerson person, ContactPreferences preferences, RecordedBy by) {
        book.setPreferences(person, preferences, by);
    }

    /** The insurer's notices to print and post (persons who asked for paper), oldest first. */
    @Transactional(readOnly = true)
    public List<PrintItem> printList(InsurerNumber insurer) {
        return book.printList(insurer);
    }

    /**
     * "印刷済みにする": a print batch by {@code staffId} of those notices still waiting on paper for the insurer;
     * answers the batch (with how many notices it covered).
     */
    @Transactional
    public PrintBatch markPrinted(InsurerNumber insurer, Collection<UUID> noticeIds, UUID staffId) {
        UUID batchId = UUID.randomUUID();
        return new PrintBatch(batchId, book.markPrinted(insurer, noticeIds, batchId, staffId));
    }

    /** A print batch and the number of notices it covered. */
    public record PrintBatch(UUID batchId, int notices) {
    }
}
