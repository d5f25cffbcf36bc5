package jp.kaigo.portal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.exchange.ReturnReason;
import jp.kaigo.exchange.StatusChange;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.shared.Correspondent;

/**
 * How the document pages show what the exchange keeps as keys and codes: a payload as the lines of its layout
 * (Japanese label, the code's name beside the code), a correspondent by kind and number (a person never by their
 * numbers), a status change with its reason's name.
 */
final class DocumentPages {

    /** The document a portal URL names by its id (the person's numbers stay out of URLs), or empty. */
    static java.util.Optional<jp.kaigo.exchange.DocumentRef> ref(jp.kaigo.filing.DocumentRouting routing,
            String documentId) {
        jp.kaigo.ingest.Inputs in = new jp.kaigo.ingest.Inputs();
        java.util.UUID id = in.value(documentId, v -> jp.kaigo.ingest.Inputs.uuid(v, "documentId", "書類ID"));
        in.check();
        return routing.find(id);
    }
    private DocumentPages() {
    }

    /** One field of a document as shown: its label, the value (a code's name), and the code itself for coded fields. */
    record Line(String key, String label, String value, String code) {
    }

    /** One step of the history as shown. */
    record Step(int seq, String from, String to, int version, String by, String reason, String note,
            java.time.Instant at) {
    }

    /**
     * The payload's fields with a value, in the layout's order; keys the layout does not know (an older version's)
     * follow under their own key, so nothing the sender wrote is hidden.
     */
    static List<Line> lines(DocumentLayout layout, Map<String, String> payload) {
        List<Line> lines = new ArrayList<>();
        if (payload == null) {
            return lines;
        }
        Set<String> shown = new LinkedHashSet<>();
        if (layout != null) {
            for (FieldSpec field : layout.fields()) {
                String value = payload.get(field.key());
                if (value == null || value.isBlank()) {
                    continue;
                }
                shown.add(field.key());
                lines.add(line(field, value));
            }
        }
        payload.forEach((key, value) -> {
            if (!shown.contains(key) && value != null && !value.isBlank()) {
                lines.add(new Line(key, key, value, null));
            }
        });
        return lines;
    }

    private static Line line(FieldSpec field, String value) {
        if (field.codes().isEmpty()) {
            return new Line(field.key(), field.label(), value, null);
        }
        String name = field.codes().get(value);
        return new Line(field.key(), field.label(), name == null ? value : name, value);
    }

    /** A field's codes in code order (the layouts keep them in unordered maps). */
    static List<Map.Entry<String, String>> codes(FieldSpec field) {
        return field.codes().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /** A correspondent as a page names it: its kind, and its number unless it is the person. */
    static String party(Correspondent c) {
        if (c == null) {
            return "基盤";
        }
        String kind = switch (c.kind()) {
            case MUNICIPALITY -> "市町村";
            case OFFICE -> "介護事業所";
            case MEDICAL_INSTITUTION -> "医療機関";
            case BOARD -> "介護認定審査会";
            case PERSON -> "本人";
        };
        return c.kind() == Correspondent.Kind.PERSON ? kind : kind + " " + c.number();
    }

    static List<Step> steps(List<StatusChange> history) {
        return history.stream().map(h -> new Step(h.seq(), h.from() == null ? "" : h.from().label(), h.to().label(),
                h.version(), party(h.by()), reason(h.reasonCode()), h.note(), h.at())).toList();
    }

    private static String reason(String code) {
        if (code == null) {
            return "";
        }
        if (ReturnReason.WITHDRAWN_BY_SENDER.equals(code)) {
            return "送信者による取下げ";
        }
        return ReturnReason.ofCode(code).map(ReturnReason::label).orElse(code);
    }
}
