package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.AccessReason;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.NewAttachment;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's document pages over HTTP (design §8.1, only the inbox and document parts): a clerk finds the
 * application an office sent in the municipality's 受信箱, reads it under the layout's labels and accepts it; a
 * medical institution's staff member is shown the denial for another institution's document; the person's
 * 要介護認定申請 form answers a wrong field beside that field and stores nothing, and the same form sent twice is
 * one document with its 受付番号.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangePagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(600);
    private static final String BIRTH = "1938-02-03";
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"(/portal/[a-z]+/documents/([0-9a-f-]{36}))\"");

    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;
    @Autowired
    InsuredRegistry registry;
    @Autowired
    FileImports imports;
    @Autowired
    OfficesInCharge offices;
    @Autowired
    DocumentRouting routing;
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;
    @Autowired
    JdbcClient sql;

    int n;
    String insurer;
    String insuredNo;

    @BeforeEach
    void municipalityWithOnePerson() {
        n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("46" + n).value();
        insuredNo = "00000" + n + "01";
        registry.registerInsurer(new InsurerNumber(insurer), "テスト町" + n);
        var report = imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "insured.csv", imports.columnsMissingFrom("insured", List.of(HEADER.split(",")))),
                new ByteArrayInputStream((HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "",
                        "介護 花子", "カイゴ ハナコ", BIRTH, "2", "沖縄県テスト町1番地", "1", "2005-04-01", "01", "", "")
                        + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
    }

    @Test
    void aClerkFindsTheOfficesApplicationInTheInboxReadsItUnderItsLabelsAndAcceptsIt() {
        String clinic = clinic(0);
        DocumentRef application = sentByOffice(clinic);
        PortalTerminal clerk = staffTerminal(Party.municipality(insurer), "clerk" + n, JobType.MUNICIPAL_OFFICER);

        HttpResponse<String> inbox = clerk.get("/portal/municipality/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("<h1>受信箱</h1>", "要介護・要支援認定申請書", insuredNo, "配信済み")
                .contains("介護事業所 " + officeOf(application));
        Matcher link = DOCUMENT_LINK.matcher(inbox.body());
        assertThat(link.find()).as("a link to the document").isTrue();
        assertThat(link.group(2)).isEqualTo(application.documentId().toString());
        assertThat(link.group(1)).as("no person numbers in the URL").doesNotContain(insuredNo);

        HttpResponse<String> document = clerk.get(link.group(1));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).as("the payload under the layout's labels, codes by name")
                .contains("申請区分", "新規申請", "調査場所", "自宅内", "主治医の医療機関コード", clinic, "包括同意", "同意する")
                .contains("既読", "id=\"accept-form\"", "id=\"return-form\"", "記載不備")
                .doesNotContain("id=\"withdraw-form\"");

        HttpResponse<String> accepted = clerk.form(link.group(1), link.group(1) + "/accept", "");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith(link.group(1) + "?accepted");
        HttpResponse<String> after = clerk.get(link.group(1) + "?accepted");
        assertThat(after.body()).contains("受理しました。").contains("<dd id=\"status\">受理</dd>")
                .doesNotContain("id=\"accept-form\"");
        assertThat(status(application)).isEqualTo("accepted");
        assertThat(after.body()).as("the history: sent, delivered, read, accepted").contains("既読 → 受理")
                .contains("href=\"" + link.group(1) + "/receipts.json\"");
        HttpResponse<String> receipts = clerk.get(link.group(1) + "/receipts.json");
        assertThat(receipts.statusCode()).isEqualTo(200);
        assertThat(receipts.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        var signed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(receipts.body());
        assertThat(signed).as("one signed receipt per step, as receipt verify reads them").hasSize(4);
        assertThat(signed.get(0).has("statement") && signed.get(0).has("signature") && signed.get(0).has("signerSerial"))
                .isTrue();
        PortalTerminal stranger = staffTerminal(Party.office(OfficeNumber.withCheckDigit("4676" + String.format("%05d", n))
                .value()), "stranger" + n, JobType.CARE_MANAGER);
        assertThat(stranger.get("/portal/office/documents/" + application.documentId() + "/receipts.json").statusCode())
                .isEqualTo(403);

        HttpResponse<String> again = clerk.form(link.group(1), link.group(1) + "/accept", "");
        assertThat(clerk.get(location(again)).body())
                .as("an accepted document changes no more: the exchange's reason is shown")
                .contains("受理または取下げ済みの文書は変更できません");
    }

    @Test
    void aMedicalInstitutionSeesItsRequestAndAnotherInstitutionIsShownTheDenial() {
        String clinic = clinic(0);
        DocumentRef application = sentByOffice(clinic);
        Actor clerk = Actor.staff(Party.municipality(insurer), UUID.randomUUID(), JobType.MUNICIPAL_OFFICER, Set.of());
        routing.open(clerk, application);
        assertThat(routing.accept(clerk, application)).isInstanceOf(Routed.Done.class)
                .extracting(r -> ((Routed.Done<ChangeResult>) r).result()).isInstanceOf(ChangeResult.Changed.class);
        DocumentRef request = sent(routing.send(clerk, new Outgoing(DocumentKind.OPINION_REQUEST,
                Correspondent.of(Party.medicalInstitution(clinic)), new InsurerNumber(insurer),
                new InsuredNumber(insuredNo), Map.of("requestKind", "1", "doctorKind", "1", "doctorName", "医師 一郎"),
                null, null, null)));

        PortalTerminal doctor = staffTerminal(Party.medicalInstitution(clinic), "doctor" + n, JobType.DOCTOR);
        HttpResponse<String> inbox = doctor.get("/portal/office/inbox");
        assertThat(inbox.body()).contains("主治医意見書作成依頼", "市町村 " + insurer);
        Matcher link = DOCUMENT_LINK.matcher(inbox.body());
        assertThat(link.find()).isTrue();
        assertThat(doctor.get(link.group(1)).body()).contains("依頼区分", "初回依頼", "医師 一郎", "id=\"return-form\"");

        // another institution's staff member with the link (the id is all a link names)
        PortalTerminal stranger = staffTerminal(Party.medicalInstitution(clinic(1)), "stranger" + n, JobType.DOCTOR);
        HttpResponse<String> denied = stranger.get(link.group(1));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains(AccessReason.NOT_INVOLVED.message()).doesNotContain("医師 一郎")
                .doesNotContain("id=\"return-form\"");
        HttpResponse<String> refused = stranger.form("/portal/office/inbox",
                link.group(1) + "/return", "reason=incomplete");
        assertThat(stranger.get(location(refused)).body())
                .as("a button pressed anyway is decided again and refused")
                .contains(AccessReason.NOT_INVOLVED.message());
        assertThat(status(request)).as("read by the clinic, untouched by the stranger").isEqualTo("read");
    }

    @Test
    void aWrongFieldComesBackBesideTheFieldAndNothingIsStored() {
        PortalTerminal home = personTerminal();
        HttpResponse<String> form = home.get("/portal/me/apply");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>要介護認定を申請する</h1>", "申請区分", "新規申請", "主治医",
                "過去6か月の入院・入所", "認定調査", "第2号被保険者", "同意", "結果の通知", "name=\"formToken\"");
        Map<String, String> values = application();
        values.put("surveyContactPhone", "電話なし");
        HttpResponse<String> refused = apply(home, token(form.body()), values);

        assertThat(refused.statusCode()).isEqualTo(400);
        Matcher beside = Pattern.compile("class=\"field invalid\" id=\"field-surveyContactPhone\">.*?</div>",
                Pattern.DOTALL).matcher(refused.body());
        assertThat(beside.find()).as("the field is marked").isTrue();
        assertThat(beside.group()).contains("id=\"error-surveyContactPhone\"", "形式が正しくありません")
                .contains("value=\"電話なし\"");
        assertThat(refused.body()).as("the other values stay").contains("value=\"介護 太郎\"")
                .doesNotContain("id=\"error-surveyContactName\"");
        assertThat(documents()).isZero();
    }

    @Test
    void aRegisteredGuardianAppliesForThePersonWithTheirOwnCard() throws Exception {
        SimulatedCard guardianCard = jlis.issueCard();
        cards.linkRepresentative(guardianCard.authCertificate().getEncoded(), insurer, insuredNo, "guardian",
                Party.municipality(insurer));
        PortalTerminal guardian = signedInWithCard(guardianCard, "&insurerNo=" + insurer + "&insuredNo=" + insuredNo);

        HttpResponse<String> sent = apply(guardian, token(guardian.get("/portal/me/apply").body()), application());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sql.sql("select sender_kind || ':' || sender_no from exchange.documents where insurer_no = :i"
                + " and insured_no = :p and kind = 'certification-application'").param("i", insurer).param("p", insuredNo)
                .query(String.class).list()).as("the application is the person's own")
                .containsExactly("person:" + insurer + "-" + insuredNo);
        assertThat(sql.sql("select actor_kind || ':' || coalesce(staff_job, '') from audit.entries"
                + " where person_insurer = :i and person_insured = :p and outcome like 'permit:%' and actor_kind <> 'person'")
                .param("i", insurer).param("p", insuredNo).query(String.class).list())
                .as("and the person's record of who looked names the guardian who sent it").contains("representative:guardian");
    }

    @Test
    void theSameFormSentTwiceIsOneApplicationWithItsReceiptNumber() {
        PortalTerminal home = personTerminal();
        String token = token(home.get("/portal/me/apply").body());
        HttpResponse<String> first = apply(home, token, application());
        HttpResponse<String> second = apply(home, token, application());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo(location);
        assertThat(documents()).isEqualTo(1);
        UUID id = UUID.fromString(location.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1"));
        HttpResponse<String> page = home.get("/portal/me/applications/" + id + "?sent");
        assertThat(page.body()).contains("申請を送信しました", "<dd id=\"receipt-no\">" + id + "</dd>",
                "<dd id=\"status\">送信済み</dd>", "新規申請");
        assertThat(recipientOf(id)).as("sent to the municipality that insures the person").isEqualTo("municipality:" + insurer);

        HttpResponse<String> other = apply(home, token(home.get("/portal/me/apply").body()), application());
        assertThat(other.headers().firstValue("Location").orElseThrow()).as("a new form is a new application")
                .isNotEqualTo(location);
    }

    // ---------------------------------------------------------------- helpers

    /** A 新規申請 naming the clinic as 主治医, surveyed at home (only what the person types). */
    private Map<String, String> application() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "1");
        v.put("phone", "098-123-4567");
        v.put("doctorInstitutionCode", clinic(0));
        v.put("doctorInstitutionName", "テスト内科クリニック");
        v.put("doctorName", "医師 一郎");
        v.put("hospitalised", "1");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 太郎");
        v.put("surveyContactRelation", "長男");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("blanketConsent", "1");
        v.put("resultByPaper", "2");
        v.put("specificDisease", "");
        return v;
    }

    private static HttpResponse<String> apply(PortalTerminal home, String token, Map<String, String> values) {
        StringBuilder form = new StringBuilder("formToken=" + token);
        values.forEach((k, v) -> form.append('&').append(k).append('=').append(PortalTerminal.enc(v)));
        return home.form("/portal/me/apply", "/portal/me/apply", form.toString());
    }

    /** The path and query a redirect names (the portal answers absolute locations). */
    private static String location(HttpResponse<String> redirect) {
        java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(m.find()).as("the form's token").isTrue();
        return m.group(1);
    }

    /** The office in charge (居宅介護支援) sends a 新規申請 for the person through the routing, as its API would. */
    @Test
    void aPdfSentWithTheApplicationIsListedOnItsPageAndDownloadedByTheClerkOnly() throws Exception {
        byte[] pdf;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            pdf = out.toByteArray();
        }
        DocumentRef application = sentByOffice(clinic(0), List.of(new NewAttachment("紹介状.pdf", pdf)));
        PortalTerminal clerk = staffTerminal(Party.municipality(insurer), "clerk" + n, JobType.MUNICIPAL_OFFICER);
        String page = "/portal/municipality/documents/" + application.documentId();

        String body = clerk.get(page).body();
        assertThat(body).contains("添付ファイル(PDF)", "id=\"attachment-1\"", "紹介状.pdf", "1ページ",
                "href=\"" + page + "/attachments/1\"");
        HttpResponse<byte[]> file = clerk.download(page + "/attachments/1");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(file.body()).isEqualTo(pdf);

        PortalTerminal stranger = staffTerminal(Party.medicalInstitution(clinic(1)), "stranger" + n, JobType.DOCTOR);
        HttpResponse<byte[]> refused = stranger.download("/portal/office/documents/" + application.documentId()
                + "/attachments/1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("%PDF");
    }

    private DocumentRef sentByOffice(String clinic) {
        return sentByOffice(clinic, List.of());
    }

    private DocumentRef sentByOffice(String clinic, List<NewAttachment> attachments) {
        String office = OfficeNumber.withCheckDigit("4675" + String.format("%05d", n)).value();
        offices.register(office, offices.confirmationFor(office, insurer, insuredNo, "numbers"), "43",
                Inputs.today().minusDays(20), "CARE_MANAGER", null);
        Actor careManager = Actor.staff(Party.office(office), UUID.randomUUID(), JobType.CARE_MANAGER,
                Set.of(Qualification.CARE_MANAGER));
        Map<String, String> payload = application();
        payload.remove("specificDisease");
        payload.put("doctorInstitutionCode", clinic);
        return sent(routing.send(careManager, new Outgoing(DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(insurer)), new InsurerNumber(insurer), new InsuredNumber(insuredNo),
                payload, null, null, null, null, attachments)));
    }

    private static DocumentRef sent(Routed<SendResult> routed) {
        assertThat(routed).isInstanceOf(Routed.Done.class);
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        assertThat(result).as(result.toString()).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).document();
    }

    private String officeOf(DocumentRef document) {
        return sql.sql("select sender_no from exchange.documents where document_id = :id")
                .param("id", document.documentId()).query(String.class).single();
    }

    private String clinic(int which) {
        return MedicalInstitutionCode.withCheckDigit("461" + which + String.format("%05d", n)).value();
    }

    private PortalTerminal staffTerminal(Party organisation, String loginId, JobType job) {
        var enrolment = staff.registerFirstAdmin(organisation, loginId, Browser.STAFF_PASSWORD, job);
        return PortalTerminal.signedIn(pki, port, organisation, loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    /** The person at home: the card linked at the counter, then the card sign-in over the portal's own form. */
    private PortalTerminal personTerminal() {
        SimulatedCard card = jlis.issueCard();
        try {
            cards.link(card.authCertificate().getEncoded(), insurer, insuredNo, Party.municipality(insurer));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return signedInWithCard(card, "");
    }

    /** The card sign-in over the portal's own form; {@code acting} adds the person a representative acts for. */
    private PortalTerminal signedInWithCard(SimulatedCard card, String acting) {
        PortalTerminal home = new PortalTerminal(port, IssuedCredential.anonymous(pki.caCertificate()));
        String page = home.get("/portal/sign-in/card").body();
        Matcher id = Pattern.compile("name=\"challengeId\" value=\"([^\"]+)\"").matcher(page);
        Matcher challenge = Pattern.compile("id=\"challenge\" class=\"challenge\">([^<]+)<").matcher(page);
        assertThat(id.find() && challenge.find()).as("a challenge on the sign-in page").isTrue();
        var signed = CardReader.sign(card.authCertificate(), card.authKey(),
                java.util.Base64.getDecoder().decode(challenge.group(1).strip()));
        String answer = "{\"certificate\":\"" + java.util.Base64.getEncoder().encodeToString(signed.certificate())
                + "\",\"signature\":\"" + java.util.Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = home.post("/portal/sign-in/card", "_csrf=" + PortalTerminal.enc(csrf.group(1))
                + "&challengeId=" + id.group(1) + "&cardAnswer=" + PortalTerminal.enc(answer) + acting);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal/me");
        return home;
    }

    private long documents() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :insurer and insured_no = :insured"
                + " and kind <> 'progress-notice'")
                .param("insurer", insurer).param("insured", insuredNo).query(Long.class).single();
    }

    private String status(DocumentRef document) {
        return sql.sql("select status from exchange.documents where document_id = :id")
                .param("id", document.documentId()).query(String.class).single();
    }

    private String recipientOf(UUID id) {
        return sql.sql("select recipient_kind || ':' || recipient_no from exchange.documents where document_id = :id")
                .param("id", id).query(String.class).single();
    }
}
