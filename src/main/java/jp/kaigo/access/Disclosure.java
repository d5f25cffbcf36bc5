package jp.kaigo.access;

import java.util.List;
import java.util.Map;

/** A decision and, when it permits, the records of the category (newest first); none otherwise. */
public record Disclosure(Decision decision, List<Map<String, Object>> records) {
}
