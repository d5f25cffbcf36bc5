package jp.kaigo.ingest;

import java.util.Set;

/**
 * What staging learnt about a file's rows, for the merge.
 *
 * @param keysAscending the accepted rows arrived in ascending (被保険者番号, 履歴番号) order, so duplicates
 *     within the file were already refused while staging and need not be searched for
 * @param unreadableKeys some row's 被保険者番号 could not be read (a 全量 file then deletes nothing)
 * @param omitted the keys of the fields the file left out on purpose: an updated history keeps their stored values
 */
public record StagingSummary(boolean keysAscending, boolean unreadableKeys, Set<String> omitted) {

    public StagingSummary {
        omitted = Set.copyOf(omitted);
    }

    public StagingSummary(boolean keysAscending, boolean unreadableKeys) {
        this(keysAscending, unreadableKeys, Set.of());
    }
}
