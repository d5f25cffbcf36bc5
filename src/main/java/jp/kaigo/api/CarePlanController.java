package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.careplan.CarePlanDraft;
import jp.kaigo.careplan.CarePlanFileReport;
import jp.kaigo.shared.CarePlanDelivery;
import jp.kaigo.shared.PlanStatusRules;
import java.util.LinkedHashMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import jp.kaigo.casework.CareRecordWriting;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 居宅介護支援事業所's care plans: submit a draft (JSON, or the ケアプランデータ連携 standard CSV) and issue
 * it (交付), by the office's signed-in 介護支援専門員 while the office is the person's 担当事業所. Reading goes
 * through {@code /api/records/…/care-plan} like every shared record.
 */
@RestController
class CarePlanController {
    private final CareRecordWriting writing;
    private final StaffAccounts staff;

    CarePlanController(CareRecordWriting writing, StaffAccounts staff) {
        this.writing = writing;
        this.staff = staff;
    }

    record Item(Integer needNo, Integer goalNo, Integer itemNo, String need, String longGoal, String longPeriod,
            String shortGoal, String shortPeriod, String content, Boolean insuredService, String serviceKind,
            String providerNo, String providerName, String frequency, String period) {
    }

    record PlanRequest(String insurerNo, String insuredNo, String planDate, String firstPlanDate, String planKind,
            String certStatus, String certifiedOn, String certValidFrom, String certValidTo, String careLevel,
            String authorName, String assessment, String boardOpinion, String policy, String livingSupportReason,
            String livingSupportOther, List<Item> items, List<CarePlanDraft.WeekRow> week) {
    }

    @PostMapping("/api/care-plans")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> submit(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody PlanRequest request) {
        var session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        LocalDate planDate = in.date(request.planDate(), "planDate", "居宅サービス計画作成(変更)日", true);
        LocalDate firstPlanDate = in.date(request.firstPlanDate(), "firstPlanDate", "初回居宅サービス計画作成日", true);
        LocalDate certifiedOn = in.date(request.certifiedOn(), "certifiedOn", "認定日", false);
        LocalDate certValidFrom = in.date(request.certValidFrom(), "certValidFrom", "認定の有効期間(開始)", false);
        LocalDate certValidTo = in.date(request.certValidTo(), "certValidTo", "認定の有効期間(終了)", false);
        in.check();
        List<CarePlanDraft.Item> items = request.items() == null ? List.of() : request.items().stream()
                .map(i -> new CarePlanDraft.Item(number(i.needNo()), number(i.goalNo()), number(i.itemNo()), i.need(),
                        i.longGoal(), i.longPeriod(), i.shortGoal(), i.shortPeriod(), i.content(), i.insuredService(),
                        i.serviceKind(), i.providerNo(), i.providerName(), i.frequency(), i.period())).toList();
        var submitted = writing.submitPlan(session, new CarePlanDraft(insurer.value(), insured.value(), planDate,
                firstPlanDate, request.planKind(), request.certStatus(), certifiedOn, certValidFrom, certValidTo,
                request.careLevel(), request.authorName(), request.assessment(), request.boardOpinion(), request.policy(),
                request.livingSupportReason(), request.livingSupportOther(), items,
                request.week() == null ? List.of() : request.week()), "api");
        if (submitted.refused() != null) {
            throw new AccessDenied(submitted.refused());
        }
        return Map.of("planId", submitted.planId(), "status", "draft");
    }

    /** 原案を示す: the person sees the plan in their own view and answers it. */
    @PostMapping("/api/care-plans/{planId}/propose")
    Map<String, Object> propose(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable UUID planId) {
        return act(caller, http, planId, PlanStatusRules.Act.PROPOSE);
    }

    /** The person's agreement obtained in writing or orally (never over the person's own "no" in their view). */
    @PostMapping("/api/care-plans/{planId}/agreement")
    Map<String, Object> agreement(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable UUID planId) {
        return act(caller, http, planId, PlanStatusRules.Act.RECORD_AGREEMENT);
    }

    /** 交付 (after the person agreed): to the person, and to every office the plan's 第2表 or 第6表 names. */
    @PostMapping("/api/care-plans/{planId}/issue")
    Map<String, Object> issue(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable UUID planId) {
        return act(caller, http, planId, PlanStatusRules.Act.ISSUE);
    }

    private Map<String, Object> act(PartyUser caller, HttpServletRequest http, UUID planId, PlanStatusRules.Act act) {
        var report = writing.actOnPlan(StaffController.session(staff, caller, http), planId, act);
        return Map.of("planId", planId, "status", report.status().code(), "deliveredTo", report.deliveredTo());
    }

    /** What was delivered to the office: plans naming it, 実績 of its persons (numbers only where access permits). */
    @GetMapping("/api/care-plans/received")
    List<Map<String, Object>> received(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        return writing.received(StaffController.session(staff, caller, http)).stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            CarePlanDelivery d = r.delivery();
            entry.put("deliveryId", d.deliveryId());
            entry.put("kind", d.isPlan() ? "plan" : "actual");
            entry.put("senderNo", d.senderNo());
            entry.put("deliveredAt", d.deliveredAt());
            if (r.decision().permitted()) {
                entry.put("insurerNo", d.person().insurerNo());
                entry.put("insuredNo", d.person().insuredNo());
                entry.put(d.isPlan() ? "planDate" : "targetMonth", d.isPlan() ? d.planDate().toString()
                        : d.month().toString().substring(0, 7));
            } else {
                entry.put("refused", r.decision().reason().name());
            }
            entry.put("downloadedAt", d.downloadedAt());
            return entry;
        }).toList();
    }

    /** The delivery as the ケアプランデータ連携 standard's files in a ZIP (Shift_JIS CSV), decided by access at the download. */
    @GetMapping("/api/care-plans/received/{deliveryId}/files")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable UUID deliveryId) {
        var download = writing.download(StaffController.session(staff, caller, http), deliveryId)
                .orElseThrow(() -> new NotFound("届いたケアプランが見つかりません"));
        if (download.refused() != null) {
            throw new AccessDenied(download.refused());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.files().name()).build().toString())
                .body(download.files().zip());
    }

    /**
     * A ケアプランデータ連携 file (UP1KYO, UP2KYO, UP3KYO: 第1–3表; UPPLAN, UPSIKYU: 第6表 予定・第7表; UPJSK: 第6表
     * 実績 from a service office in charge); Shift_JIS unless {@code charset} says otherwise.
     */
    @PostMapping("/api/care-plans/files/{fileKind}")
    CarePlanFileReport importFile(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String fileKind, @RequestParam(required = false) String charset, InputStream body) {
        var session = StaffController.session(staff, caller, http);
        Charset decoding;
        try {
            decoding = Charset.forName(charset == null || charset.isBlank() ? "windows-31j" : charset.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("charset", "文字コード", "対応していない文字コードです");
        }
        return writing.importPlanFile(session, fileKind, body, decoding);
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }
}
