package jp.kaigo.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.access.AccessDecisions.PersonFile;
import jp.kaigo.access.Disclosure;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.registry.ReimbursementTotals;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InformationCategory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A person's page, category by category: each category decided (and audited) by {@code access} on its
 * own; a permitted one shows its records as sheets, a denied one says why; a staff member's page opens with a
 * summary of what matters first.
 */
@Component
class PersonSections {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final RecordSheets sheets;
    private final Dates dates;

    PersonSections(RecordSheets sheets, Dates dates) {
        this.sheets = sheets;
        this.dates = dates;
    }

    /**
     * One category on the page: its records, or why this login may not see them; for 福祉用具購入・住宅改修の利用額 also
     * what is used and left of each limit.
     */
    record Section(String key, String label, boolean permitted, String reason, List<RecordSheets.Sheet> sheets,
            Reimbursement reimbursement) {
    }

    /**
     * The used and remaining amounts of the two 償還払い limits, as shown (円 with thousands separators; the 年度 in
     * 和暦): 「住宅改修費 支給限度基準額 200,000円のうち 利用済み X円・残り Y円」 and 「福祉用具購入費(令和N年度) 100,000円のうち …」.
     */
    record Reimbursement(String homeLimit, String homeUsed, String homeRemaining, String fiscalYear,
            String equipmentLimit, String equipmentUsed, String equipmentRemaining) {
        static Reimbursement of(ReimbursementTotals totals) {
            return new Reimbursement(yen(totals.homeModification().limit()), yen(totals.homeModification().used()),
                    yen(totals.homeModification().remaining()), JapaneseDates.fiscalYear(totals.fiscalYear()),
                    yen(totals.welfareEquipment().limit()), yen(totals.welfareEquipment().used()),
                    yen(totals.welfareEquipment().remaining()));
        }

        private static String yen(int amount) {
            return String.format("%,d", amount);
        }
    }

    /** The page and the person's name, when the 被保険者証 was permitted. */
    record Page(List<Section> sections, String name) {
        public boolean anyDenied() {
            return sections.stream().anyMatch(s -> !s.permitted());
        }
    }

    /**
     * What a staff member needs first, on one screen: care level and until when, burden ratio, the monthly limit,
     * the care plan's state, and what began or was written since the organisation last saw the person.
     */
    record Summary(String careLevel, String certValidTo, String burdenRatio, String limitUnits, String plan,
            String lastSeen, List<String> news) {
    }

    /** A staff member's page of one person (office or municipality): every category, histories included. */
    String show(Model model, Object me, String area, String ref, PersonRefs.PersonRef person, PersonFile file,
            List<OfficeInCharge> services) {
        model.addAttribute("me", me);
        model.addAttribute("area", area);
        model.addAttribute("ref", ref);
        model.addAttribute("insurerNo", person.insurerNo());
        model.addAttribute("insuredNo", person.insuredNo());
        model.addAttribute("page", page(file.disclosures(), false));
        model.addAttribute("summary", summary(file));
        model.addAttribute("services", services);
        model.addAttribute("today", Inputs.today());
        return "portal/person";
    }

    private Summary summary(PersonFile file) {
        LocalDate today = Inputs.today();
        LocalDate since = file.lastSeen() == null ? null : file.lastSeen().atZone(JAPAN).toLocalDate();
        Map<String, Object> certificate = null;
        Map<String, Object> ratio = null;
        String plan = null;
        List<String> news = new ArrayList<>();
        for (Disclosure disclosure : file.disclosures()) {
            List<Map<String, Object>> records = disclosure.records();
            certificate = certificate != null ? certificate : RecordSheets.current(records, "care-certificate", today);
            ratio = ratio != null ? ratio : RecordSheets.current(records, "burden-ratio", today);
            for (Map<String, Object> record : records) {
                if (plan == null && "care-plan".equals(record.get("recordType"))) {
                    plan = RecordSheets.text(record, "statusName");
                }
                LocalDate began = firstDate(record);
                if (since != null && began != null && !began.isBefore(since)) {
                    news.add(sheets.sheet(record).title() + "(" + JapaneseDates.format(began) + ")");
                }
            }
        }
        Object limit = certificate == null ? null : certificate.get("limitUnits");
        return new Summary(certificate == null ? null : RecordSheets.text(certificate, "careLevelName"),
                certificate == null || certificate.get("certValidTo") == null ? null
                        : JapaneseDates.format(LocalDate.parse(certificate.get("certValidTo").toString())),
                ratio == null ? null : RecordSheets.text(ratio, "ratioName"),
                limit instanceof Number n ? String.format("%,d 単位/月", n.intValue()) : null, plan,
                file.lastSeen() == null ? null : dates.moment(file.lastSeen()), news);
    }

    /**
     * The person's own summary, on one screen: my cards now (被保険者証 in force, 負担割合, 負担限度額 if any), my care
     * level and until when, my offices by name, and what is new since my last visit.
     */
    record MySummary(String name, boolean insured, String careLevel, String careUntil, String ratio, String limitStage,
            List<String> offices, String lastVisit, List<String> news) {
    }

    MySummary mySummary(PersonalPage.Home home) {
        LocalDate today = Inputs.today();
        LocalDate since = home.lastVisit() == null ? null : home.lastVisit().atZone(JAPAN).toLocalDate();
        Map<String, Object> insured = null;
        Map<String, Object> certificate = null;
        Map<String, Object> ratio = null;
        Map<String, Object> limit = null;
        List<String> news = new ArrayList<>();
        if (home.newLooks() > 0) {
            news.add("「わたしの情報を見た記録」に新しい記録が " + home.newLooks() + "件");
        }
        for (Disclosure disclosure : home.records()) {
            List<Map<String, Object>> records = disclosure.records();
            insured = insured != null ? insured : RecordSheets.current(records, "insured", today);
            certificate = certificate != null ? certificate : RecordSheets.current(records, "care-certificate", today);
            ratio = ratio != null ? ratio : RecordSheets.current(records, "burden-ratio", today);
            limit = limit != null ? limit : RecordSheets.current(records, "burden-limit", today);
            for (Map<String, Object> record : records) {
                LocalDate began = firstDate(record);
                if (since != null && began != null && !began.isBefore(since)) {
                    news.add(sheets.sheet(record).title() + "(" + JapaneseDates.shortDay(began, today) + ")");
                }
            }
        }
        for (var decision : home.consentsByOthersSinceLastVisit()) {
            String day = JapaneseDates.shortDay(decision.decidedAt().atZone(JAPAN).toLocalDate(), today);
            news.add(decision.blanket() ? "保険者(市町村)が包括同意を登録しました(" + day + ")"
                    : home.who(decision.party()) + "で同意" + (decision.give() ? "" : "しないこと") + "が記録されました(" + day + ")");
        }
        boolean lost = insured != null && insured.get("lostOn") != null
                && !LocalDate.parse(insured.get("lostOn").toString()).isAfter(today);
        List<String> offices = home.offices().stream().filter(o -> o.inChargeOn(today))
                .map(o -> home.who(jp.kaigo.shared.Party.office(o.officeNo()))).distinct().toList();
        return new MySummary(insured == null ? null : RecordSheets.text(insured, "name"), insured != null && !lost,
                certificate == null ? null : RecordSheets.text(certificate, "careLevelName"),
                certificate == null || certificate.get("certValidTo") == null ? null
                        : JapaneseDates.format(LocalDate.parse(certificate.get("certValidTo").toString())),
                ratio == null ? null : RecordSheets.text(ratio, "ratioName"),
                limit == null ? null : RecordSheets.text(limit, "stageName"), offices,
                home.lastVisit() == null ? null : dates.shortMoment(home.lastVisit()), news);
    }

    /** The day a record began or was written: its history's start, or the day it was issued, made or assessed. */
    private static LocalDate firstDate(Map<String, Object> record) {
        for (String key : List.of("validFrom", "issuedOn", "createdOn", "evaluateDate")) {
            Object value = record.get(key);
            if (value != null) {
                return JapaneseDates.parse(value.toString()).orElse(null);
            }
        }
        return null;
    }

    /**
     * Every category as decided; {@code inForceOnly}: of the histories, only those in force today (the person's own view),
     * except the 住宅改修・福祉用具購入 records, which are uses, each listed.
     */
    Page page(List<Disclosure> disclosures, boolean inForceOnly) {
        List<Section> sections = new ArrayList<>();
        String name = null;
        for (Disclosure disclosure : disclosures) {
            var decision = disclosure.decision();
            InformationCategory category = decision.category();
            boolean uses = category == InformationCategory.REIMBURSEMENT;
            List<RecordSheets.Sheet> shown = disclosure.records().stream().map(sheets::sheet)
                    .filter(s -> !inForceOnly || uses || s.inForce() || s.period() == null).toList();
            if (category == InformationCategory.INSURANCE_CARD && decision.permitted()) {
                var insured = RecordSheets.current(disclosure.records(), "insured", Inputs.today());
                name = insured == null ? null : RecordSheets.text(insured, "name");
            }
            Reimbursement reimbursement = uses && decision.permitted()
                    ? Reimbursement.of(ReimbursementTotals.fromRecords(disclosure.records(), Inputs.today())) : null;
            sections.add(new Section(category.key(), category.label(), decision.permitted(), decision.message(), shown,
                    reimbursement));
        }
        return new Page(sections, name);
    }
}
