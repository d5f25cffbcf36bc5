package jp.kaigo.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The entries of one organisation about one person on one day (Japan time) that ended alike, counted: e.g. an
 * office's three permitted reads of 12月5日. {@code result}: {@code seen} for a permitted disclosure, {@code denied}
 * for a refused one, otherwise the entry's outcome as recorded; {@code emergency}: a break-glass look, kept on its
 * own line. {@code subjects} and {@code purposes} are the distinct ones of the group.
 */
public record AccessGroup(String actorKind, String actorNumber, LocalDate day, String event,
        String result, boolean emergency, int times, List<String> subjects, List<String> purposes, Instant lastAt) {
}
