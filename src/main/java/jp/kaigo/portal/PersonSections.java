package jp.kaigo.portal;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Disclosure;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InformationCategory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A person's page, category by category: each category decided (and audited) by {@code access} on its
 * own; a permitted one shows its records as sheets, a denied one says why.
 */
@Component
class PersonSections {
    private final AccessDecisions access;
    private final RecordSheets sheets;

    PersonSections(AccessDecisions access, RecordSheets sheets) {
        this.access = access;
        this.sheets = sheets;
    }

    /** One category on the page: its records, or why this login may not see them. */
    record Section(String key, String label, boolean permitted, String reason, List<RecordSheets.Sheet> sheets) {
    }

    /** The page and the person's name, when the 被保険者証 was permitted. */
    record Page(List<Section> sections, String name) {
        public boolean anyDenied() {
            return sections.stream().anyMatch(s -> !s.permitted());
        }
    }

    /** A staff member's page of one person (office or municipality): every category, histories included. */
    String show(Model model, Object me, String area, String ref, PersonRefs.PersonRef person, Actor actor,
            String purpose) {
        model.addAttribute("me", me);
        model.addAttribute("area", area);
        model.addAttribute("ref", ref);
        model.addAttribute("insurerNo", person.insurerNo());
        model.addAttribute("insuredNo", person.insuredNo());
        model.addAttribute("page", page(access.readAll(actor, person.insurerNo(), person.insuredNo(), purpose), false));
        return "portal/person";
    }

    /** Every category as decided; {@code inForceOnly}: of the histories, only those in force today (the person's own view). */
    Page page(List<Disclosure> disclosures, boolean inForceOnly) {
        List<Section> sections = new ArrayList<>();
        String name = null;
        for (Disclosure disclosure : disclosures) {
            var decision = disclosure.decision();
            InformationCategory category = decision.category();
            List<RecordSheets.Sheet> shown = disclosure.records().stream().map(sheets::sheet)
                    .filter(s -> !inForceOnly || s.inForce() || s.period() == null).toList();
            if (category == InformationCategory.INSURANCE_CARD && decision.permitted()) {
                var insured = RecordSheets.current(disclosure.records(), "insured", Inputs.today());
                name = insured == null ? null : RecordSheets.text(insured, "name");
            }
            sections.add(new Section(category.key(), category.label(), decision.permitted(), decision.message(), shown));
        }
        return new Page(sections, name);
    }
}
