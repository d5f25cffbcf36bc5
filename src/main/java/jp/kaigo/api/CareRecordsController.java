package jp.kaigo.api;

import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.Inputs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.access.Disclosure;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.access.SearchFilter;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.registry.ReimbursementTotals;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.access.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's shared care records, for municipalities (by certificate), offices and medical institutions
 * (certificate + signed-in staff). Every read passes the access decision, which audits it.
 */
@RestController
class CareRecordsController {
    private final AccessDecisions access;
    private final StaffAccounts staff;

    CareRecordsController(AccessDecisions access, StaffAccounts staff) {
        this.access = access;
        this.staff = staff;
    }

    record Emergency(String reason) {
    }

    /** One category's decision as the caller sees it. */
    record CategoryDecision(String category, String categoryLabel, boolean permitted, String reason, String message) {
        static CategoryDecision of(Decision d) {
            return new CategoryDecision(d.category().key(), d.category().label(), d.permitted(), d.reason().name(),
                    d.message());
        }
    }

    /** What this login may see of the person, category by category (each decision audited). */
    @GetMapping("/api/records/{insurerNo}/{insuredNo}")
    List<CategoryDecision> overview(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo,
            @RequestParam(required = false) String purpose) {
        Actor actor = actor(caller, http);
        String[] person = person(insurerNo, insuredNo);
        return access.categoriesHeld().stream().sorted()
                .map(c -> CategoryDecision.of(access.decide(actor, person[0], person[1], c, purpose(purpose, caller))))
                .toList();
    }

    @GetMapping("/api/records/{insurerNo}/{insuredNo}/{category}")
    Map<String, Object> read(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @PathVariable String category,
            @RequestParam(required = false) String purpose) {
        Actor actor = actor(caller, http);
        String[] person = person(insurerNo, insuredNo);
        return disclose(access.read(actor, person[0], person[1], category(category), purpose(purpose, caller)));
    }

    /**
     * The office's people (persons it is 担当事業所 of) whose records of the category this login may read,
     * optionally only those with a care level or whose 認定 expires within some days (category
     * {@code certification}). Every person passes the access decision; the count counts only them.
     */
    @GetMapping("/api/records/search")
    Map<String, Object> search(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam String category, @RequestParam(required = false) String careLevel,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) String purpose) {
        InformationCategory asked = category(category);
        List<AccessDecisions.Found> found = found(caller, http, asked, careLevel, expiringWithinDays,
                purpose(purpose, caller));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("category", asked.key());
        answer.put("count", found.size());
        answer.put("results", found);
        return answer;
    }

    /**
     * The same search as a CSV download (UTF-8 with BOM): one line per record, the person's numbers first,
     * then every field any record has; the same decisions, so the same persons.
     */
    @GetMapping("/api/records/export")
    void export(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, HttpServletResponse response,
            @RequestParam String category, @RequestParam(required = false) String careLevel,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) String purpose)
            throws IOException {
        InformationCategory asked = category(category);
        List<AccessDecisions.Found> found = found(caller, http, asked, careLevel, expiringWithinDays,
                purpose == null || purpose.isBlank() ? "一覧の出力" : purpose(purpose, caller));
        Set<String> columns = new LinkedHashSet<>();
        found.forEach(f -> f.records().forEach(r -> r.forEach((key, value) -> {
            if (!(value instanceof List<?>)) {
                columns.add(key);
            }
        })));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + asked.key() + ".csv\"");
        var out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write("\uFEFFinsurerNo,insuredNo" + (columns.isEmpty() ? "" : "," + String.join(",", columns)) + "\r\n");
        for (AccessDecisions.Found f : found) {
            for (Map<String, Object> record : f.records()) {
                StringBuilder line = new StringBuilder(f.insurerNo()).append(',').append(f.insuredNo());
                for (String column : columns) {
                    Object value = record.get(column);
                    line.append(',').append(value == null ? "" : FileImports.quoted(cell(value)));
                }
                out.write(line.append("\r\n").toString());
            }
        }
        out.flush();
    }

    /** A text a spreadsheet would take for a formula gets a leading apostrophe; numbers stay as they are. */
    private static String cell(Object value) {
        return value instanceof String text ? FileImports.formulaSafe(text) : value.toString();
    }

    /** The office's people with permitted records of the category, filtered (search and export alike). */
    private List<AccessDecisions.Found> found(PartyUser caller, HttpServletRequest http, InformationCategory asked,
            String careLevel, Integer expiringWithinDays, String purpose) {
        CareLevel level = Choices.careLevel(careLevel);
        return access.searchInCharge(actor(caller, http), asked, purpose,
                new SearchFilter(level == null ? null : level.code(), expiringWithinDays));
    }

    /** Break-glass: open the person's records for 72 hours in an emergency, with a reason. */
    @PostMapping("/api/records/{insurerNo}/{insuredNo}/emergency")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyOpening emergency(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @RequestBody Emergency request) {
        Actor actor = actor(caller, http);
        String[] person = person(insurerNo, insuredNo);
        return access.openInEmergency(actor, person[0], person[1], request.reason());
    }

    /**
     * The records of a permitted disclosure (with {@code totals}, used and remaining, for {@code reimbursement}); a
     * denied one is answered 403 with its reason.
     */
    static Map<String, Object> disclose(Disclosure disclosure) {
        Decision decision = disclosure.decision();
        if (!decision.permitted()) {
            throw new AccessDenied(decision);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("category", decision.category().key());
        answer.put("categoryLabel", decision.category().label());
        answer.put("reason", decision.reason().name());
        answer.put("message", decision.message());
        answer.put("records", disclosure.records());
        if (decision.category() == InformationCategory.REIMBURSEMENT) {
            // what is used and left of the 住宅改修費 and this 年度's 福祉用具購入費 limits, from these records (円)
            answer.put("totals", ReimbursementTotals.fromRecords(disclosure.records(), Inputs.today()));
        }
        return answer;
    }

    static InformationCategory category(String key) {
        return Choices.category(key);
    }

    /** Every reader is a signed-in staff member: a municipality's certificate alone reads no care record. */
    private Actor actor(PartyUser caller, HttpServletRequest http) {
        return Actor.staff(StaffController.session(staff, caller, http));
    }

    private static String[] person(String insurerNo, String insuredNo) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(insurerNo, InsurerNumber::new);
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        in.check();
        return new String[] {insurer.value(), insured.value()};
    }

    /** The purpose named ({@code care}, {@code medical}, {@code insurer}, {@code operation}) or the caller's usual one. */
    private static String purpose(String given, PartyUser caller) {
        Purpose named = Choices.purpose(given);
        return (named == null ? Purpose.of(caller.party().kind()) : named).label();
    }
}
