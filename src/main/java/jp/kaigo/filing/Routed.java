package jp.kaigo.filing;

import jp.kaigo.access.Decision;

/**
 * What a routed use case answers: {@code access} denied it (nothing happened; the denial is audited), or the
 * exchange's own result (which may itself be a refusal, such as a document in the wrong status).
 */
public sealed interface Routed<T> permits Routed.Denied, Routed.Done {

    record Denied<T>(Decision decision) implements Routed<T> {
    }

    record Done<T>(T result) implements Routed<T> {
    }
}
