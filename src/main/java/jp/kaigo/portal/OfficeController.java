package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.SearchFilter;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.eligibility.EligibilityAnswer;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.RecordView;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Qualification;
import jp.kaigo.shared.ServiceType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office WEB service (介護保険資格確認等WEBサービス) for care offices and medical institutions:
 * 資格確認 by typed numbers or by card, registering as 担当事業所, the office's people, a person's
 * page (every category through the access decision), break-glass, and staff administration.
 */
@Controller
@RequestMapping("/portal/office")
class OfficeController {
    static final int EXPIRING_DAYS = 60;
    /** The last 資格確認 answer shown with a registration form, to show again if the registration is refused. */
    private static final String LAST_ANSWER = "portal.office.lastAnswer";
    private final SignedIn signedIn;
    private final EligibilityVerification eligibility;
    private final OfficesInCharge offices;
    private final AccessDecisions access;
    private final StaffAccounts staff;
    private final RecordSheets sheets;
    private final PersonSections personSections;

    OfficeController(SignedIn signedIn, EligibilityVerification eligibility, OfficesInCharge offices,
            AccessDecisions access, StaffAccounts staff, RecordSheets sheets, PersonSections personSections) {
        this.personSections = personSections;
        this.signedIn = signedIn;
        this.eligibility = eligibility;
        this.offices = offices;
        this.access = access;
        this.staff = staff;
        this.sheets = sheets;
    }

    @GetMapping
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        return home(model, signedIn.staff(request, response));
    }

    /** The start page, also when a form on it comes back with errors (the count of the office's people included). */
    private String home(Model model, StaffSession me) {
        model.addAttribute("me", me);
        model.addAttribute("today", Inputs.today());
        model.addAttribute("inCharge", offices.currentOf(me.organisation().number()).stream()
                .map(o -> o.insurerNo() + o.insuredNo()).distinct().count());
        return "portal/office/home";
    }

    /** 資格確認 by the numbers typed from the paper 被保険者証 and the birth date. */
    @PostMapping("/eligibility")
    String verify(HttpServletRequest request, HttpServletResponse response, Model model, @RequestParam String insurerNo,
            @RequestParam String insuredNo, @RequestParam String birthDate, @RequestParam(required = false) String asOf) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(insurerNo, InsurerNumber::new);
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        LocalDate birth = in.date(birthDate, "birthDate", "生年月日", true);
        LocalDate day = in.date(asOf, "asOf", "基準日", false);
        try {
            in.check();
        } catch (InvalidValue e) {
            model.addAttribute("errors", e.violations());
            model.addAttribute("form", Map.of("insurerNo", insurerNo, "insuredNo", insuredNo, "birthDate", birthDate,
                    "asOf", asOf == null ? "" : asOf));
            return home(model, me);
        }
        // what was typed stays in the form whatever the answer (an unknown person is mostly a typo)
        model.addAttribute("form", Map.of("insurerNo", insurerNo, "insuredNo", insuredNo, "birthDate", birthDate,
                "asOf", asOf == null ? "" : asOf));
        return answer(request, model, me, eligibility.verify(me,
                new EligibilityQuery(insurer, insured, birth, day == null ? Inputs.today() : day)));
    }

    @GetMapping("/eligibility/card")
    String cardForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        var challenge = eligibility.cardChallenge(me);
        model.addAttribute("challengeId", challenge.challengeId());
        model.addAttribute("challenge", Base64.getEncoder().encodeToString(challenge.nonce()));
        return "portal/office/card";
    }

    /** 資格確認 by My Number card: the card reader's answer to this terminal's challenge. */
    @PostMapping("/eligibility/card")
    String verifyByCard(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam String challengeId, @RequestParam String cardAnswer) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        Inputs in = new Inputs();
        Inputs.CardAnswer answer = CardAnswers.parse(in, challengeId, cardAnswer);
        in.check();
        return answer(request, model, me, eligibility.verifyByCard(me, answer.challengeId(), answer.certificate(),
                answer.signature(), Inputs.today()));
    }

    /**
     * Shows the answer; for an insured person the certificates, and at an office either 「担当中」 with the way to the
     * person's page (a client re-checked) or the registration form (a new client); otherwise the form again.
     */
    private String answer(HttpServletRequest request, Model model, StaffSession me, EligibilityAnswer answer) {
        model.addAttribute("answer", answer);
        model.addAttribute("status", answer.status().name());
        model.addAttribute("asOf", answer.asOf());
        model.addAttribute("since", answer.since());
        if (answer.status() == EligibilityAnswer.Status.INSURED) {
            model.addAttribute("insurerName", answer.insurerName());
            List<RecordSheets.Sheet> shown = new ArrayList<>();
            for (RecordView view : new RecordView[] {answer.insured(), answer.careCertificate(), answer.burdenRatio(),
                answer.burdenLimit()}) {
                if (view != null) {
                    shown.add(sheets.sheet(view));
                }
            }
            model.addAttribute("sheets", shown);
            model.addAttribute("personRef", PersonRefs.refer(request.getSession(), answer.insurerNo(), answer.insuredNo()));
            model.addAttribute("confirmation", answer.confirmation());
            if (answer.confirmation() != null) {
                request.getSession().setAttribute(LAST_ANSWER, answer);
            }
            model.addAttribute("inCharge", answer.inCharge() == null ? List.of() : answer.inCharge());
            model.addAttribute("serviceTypes", ServiceType.all());
            model.addAttribute("today", Inputs.today());
        }
        return "portal/office/eligibility";
    }

    /** The person consented at the counter (orally or in writing) to this office seeing the 負担限度額認定証. */
    @PostMapping("/eligibility/burden-limit-consent")
    String burdenLimitConsent(HttpServletRequest request, HttpServletResponse response,
            @RequestParam String confirmation, @RequestParam String method) {
        eligibility.recordBurdenLimitConsent(signedIn.staff(request, response), confirmation, method);
        return "redirect:/portal/office?burdenLimitConsent";
    }

    /**
     * Registers the office as 担当事業所 from the 資格確認 answer. Refused: the same answer again, with every failed
     * rule next to the form and the values typed kept; registered: the person's page, with the rules' warnings.
     */
    @PostMapping("/relationships")
    String register(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
            @RequestParam String confirmation, @RequestParam String serviceType, @RequestParam String startDate) {
        StaffSession me = signedIn.staff(request, response);
        Inputs in = new Inputs();
        LocalDate start = in.date(startDate, "startDate", "開始日", true);
        EligibilityVerification.Registered registered;
        try {
            in.check();
            registered = eligibility.registerInCharge(me, confirmation, serviceType, start);
        } catch (InvalidValue refused) {
            // the answer this form came from, kept in the session when it was shown (a new 資格確認 is not run again)
            if (!(request.getSession().getAttribute(LAST_ANSWER) instanceof EligibilityAnswer last)
                    || !confirmation.equals(last.confirmation())) {
                throw refused;
            }
            model.addAttribute("me", me);
            model.addAttribute("registrationErrors", refused.violations());
            model.addAttribute("registrationForm", Map.of("serviceType", serviceType, "startDate", startDate));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return answer(request, model, me, last);
        }
        redirect.addFlashAttribute("registrationWarnings", registered.warnings());
        OfficeInCharge relationship = registered.relationship();
        return "redirect:/portal/office/persons/"
                + PersonRefs.refer(request.getSession(), relationship.insurerNo(), relationship.insuredNo()) + "?registered";
    }

    /** One person of the office's list: who, care level, 認定 end, service types in charge. */
    record PersonRow(String ref, String name, String nameKana, String careLevel, String certValidTo, boolean expiring,
            String services) {
    }

    /**
     * The office's people: every person it is 担当事業所 of whose 被保険者証 this login may read (each one
     * decided and audited), filtered by care level and 認定 ending within {@value #EXPIRING_DAYS} days.
     */
    @GetMapping("/persons")
    String persons(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String careLevel, @RequestParam(required = false) Boolean expiring) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        SearchFilter filter = new SearchFilter(careLevel, Boolean.TRUE.equals(expiring) ? EXPIRING_DAYS : null);
        LocalDate today = Inputs.today();
        SearchFilter soon = new SearchFilter(null, EXPIRING_DAYS);
        List<PersonRow> rows = new ArrayList<>();
        for (AccessDecisions.Found found : access.searchInCharge(actor(me), InformationCategory.INSURANCE_CARD,
                purpose(me), filter)) {
            Map<String, Object> person = RecordSheets.current(found.records(), "insured", today);
            Map<String, Object> certificate = RecordSheets.current(found.records(), "care-certificate", today);
            rows.add(new PersonRow(PersonRefs.refer(request.getSession(), found.insurerNo(), found.insuredNo()),
                    RecordSheets.text(person, "name"), RecordSheets.text(person, "nameKana"),
                    RecordSheets.text(certificate, "careLevelName"), RecordSheets.text(certificate, "certValidTo"),
                    certificate != null && soon.matches(certificate, today),
                    String.join("、", found.services())));
        }
        rows.sort(Comparator.comparing(PersonRow::nameKana));
        model.addAttribute("rows", rows);
        model.addAttribute("careLevels", CareLevel.all());
        model.addAttribute("careLevel", filter.careLevel());
        model.addAttribute("expiring", Boolean.TRUE.equals(expiring));
        model.addAttribute("expiringDays", EXPIRING_DAYS);
        return "portal/office/persons";
    }

    /**
     * A person's page: the three certificates (today's and their history) and every shared record, each
     * category decided (and audited) on its own; denied ones say why.
     */
    @GetMapping("/persons/{ref}")
    String person(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String ref) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        var page = eligibility.personPage(me, person.insurerNo(), person.insuredNo());
        return personSections.show(model, me, "office", ref, person, page.file(), page.services());
    }

    /** The office ends one of its services to the person (the last day of service is the day before the end date). */
    @PostMapping("/persons/{ref}/relationships/{id}/end")
    String endService(HttpServletRequest request, HttpServletResponse response, @PathVariable String ref,
            @PathVariable String id, @RequestParam String endDate) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.resolve(request.getSession(), ref);
        Inputs in = new Inputs();
        LocalDate end = in.date(endDate, "endDate", "終了日", true);
        UUID relationship = in.value(id, v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("relationshipId", "担当の記録", "指定が正しくありません");
            }
        });
        in.check();
        eligibility.endInCharge(me, relationship, end);
        return "redirect:/portal/office/persons/" + ref + "?ended";
    }

    /** Break-glass: opens the person's records for 72 hours with a typed reason (the person sees it). */
    @PostMapping("/persons/{ref}/emergency")
    String emergency(HttpServletRequest request, HttpServletResponse response, @PathVariable String ref,
            @RequestParam String reason) {
        StaffSession me = signedIn.staff(request, response);
        PersonRefs.PersonRef person = PersonRefs.resolve(request.getSession(), ref);
        access.openInEmergency(actor(me), person.insurerNo(), person.insuredNo(), reason);
        return "redirect:/portal/office/persons/" + ref + "?opened";
    }

    /** Consent at this terminal: the staff member picks what the person decides; the card signs it. */
    @GetMapping("/consent")
    String consentForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("me", signedIn.staff(request, response));
        model.addAttribute("categories", ConsentCategories.OFFERED);
        return "portal/office/consent";
    }

    /**
     * The statement the person signs with the card's 署名用 key (consent or refusal to this office, one
     * category or all), with the challenge its 利用者証明用 key answers.
     */
    @PostMapping("/consent/statement")
    String consentStatement(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String category, @RequestParam String decision) {
        StaffSession me = signedIn.staff(request, response);
        Inputs in = new Inputs();
        InformationCategory asked = ConsentCategories.asked(in, category);
        boolean give = in.consentDecision(decision);
        in.check();
        var challenge = eligibility.cardChallenge(me);
        String statement = eligibility.terminalStatement(me, challenge.challengeId(), asked, give);
        model.addAttribute("me", me);
        model.addAttribute("challengeId", challenge.challengeId());
        model.addAttribute("challenge", Base64.getEncoder().encodeToString(challenge.nonce()));
        model.addAttribute("statement", statement);
        model.addAttribute("statementBase64", Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)));
        model.addAttribute("category", asked == null ? "" : asked.key());
        model.addAttribute("decision", decision);
        return "portal/office/consent-sign";
    }

    /**
     * Records the signed consent: the platform checks both certificates (J-LIS, unrevoked, the same card),
     * the challenge answer and the statement's signature, and keeps the statement and signature as evidence.
     */
    @PostMapping("/consent")
    String consentSigned(HttpServletRequest request, HttpServletResponse response, @RequestParam String challengeId,
            @RequestParam(required = false) String category, @RequestParam String decision,
            @RequestParam String cardAnswer) {
        StaffSession me = signedIn.staff(request, response);
        Inputs in = new Inputs();
        InformationCategory asked = ConsentCategories.asked(in, category);
        boolean give = in.consentDecision(decision);
        CardAnswers.Signed signed = CardAnswers.parseSigned(in, challengeId, cardAnswer);
        in.check();
        Inputs.CardAnswer card = signed.card();
        var person = eligibility.consentAtTerminal(me, card.challengeId(), card.certificate(), card.signature(),
                signed.signingCertificate(), signed.statementSignature(), asked, give);
        return "redirect:/portal/office/persons/" + PersonRefs.refer(request.getSession(), person.insurerNo(),
                person.insuredNo()) + "?consent=" + (give ? "give" : "refuse");
    }

    @GetMapping("/staff")
    String staffList(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("members", staff.staffOf(me));
        model.addAttribute("jobTypes", StaffAccounts.jobTypesOffered(me.organisation().kind()));
        model.addAttribute("qualifications", Qualification.values());
        return "portal/office/staff";
    }

    /** A new staff account; its one-time-code secret is shown this once. */
    @PostMapping("/staff")
    String createStaff(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam String loginId, @RequestParam String password, @RequestParam String jobType) {
        StaffSession me = signedIn.staff(request, response);
        JobType job = JobType.parse(jobType).orElseThrow(() -> new InvalidValue("jobType", "職種", "職種を選んでください"));
        Enrolment enrolment = staff.createStaff(me, loginId, password, job, List.of());
        model.addAttribute("enrolment", enrolment);
        return staffList(request, response, model);
    }

    /** The administrator attests a staff member's qualification (number and expiry), e.g. the 介護支援専門員 registration. */
    @PostMapping("/staff/qualifications")
    String attest(HttpServletRequest request, HttpServletResponse response, @RequestParam String loginId,
            @RequestParam String qualification, @RequestParam String number, @RequestParam String validUntil) {
        Inputs in = new Inputs();
        Qualification q = in.value(qualification, v -> Qualification.parse(v).orElseThrow(
                () -> new InvalidValue("qualification", "資格", "資格の種類を選んでください")));
        LocalDate until = in.date(validUntil, "validUntil", "有効期限", true);
        in.check();
        staff.attest(signedIn.staff(request, response), loginId, q, number, until);
        return "redirect:/portal/office/staff?attested";
    }

    @PostMapping("/staff/disable")
    String disableStaff(HttpServletRequest request, HttpServletResponse response, @RequestParam String loginId) {
        staff.disable(signedIn.staff(request, response), loginId);
        return "redirect:/portal/office/staff?disabled";
    }

    private static Actor actor(StaffSession me) {
        return Actor.staff(me);
    }

    private static String purpose(StaffSession me) {
        return me.organisation().kind() == PartyKind.MEDICAL_INSTITUTION ? "医療の提供" : "介護サービスの提供";
    }
}
