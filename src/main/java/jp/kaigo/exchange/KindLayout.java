package jp.kaigo.exchange;

import java.util.List;
import java.util.Map;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Violation;

/**
 * The current layout of one kind of document, declared by the module that owns the kind (a bean; design §2.4):
 * {@code exchange} validates a payload with it without knowing the owner. Every violation is returned, each
 * naming its field; none means the payload is valid. (An adapter over {@code ingest.DocumentLayout} fits here.)
 */
public interface KindLayout {
    DocumentKind kind();

    /** The layout version stored with each document version, e.g. {@code 09B-2026}. */
    String version();

    List<Violation> violations(Map<String, String> values);
}
