package jp.kaigo.exchange;

import java.util.UUID;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/** One document, found by the person it is about (its shard) and its id. */
public record DocumentRef(InsurerNumber insurer, InsuredNumber insured, UUID documentId) {
    public DocumentRef {
        if (insurer == null || insured == null || documentId == null) {
            throw new IllegalArgumentException("a document is named by the person and its id");
        }
    }
}
