package jp.kaigo.ingest;

/**
 * What staging learnt about a file's rows, for the merge.
 *
 * @param keysAscending the accepted rows arrived in ascending (被保険者番号, 履歴番号) order, so duplicates
 *     within the file were already refused while staging and need not be searched for
 * @param unreadableKeys some row's 被保険者番号 could not be read (a 全量 file then deletes nothing)
 */
public record StagingSummary(boolean keysAscending, boolean unreadableKeys) {
}
