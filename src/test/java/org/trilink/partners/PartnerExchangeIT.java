package org.trilink.partners;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.partners.simulator.PartnerSimulator.Answer;
import org.trilink.calendar.control.WorkingTime;
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;
import org.trilink.testing.Eventually;
import org.trilink.testing.SmsGateway;
import org.trilink.testing.TodayInTheCalendar;

/**
 * The partner exchange as a partner's system meets it (partner-exchange-v1), through the
 * partner simulator: every answer of the contract's table, idempotency under concurrency,
 * refusals that store nothing and are logged without personal data, and file drops.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerExchangeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    record Created(String code, String secret) {
    }

    Created newPartner(String inbox) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"code\": \"" + code + "\", \"name\": \"Test police " + code + "\", \"defaultOffice\": \"JO-ZHAOXIANG\""
                + (inbox == null ? "" : ", \"inboxFolder\": \"" + inbox.replace("\\", "\\\\") + "\"") + "}";
        JsonPath created = api.as("admin").body(body).post("/api/v1/partners").then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getString("secret")).hasSizeGreaterThan(30);
        return new Created(code, created.getString("secret"));
    }

    PartnerSimulator simulator(Created p) {
        return new PartnerSimulator(api.base(), p.code(), p.secret());
    }

    long casesWith(String marker) {
        return api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void aNewReferralBecomesACaseOfTheTargetOfficeAndRepeatsAreRecognised() {
        Created p = newPartner(null);
        PartnerSimulator partner = simulator(p);
        String marker = Api.marker();
        String externalId = "110-" + marker;

        Answer first = partner.send(PartnerSimulator.referral(externalId, "楼上漏水 " + marker));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.field("status")).isEqualTo("PENDING");
        String referralId = first.field("referralId");
        String caseNumber = first.field("caseNumber");
        assertThat(caseNumber).startsWith("TL");
        assertThat(first.location()).endsWith("/api/v1/partner/referrals/" + referralId);

        // the same referral again, spaced differently: the first answer, nothing new
        Answer again = partner.send(PartnerSimulator.referral(externalId, "楼上漏水 " + marker).replace(", ", ",  "));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(casesWith(marker)).isEqualTo(1);

        // different content under the same external id
        Answer different = partner.send(PartnerSimulator.referral(externalId, "另一件事 " + marker));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).contains("application/problem+json");
        assertThat(casesWith(marker)).isEqualTo(1);

        Answer status = partner.status(referralId);
        assertThat(status.status()).isEqualTo(200);
        JsonPath s = JsonPath.from(status.body());
        assertThat(s.getString("status")).isEqualTo("PENDING");
        assertThat(s.getString("externalId")).isEqualTo(externalId);
        assertThat(s.getString("caseNumber")).isEqualTo(caseNumber);
        assertThat(s.getString("rejectionReason")).isNull();

        // another partner does not see it
        assertThat(simulator(newPartner(null)).status(referralId).status()).isEqualTo(404);

        // the case is the target office's (JO-ZHAOXIANG), received from the partner
        JsonPath c = api.as("mediator").get("/api/v1/cases/" + caseNumber).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("receivingOfficeCode")).isEqualTo("JO-ZHAOXIANG");
        assertThat(c.getString("status")).isEqualTo("RECEIVED");
        api.as("police2").get("/api/v1/cases/" + caseNumber).then().statusCode(404);
        List<String> actors = api.as("mediator").get("/api/v1/cases/" + caseNumber + "/history").then().statusCode(200)
                .extract().jsonPath().getList("actor");
        assertThat(actors).contains("partner:" + p.code());
    }

    /**
     * End to end, as people and partners meet it: a signed referral arrives, the receiving
     * office finds it in its referral inbox and accepts it there (the lifecycle API, with the
     * case version), and the partner's callback endpoint hears ACCEPTED once, signed.
     */
    @Test
    void anOfficeAcceptingAPartnersReferralInItsInboxCallsThePartnerBackOnce() throws Exception {
        Created p = newPartner(null);
        try (PartnerSimulator.CallbackReceiver receiver = new PartnerSimulator.CallbackReceiver(0, p.secret())) {
            api.as("admin").body("{\"name\": \"Test police " + p.code() + "\", \"defaultOffice\": \"JO-XUJING\","
                            + " \"callbackUrl\": \"" + receiver.url() + "\"}")
                    .put("/api/v1/partners/" + p.code()).then().statusCode(200)
                    .body("callbackUrl", org.hamcrest.Matchers.equalTo(receiver.url()));
            PartnerSimulator partner = simulator(p);
            String marker = Api.marker();
            String externalId = "E2E-" + marker;
            Answer sent = partner.send(PartnerSimulator.referral(externalId, "端到端 " + marker));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            String referralId = sent.field("referralId");
            String caseNumber = sent.field("caseNumber");

            // the receiving office's inbox shows it as pending, from the partner
            JsonPath inbox = api.as("mediator2").queryParam("q", caseNumber).get("/api/v1/referrals/inbox").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(inbox.getLong("pendingTotal")).as("the search finds the one case").isEqualTo(1);
            Map<String, Object> pending = inbox.getMap("pending.find { it.caseNumber == '" + caseNumber + "' }");
            assertThat(pending).as("pending in JO-XUJING's inbox").isNotNull();
            assertThat(pending.get("fromPartner")).isEqualTo(p.code());
            assertThat(pending.get("fromOfficeCode")).isNull();
            assertThat(pending.get("toOfficeCode")).isEqualTo("JO-XUJING");
            assertThat(OffsetDateTime.parse((String) pending.get("deadline"))).as("72 working hours")
                    .isEqualTo(WorkingTime.plusWorkingHours(OffsetDateTime.parse((String) pending.get("sentAt")), 72,
                            ZoneId.of("Asia/Shanghai"), api.workingCalendar(OffsetDateTime.parse(
                                    (String) pending.get("sentAt")).getYear())));
            long inboxReferral = ((Number) pending.get("id")).longValue();
            long version = ((Number) pending.get("caseVersion")).longValue();
            // nothing is called back while it waits
            Thread.sleep(1500);
            assertThat(receiver.acknowledged()).isEmpty();

            api.as("mediator").header("If-Match", "\"" + version + "\"")
                    .post("/api/v1/referrals/" + inboxReferral + "/accept").then().statusCode(404); // not its office
            api.as("mediator2").header("If-Match", "\"" + version + "\"")
                    .post("/api/v1/referrals/" + inboxReferral + "/accept").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));

            Eventually.within(Duration.ofSeconds(60), () -> receiver.acknowledged().size() == 1);
            Thread.sleep(3000); // nothing more arrives
            Map<String, Integer> acks = receiver.acknowledged();
            assertThat(acks).hasSize(1);
            assertThat(acks.values()).containsExactly(1);
            assertThat(receiver.badSignatures()).isZero();
            JsonPath callback = JsonPath.from(receiver.bodies().get(0));
            assertThat(callback.getString("event")).isEqualTo("ACCEPTED");
            assertThat(callback.getString("eventId")).isEqualTo(acks.keySet().iterator().next());
            assertThat(callback.getString("referralId")).isEqualTo(referralId);
            assertThat(callback.getString("externalId")).isEqualTo(externalId);
            assertThat(callback.getString("caseNumber")).isEqualTo(caseNumber);
            assertThat(callback.getString("rejectionReason")).isNull();
            assertThat(receiver.bodies().get(0)).doesNotContain("11010519491231002X", "13800138000");

            // the partner's status reads ACCEPTED; the admin sees one delivered message, one attempt
            assertThat(JsonPath.from(partner.status(referralId).body()).getString("status")).isEqualTo("ACCEPTED");
            JsonPath outbox = api.as("admin").get("/api/v1/partners/" + p.code() + "/outbox").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(outbox.getList("status", String.class)).containsExactly("DELIVERED");
            assertThat(outbox.getList("event", String.class)).containsExactly("ACCEPTED");
        }
    }

    /**
     * Notifying people (issue 4): a referral arriving at an office e-mails the office (a real
     * SMTP server, GreenMail, on the port the build gives the server), accepting the case tells
     * its applicant by SMS through a signed HTTP gateway that first fails once; each message is
     * delivered once, in the office's language, and carries no ID number. SMS to parties keep quiet
     * on days off (the build's servers have no night, see pom.xml): today works for this test.
     */
    @Test
    void anOfficeHearsOfAReferralByEmailAndThePartiesOfTheAcceptanceBySmsOnceEach() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));
        smtp.start();
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret");
             TodayInTheCalendar today = new TodayInTheCalendar(api, ZoneId.of("Asia/Shanghai"))) {
            if (!today.working()) {
                today.makeWorkingDay();
            }
            String settings = "/api/v1/notifications/offices/JO-XUJING";
            api.as("mediator2").body("{\"email\": \"x@trilink.test\"}").put(settings).then().statusCode(403);
            api.as("admin").body("{\"email\": \"not an address\"}").put(settings).then().statusCode(400);
            api.as("admin").body("{\"email\": \"xujing-duty@trilink.test\", \"locale\": \"zh-CN\", \"smsToParties\": true}")
                    .put(settings).then().statusCode(200)
                    .body("email", org.hamcrest.Matchers.equalTo("xujing-duty@trilink.test"));
            sms.failNext(1);

            PartnerSimulator partner = simulator(newPartner(null));
            String marker = Api.marker();
            Answer sent = partner.send(PartnerSimulator.referral("N-" + marker, "通知 " + marker)
                    .replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"targetOffice\": \"JO-XUJING\""));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            String caseNumber = sent.field("caseNumber");

            // the office's e-mail: in Chinese, naming the case, no ID number or phone
            assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
            jakarta.mail.internet.MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("xujing-duty@trilink.test");
            assertThat(mail.getSubject()).contains("新转介", caseNumber);
            String text = String.valueOf(mail.getContent());
            assertThat(text).contains(caseNumber, "转介收件箱", "徐泾").doesNotContain("11010519491231002X", "13800138000");

            // the office accepts the referral, then the case: the applicant (the party with a phone) hears by SMS
            JsonPath inbox = api.as("mediator2").queryParam("q", caseNumber).get("/api/v1/referrals/inbox").then()
                    .statusCode(200).extract().jsonPath();
            Map<String, Object> pending = inbox.getMap("pending.find { it.caseNumber == '" + caseNumber + "' }");
            assertThat(pending).isNotNull();
            api.as("mediator2").header("If-Match", "\"" + pending.get("caseVersion") + "\"")
                    .post("/api/v1/referrals/" + pending.get("id") + "/accept").then().statusCode(200);
            long version = api.as("mediator2").get("/api/v1/cases/" + caseNumber).then().statusCode(200).extract()
                    .jsonPath().getLong("version");
            api.as("mediator2").header("If-Match", "\"" + version + "\"").body("{\"note\": \"当事人同意调解\"}")
                    .post("/api/v1/cases/" + caseNumber + "/accept").then().statusCode(200);
            Eventually.within(Duration.ofSeconds(60), () -> sms.delivered().size() == 1);
            Thread.sleep(3000); // nothing more arrives
            assertThat(sms.refused()).as("the gateway's first answer was 503: retried").isEqualTo(1);
            assertThat(sms.badSignatures()).isZero();
            assertThat(sms.delivered()).hasSize(1);
            JsonPath message = JsonPath.from(sms.delivered().get(0));
            assertThat(message.getString("to")).isEqualTo("13800138000");
            assertThat(message.getString("text")).contains(caseNumber, "受理").doesNotContain("11010519491231002X");
            assertThat(smtp.getReceivedMessages()).as("one e-mail, however often the outbox polled").hasSize(1);

            // in English when the office asks for it
            api.as("admin").body("{\"email\": \"xujing-duty@trilink.test\", \"locale\": \"en\"}").put(settings)
                    .then().statusCode(200);
            String marker2 = Api.marker();
            Answer second = partner.send(PartnerSimulator.referral("N-" + marker2, "通知 " + marker2)
                    .replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"targetOffice\": \"JO-XUJING\""));
            assertThat(second.status()).isEqualTo(202);
            assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
            assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("[TriLink] New referral "
                    + second.field("caseNumber"));

            // what the admin sees of the outbox carries no phone number
            assertThat(api.as("admin").get("/api/v1/partners/dead-letters").then().statusCode(200).extract().asString())
                    .doesNotContain("13800138000");
        } finally {
            api.as("admin").delete("/api/v1/notifications/offices/JO-XUJING").then().statusCode(204);
            smtp.stop();
        }
    }

    /**
     * Notifying people (issue 4): a referral that passes its deadline e-mails the receiving
     * office once. The sender asks for an urgent deadline a few seconds away (as staff may), and
     * the admin's hand-run check, the one the timer runs every five minutes, finds it as of now.
     * The office (a law firm that no demo case reaches) has an address but no language: Chinese.
     */
    @Test
    void aReferralTurningOverdueEmailsTheReceivingOfficeOnceInChinese() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));
        smtp.start();
        String settings = "/api/v1/notifications/offices/LF-ZHENGHENG";
        String address = "zhengheng-" + Api.marker().toLowerCase() + "@trilink.test";
        try {
            api.as("admin").body("{\"email\": \"" + address + "\"}").put(settings).then().statusCode(200)
                    .body("locale", org.hamcrest.Matchers.equalTo("zh-CN"));

            // the caller's number noted in the summary, as staff often do: the e-mail shows it masked
            String intake = Api.intake(Api.marker()).replace("楼上漏水，双方多次争吵", "报警人13800138000称楼上漏水");
            String caseNumber = api.as("mediator").body(intake).post("/api/v1/cases").then()
                    .statusCode(201).extract().jsonPath().getString("caseNumber");
            long version = api.as("mediator").get("/api/v1/cases/" + caseNumber).then().statusCode(200).extract()
                    .jsonPath().getLong("version");
            long referral = api.as("mediator").header("If-Match", "\"" + version + "\"")
                    .body("{\"toOfficeCode\": \"LF-ZHENGHENG\", \"reason\": \"需律师主持调解，请尽快接收\", \"deadline\": \""
                            + java.time.OffsetDateTime.now().plusSeconds(2) + "\"}")
                    .post("/api/v1/cases/" + caseNumber + "/referrals").then().statusCode(201)
                    .body("overdue", org.hamcrest.Matchers.equalTo(false)).extract().jsonPath().getLong("id");
            Eventually.within(Duration.ofSeconds(60), () -> mailsTo(smtp, address).size() == 1);
            assertThat(mailsTo(smtp, address).get(0).getSubject()).contains("新转介", caseNumber);

            Thread.sleep(3000); // past the deadline
            api.as("admin").post("/api/v1/referrals/overdue-check").then().statusCode(200);
            api.as("mediator").get("/api/v1/referrals/" + referral).then().statusCode(200)
                    .body("overdue", org.hamcrest.Matchers.equalTo(true));
            Eventually.within(Duration.ofSeconds(60), () -> mailsTo(smtp, address).size() == 2);
            jakarta.mail.internet.MimeMessage overdue = mailsTo(smtp, address).get(1);
            assertThat(overdue.getAllRecipients()).extracting(Object::toString).containsExactly(address);
            assertThat(overdue.getSubject()).isEqualTo("【三所联动】转介超时 " + caseNumber);
            assertThat(String.valueOf(overdue.getContent())).contains(caseNumber, "上海正衡律师事务所", "超过处理期限",
                    "报警人138****8000称").doesNotContain("11010519491231002X", "13800138000", "张三");

            // the check again (and the timer, whenever it runs): no second e-mail
            api.as("admin").post("/api/v1/referrals/overdue-check").then().statusCode(200);
            Thread.sleep(3000); // the outbox polls every 0.2 s here
            assertThat(mailsTo(smtp, address)).as("the arrival and the overdue e-mail, once each").hasSize(2);
        } finally {
            api.as("admin").delete(settings).then().statusCode(204);
            smtp.stop();
        }
    }

    /**
     * Notifying people (issue 4): a follow-up visit falling due e-mails the office handling the
     * case once, on its due date. The office's own follow-up days (1) set the due date; the
     * admin's hand-run check (the hourly timer's) runs as of one and two days on, as it may
     * outside production.
     */
    @Test
    void aFollowUpVisitFallingDueEmailsTheHandlingOfficeOnce() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));
        smtp.start();
        String settings = "/api/v1/notifications/offices/LF-MINGLI";
        String address = "mingli-" + Api.marker().toLowerCase() + "@trilink.test";
        String caseNumber;
        api.as("admin").body("{\"followUpDays\": 1}").put("/api/v1/referrals/deadlines/LF-MINGLI").then()
                .statusCode(200);
        try {
            // whatever of the demo data falls due today is reminded before the office has an address
            api.as("admin").post("/api/v1/follow-ups/overdue-check").then().statusCode(200);
            api.as("admin").body("{\"email\": \"" + address + "\"}").put(settings).then().statusCode(200);
            // the law firm registers, accepts and mediates a dispute of its own; mediation fails
            String intake = Api.intake(Api.marker()).replace("楼上漏水，双方多次争吵", "11010519491231002X 楼上漏水");
            caseNumber = api.as("lawyer").body(intake).post("/api/v1/cases").then()
                    .statusCode(201).extract().jsonPath().getString("caseNumber");
            lawyerMoves(caseNumber, "accept", "{\"note\": \"当事人同意调解\"}");
            lawyerMoves(caseNumber, "start-mediation", "");
            lawyerMoves(caseNumber, "outcome", "{\"result\": \"FAILURE\", \"reason\": \"被申请人拒绝赔偿\","
                    + " \"guidance\": \"LITIGATION\"}");
            api.as("lawyer").get("/api/v1/cases/" + caseNumber).then().statusCode(200)
                    .body("followUpDue", org.hamcrest.Matchers.equalTo(
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString()));
        } finally {
            api.as("admin").body("{}").put("/api/v1/referrals/deadlines/LF-MINGLI").then().statusCode(200);
        }
        try {
            // not due yet: nothing
            api.as("admin").post("/api/v1/follow-ups/overdue-check").then().statusCode(200);
            Thread.sleep(3000);
            assertThat(mailsTo(smtp, address)).isEmpty();

            // on the due date: the office hears of it, and the case is not overdue yet
            String dueDay = java.time.OffsetDateTime.now().plusDays(1).toString();
            api.as("admin").queryParam("asOf", dueDay).post("/api/v1/follow-ups/overdue-check").then()
                    .statusCode(200).body("reminded", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            Eventually.within(Duration.ofSeconds(60), () -> mailsTo(smtp, address).size() == 1);
            jakarta.mail.internet.MimeMessage due = mailsTo(smtp, address).get(0);
            assertThat(due.getAllRecipients()).extracting(Object::toString).containsExactly(address);
            assertThat(due.getSubject()).isEqualTo("【三所联动】回访到期 " + caseNumber);
            assertThat(String.valueOf(due.getContent())).contains(caseNumber, "上海明理律师事务所", "回访",
                    "1101**********002X").doesNotContain("11010519491231002X", "13800138000", "张三");
            api.as("lawyer").get("/api/v1/follow-ups/overdue").then().statusCode(200)
                    .body("caseNumber", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseNumber)));

            // the day after: flagged overdue, but no second e-mail; and again: nothing new
            String later = java.time.OffsetDateTime.now().plusDays(2).toString();
            api.as("admin").queryParam("asOf", later).post("/api/v1/follow-ups/overdue-check").then().statusCode(200);
            api.as("lawyer").get("/api/v1/follow-ups/overdue").then().statusCode(200)
                    .body("caseNumber", org.hamcrest.Matchers.hasItem(caseNumber));
            api.as("admin").queryParam("asOf", later).post("/api/v1/follow-ups/overdue-check").then().statusCode(200)
                    .body("reminded", org.hamcrest.Matchers.equalTo(0))
                    .body("flagged", org.hamcrest.Matchers.equalTo(0));
            Thread.sleep(3000);
            assertThat(mailsTo(smtp, address)).hasSize(1);
        } finally {
            api.as("admin").delete(settings).then().statusCode(204);
            smtp.stop();
        }
    }

    private void lawyerMoves(String caseNumber, String move, String body) {
        long version = api.as("lawyer").get("/api/v1/cases/" + caseNumber).then().statusCode(200).extract()
                .jsonPath().getLong("version");
        var spec = api.as("lawyer").header("If-Match", "\"" + version + "\"");
        (body.isEmpty() ? spec : spec.body(body)).post("/api/v1/cases/" + caseNumber + "/" + move).then()
                .statusCode(200);
    }

    /** What the SMTP server received for one address, in the order it arrived. */
    private static List<jakarta.mail.internet.MimeMessage> mailsTo(com.icegreen.greenmail.util.GreenMail smtp,
                                                                   String address) throws Exception {
        List<jakarta.mail.internet.MimeMessage> mails = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            for (jakarta.mail.Address to : m.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(address)) {
                    mails.add(m);
                    break;
                }
            }
        }
        return mails;
    }

    /**
     * Outbound (issue 4): the court is a partner standing for the office COURT-310118; a judicial
     * office referring a case there sends the contract's referral message to the court's system,
     * signed, once; it is a message TriLink itself would take from a partner.
     */
    @Test
    void anOfficeReferringACaseToTheCourtSendsTheContractsReferralMessageToTheCourtsSystemOnce() throws Exception {
        Created court = newPartner(null);
        try (PartnerSimulator.CallbackReceiver courtSystem = new PartnerSimulator.CallbackReceiver(0, court.secret())) {
            api.as("mediator").body("{\"office\": \"COURT-310118\", \"referralUrl\": \"" + courtSystem.url() + "\"}")
                    .put("/api/v1/partners/" + court.code() + "/outbound").then().statusCode(403);
            api.as("admin").body("{\"office\": \"NO-SUCH-OFFICE\", \"referralUrl\": \"" + courtSystem.url() + "\"}")
                    .put("/api/v1/partners/" + court.code() + "/outbound").then().statusCode(400);
            api.as("admin").body("{\"office\": \"COURT-310118\", \"referralUrl\": \"" + courtSystem.url() + "\"}")
                    .put("/api/v1/partners/" + court.code() + "/outbound").then().statusCode(200)
                    .body("officeCode", org.hamcrest.Matchers.equalTo("COURT-310118"));
            try {
                String marker = Api.marker();
                String n = api.as("mediator").body(Api.intake(marker)).post("/api/v1/cases").then().statusCode(201)
                        .extract().jsonPath().getString("caseNumber");
                long v = api.as("mediator").get("/api/v1/cases/" + n + "/actions").then().statusCode(200).extract()
                        .jsonPath().getLong("version");
                long referral = api.as("mediator").header("If-Match", "\"" + v + "\"")
                        .body("{\"toOfficeCode\": \"COURT-310118\", \"reason\": \"涉及诉讼，移送法院\"}")
                        .post("/api/v1/cases/" + n + "/referrals").then().statusCode(201).extract().jsonPath().getLong("id");

                Eventually.within(Duration.ofSeconds(60), () -> courtSystem.acknowledged().size() == 1);
                Thread.sleep(3000); // nothing more arrives
                assertThat(courtSystem.acknowledged().values()).containsExactly(1);
                assertThat(courtSystem.badSignatures()).isZero();
                String body = courtSystem.bodies().get(0);
                JsonPath message = JsonPath.from(body);
                assertThat(message.getString("externalId")).isEqualTo(n + "-R" + referral);
                assertThat(message.getString("disputeType")).isEqualTo("NEIGHBOR");
                assertThat(message.getString("summary")).contains(marker);
                assertThat(message.getString("parties[0].idNumber")).isEqualTo("11010519491231002X");
                // the court's system could hand the very message back to a TriLink: it is the contract's format
                Answer roundTrip = simulator(newPartner(null)).send(body);
                assertThat(roundTrip.status()).as(roundTrip.body()).isEqualTo(202);
            } finally {
                api.as("admin").post("/api/v1/partners/" + court.code() + "/disable").then().statusCode(200);
            }
        }
    }

    @Test
    void everyRefusalOfTheContractStoresNothingAndIsLoggedWithoutPersonalData() {
        Created p = newPartner(null);
        PartnerSimulator partner = simulator(p);
        String marker = Api.marker();
        String good = PartnerSimulator.referral("R-" + marker, "漏水 " + marker);
        byte[] body = good.getBytes(StandardCharsets.UTF_8);
        long now = PartnerSimulator.now();
        String json = "application/json; charset=utf-8";

        // 401: bad signature, unknown partner, disabled partner, stale timestamp, no signature
        assertProblem(partner.post(body, json, now, "sha256=" + "0".repeat(64)), 401);
        assertProblem(new PartnerSimulator(api.base(), p.code(), "wrong-secret").send(good), 401);
        assertProblem(new PartnerSimulator(api.base(), "no-such-partner", p.secret()).send(good), 401);
        assertProblem(partner.post(body, json, PartnerSimulator.now() - 320, null), 401);
        assertProblem(partner.post(body, json, PartnerSimulator.now() + 320, null), 401);
        Created disabled = newPartner(null);
        api.as("admin").post("/api/v1/partners/" + disabled.code() + "/disable").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
        assertProblem(simulator(disabled).send(good), 401);

        // 400: malformed JSON, missing fields, unknown codes, invalid ID number and phone
        Answer malformed = assertProblem(partner.send("{\"externalId\": \"x\", "), 400);
        assertThat(JsonPath.from(malformed.body()).getList("errors.field")).contains("body");
        Answer missing = assertProblem(partner.send("{\"externalId\": \"M-" + marker + "\"}"), 400);
        assertThat(JsonPath.from(missing.body()).getList("errors.field")).contains("channel", "disputeType", "summary",
                "regionCode", "peopleInvolved", "parties");
        Answer codes = assertProblem(partner.send(good.replace("\"NEIGHBOR\"", "\"FEUD\"")
                .replace("\"POLICE_110\"", "\"PIGEON\"").replace("\"LOW\"", "\"EXTREME\"")), 400);
        assertThat(JsonPath.from(codes.body()).getList("errors.field")).contains("disputeType", "channel", "riskLevel");
        Answer places = assertProblem(partner.send(good.replace("\"310118104\"", "\"999999999\"")
                .replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"targetOffice\": \"JO-NOWHERE\"")), 400);
        assertThat(JsonPath.from(places.body()).getList("errors.field")).contains("regionCode", "targetOffice");
        Answer id = assertProblem(partner.send(good.replace("11010519491231002X", "110105194912310021")
                .replace("13800138000", "23800138000")), 400);
        assertThat(JsonPath.from(id.body()).getList("errors.field")).contains("parties[0].idNumber",
                "parties[0].phone");
        // a birth month 13 with a check digit that fits is refused at this door too (issue 20)
        Answer month13 = assertProblem(partner.send(good.replace("11010519491231002X",
                "31011819901315123" + org.trilink.platform.validation.IdentityNumbers.residentIdCheck(
                        "31011819901315123"))), 400);
        assertThat(JsonPath.from(month13.body()).getList("errors.field")).contains("parties[0].idNumber");
        Answer noApplicant = assertProblem(partner.send(good.replace("\"APPLICANT\"", "\"RESPONDENT\"")), 400);
        assertThat(JsonPath.from(noApplicant.body()).getList("errors.field")).contains("parties");
        // a fraction for a whole number and a NUL in any text are named, not cut or passed on (issue 21)
        Answer fraction = assertProblem(partner.send(good.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5")), 400);
        assertThat(JsonPath.from(fraction.body()).getList("errors.field")).containsExactly("peopleInvolved");
        Answer nul = assertProblem(partner.send(good.replace("漏水 " + marker, "漏水\\u0000 " + marker)
                .replace("\"某物业公司\"", "\"某物业\\u0000公司\"")), 400);
        assertThat(JsonPath.from(nul.body()).getList("errors.field")).containsExactly("summary", "parties[1].name");

        // 413 and 415
        String huge = good.replace("漏水 " + marker, "x".repeat(300 * 1024));
        assertProblem(partner.post(huge.getBytes(StandardCharsets.UTF_8), json, now, null), 413);
        assertProblem(partner.post(body, "text/plain", now, null), 415);
        assertProblem(partner.post(body, "application/xml", now, null), 415);

        assertThat(casesWith(marker)).isZero();
        // the same referral, well signed, is still taken: nothing of the refusals stuck
        assertThat(partner.send(good).status()).isEqualTo(202);
        assertThat(casesWith(marker)).isEqualTo(1);
        // a field of a later version is passed over (tolerant reader): the same referral again, a repeat
        Answer later = partner.send(good.replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"colour\": \"red\"")
                .replace("\"name\": \"张三\"", "\"name\": \"张三\", \"nickname\": \"三儿\""));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(casesWith(marker)).isEqualTo(1);

        String refusals = api.as("admin").queryParam("limit", 200).get("/api/v1/partners/refusals").then()
                .statusCode(200).extract().asString();
        List<Map<String, Object>> mine = JsonPath.from(refusals).getList("findAll { it.partner == '" + p.code() + "' }");
        assertThat(mine).hasSizeGreaterThanOrEqualTo(13);
        assertThat(mine).extracting(m -> m.get("status")).contains(400, 401, 413, 415);
        assertThat(refusals).doesNotContain("11010519491231002X", "110105194912310021", "13800138000", "张三",
                "某物业公司");
        // only admins see them
        api.as("mediator").get("/api/v1/partners/refusals").then().statusCode(403);
        api.as("mediator").get("/api/v1/partners").then().statusCode(403);
    }

    private static Answer assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(JsonPath.from(a.body()).getInt("status")).isEqualTo(status);
        return a;
    }

    @Test
    void theSameReferralOnSeveralThreadsAtOnceMakesOneCase() throws Exception {
        PartnerSimulator partner = simulator(newPartner(null));
        for (int round = 0; round < 3; round++) {
            String marker = Api.marker();
            String message = PartnerSimulator.referral("SAME-" + marker, "同时 " + marker);
            int threads = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return partner.send(message);
                }));
            }
            start.countDown();
            Set<String> caseNumbers = new HashSet<>();
            int created = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                assertThat(a.status()).as(a.body()).isIn(200, 202);
                created += a.status() == 202 ? 1 : 0;
                caseNumbers.add(a.field("caseNumber"));
            }
            pool.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(caseNumbers).hasSize(1);
            assertThat(casesWith(marker)).isEqualTo(1);
        }
    }

    @Test
    void aDroppedFileIsTakenRowByRowAndDroppingItAgainChangesNothing() throws Exception {
        Path inbox = Files.createTempDirectory("trilink-inbox-");
        String marker = Api.marker();
        // the admin's folder must lie under the inbox base (here the temporary folder): anything
        // else is refused and nothing is created
        Path escape = inbox.getParent().getParent().resolve("trilink-escape-" + marker);
        for (String folder : List.of(inbox + "/../../trilink-escape-" + marker, escape.toString(),
                "relative/inbox-" + marker)) {
            String body = "{\"code\": \"t-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"Escape\","
                    + " \"defaultOffice\": \"JO-ZHAOXIANG\", \"inboxFolder\": \"" + folder + "\"}";
            api.as("admin").body(body).post("/api/v1/partners").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("inboxFolder"));
        }
        Thread.sleep(500);
        assertThat(escape).doesNotExist();
        Created p = newPartner(inbox.toString());
        Set<Integer> bad = new HashSet<>();
        for (int i = 7; bad.size() < 10; i += 97) {
            bad.add(i);
        }
        String csv = PartnerSimulator.csv("F-" + marker, marker, 1000, bad);
        PartnerSimulator.drop(inbox, "referrals-" + marker + ".csv", csv);

        Path done = inbox.resolve("done").resolve("referrals-" + marker + ".csv");
        Path errors = inbox.resolve("done").resolve("referrals-" + marker + ".csv.errors.csv");
        Eventually.within(Duration.ofMinutes(4), () -> Files.exists(done) && Files.exists(errors));
        assertThat(casesWith(marker)).isEqualTo(990);
        List<String> errorLines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertThat(errorLines).hasSize(11);
        assertThat(errorLines.get(0)).isEqualTo("row,externalId,reason");
        // the file's line numbers (header = line 1) and the faulty field
        assertThat(errorLines.subList(1, 11)).allSatisfy(line -> assertThat(line).contains("parties[0].idNumber"));
        assertThat(errorLines).anySatisfy(line -> assertThat(line).startsWith("8,F-" + marker + "-7,"));
        assertThat(String.join("\n", errorLines)).doesNotContain("110105194912310021", "张三");

        // dropped again under the same name: taken from the inbox, nothing new
        PartnerSimulator.drop(inbox, "referrals-" + marker + ".csv", csv);
        Eventually.within(Duration.ofMinutes(1), () -> Files.exists(done) && !Files.exists(inbox.resolve("referrals-" + marker + ".csv")));
        assertThat(casesWith(marker)).isEqualTo(990);

        // the same rows in a file that is not byte for byte the same: each row is a repeat
        // (externalId idempotency), the bad rows are named again
        PartnerSimulator.drop(inbox, "again-" + marker + ".csv", csv + "\n");
        Path againErrors = inbox.resolve("done").resolve("again-" + marker + ".csv.errors.csv");
        Eventually.within(Duration.ofMinutes(4), () -> Files.exists(againErrors));
        assertThat(casesWith(marker)).isEqualTo(990);
        assertThat(Files.readAllLines(againErrors, StandardCharsets.UTF_8)).hasSize(11);
    }

    /** Only where a broker is configured (-Pbroker, TRILINK_PARTNERS_AMQP_URI): CI's PostgreSQL pass. */
    @Test
    void referralsArriveOverTheQueueWithTheSameChecksAndIdempotency() throws Exception {
        String uri = System.getenv("TRILINK_PARTNERS_AMQP_URI");
        org.junit.jupiter.api.Assumptions.assumeTrue(uri != null && uri.startsWith("amqp"),
                "no broker configured: run with -Pbroker");
        Created p = newPartner(null);
        String marker = Api.marker();
        byte[] good = PartnerSimulator.referral("Q-" + marker, "队列 " + marker).getBytes(StandardCharsets.UTF_8);
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setUri(uri);
        try (com.rabbitmq.client.Connection connection = factory.newConnection("partner-simulator");
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            String replies = channel.queueDeclare().getQueue();
            java.util.concurrent.BlockingQueue<String[]> answers = new java.util.concurrent.LinkedBlockingQueue<>();
            channel.basicConsume(replies, true, (tag, d) -> answers.add(new String[] {
                    String.valueOf(d.getProperties().getHeaders().get("status")), d.getProperties().getCorrelationId(),
                    new String(d.getBody(), StandardCharsets.UTF_8)}), tag -> { });
            String[] first = publish(channel, replies, answers, p, good, null);
            assertThat(first[0]).isEqualTo("202");
            assertThat(first[2]).contains("\"status\":\"PENDING\"");
            String[] again = publish(channel, replies, answers, p, good, null);
            assertThat(again[0]).isEqualTo("200");
            assertThat(again[2]).isEqualTo(first[2]);
            String[] forged = publish(channel, replies, answers, p, good, "sha256=" + "0".repeat(64));
            assertThat(forged[0]).isEqualTo("401");
            String[] invalid = publish(channel, replies, answers, p,
                    new String(good, StandardCharsets.UTF_8).replace("11010519491231002X", "110105194912310021")
                            .replace("Q-" + marker, "Q2-" + marker).getBytes(StandardCharsets.UTF_8), null);
            assertThat(invalid[0]).isEqualTo("400");
            assertThat(invalid[2]).contains("parties[0].idNumber");
        }
        assertThat(casesWith(marker)).isEqualTo(1);
    }

    private static String[] publish(com.rabbitmq.client.Channel channel, String replies,
                                    java.util.concurrent.BlockingQueue<String[]> answers, Created p, byte[] body,
                                    String forged) throws Exception {
        long ts = PartnerSimulator.now();
        String correlation = UUID.randomUUID().toString();
        channel.basicPublish("", "trilink.partner.referrals", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                .contentType("application/json").replyTo(replies).correlationId(correlation)
                .headers(Map.of("X-Partner-Id", p.code(), "X-Timestamp", Long.toString(ts), "X-Signature",
                        forged != null ? forged : PartnerSimulator.sign(p.secret(), ts, body))).build(), body);
        String[] answer = answers.poll(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer).as("an answer on the reply queue").isNotNull();
        assertThat(answer[1]).isEqualTo(correlation);
        return answer;
    }

    @Test
    void filesArriveOverSftpToo() throws Exception {
        Path root = Files.createTempDirectory("trilink-sftp-");
        Path keys = Files.createTempDirectory("trilink-sftp-keys-");
        Files.createDirectories(root.resolve("inbox"));
        org.apache.sshd.server.SshServer sshd = org.apache.sshd.server.SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(
                keys.resolve("host.ser")));
        sshd.setPasswordAuthenticator((user, password, session) -> "tester".equals(user) && "s3cret".equals(password));
        sshd.setSubsystemFactories(List.of(new org.apache.sshd.sftp.server.SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory(root));
        sshd.start();
        try {
            String inbox = "sftp://tester@127.0.0.1:" + sshd.getPort() + "/inbox?password=s3cret"
                    + "&strictHostKeyChecking=no&useUserKnownHostsFile=false";
            newPartner(inbox);
            String marker = Api.marker();
            PartnerSimulator.drop(root.resolve("inbox"), "sftp-" + marker + ".csv",
                    PartnerSimulator.csv("S-" + marker, marker, 20, Set.of(3, 11)));
            Path errors = root.resolve("inbox/done/sftp-" + marker + ".csv.errors.csv");
            Eventually.within(Duration.ofMinutes(2), () -> Files.exists(errors)
                    && Files.exists(root.resolve("inbox/done/sftp-" + marker + ".csv")));
            assertThat(casesWith(marker)).isEqualTo(18);
            assertThat(Files.readAllLines(errors, StandardCharsets.UTF_8)).hasSize(3);
        } finally {
            sshd.stop(true);
        }
    }

    static final String LEDGER_HEADER = "ledgerId,receivedAt,disputeType,summary,regionCode,address,amountInvolved,"
            + "peopleInvolved,applicantName,applicantIdNumber,applicantPhone,respondentName,outcome,agreementForm,"
            + "concludedAt";

    @Test
    void anOfficeImportsItsHistoricalLedgerRowByRow() throws Exception {
        String marker = Api.marker();
        String csv = LEDGER_HEADER + "\n"
                + "L1-" + marker + ",2024-03-05,NEIGHBOR,邻里噪音 " + marker + ",310118104,,,2,张三,11010519491231002X,,李四,SUCCESS,WRITTEN,2024-03-20\n"
                + "L2-" + marker + ",2024-04-01,LABOR,欠薪 " + marker + ",310118104,,5000,3,王五,,,某公司,FAILURE,,2024-05-01\n"
                + "L3-" + marker + ",2024-13-01,LABOR,坏日期 " + marker + ",310118104,,,2,王五,,,,,,\n"
                + "L4-" + marker + ",2025-01-09,CONSUMER,未结 " + marker + ",310118104,,,2,赵六,110105194912310021,,,,,\n"
                + "L5-" + marker + ",2025-02-09,CONSUMER,进行中 " + marker + ",310118104,,,2,赵六,,,,,,\n";
        JsonPath report = api.as("mediator").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).as(report.prettify()).isEqualTo(3);
        assertThat(report.getInt("failed")).isEqualTo(2);
        assertThat(report.getList("errors.row", Integer.class)).containsExactly(4, 5);
        assertThat(report.getString("errors[0].reason")).contains("receivedAt");
        assertThat(report.getString("errors[1].reason")).contains("parties[0].idNumber");
        assertThat(casesWith(marker)).isEqualTo(3);
        JsonPath again = api.as("mediator").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("repeated")).isEqualTo(3);
        assertThat(casesWith(marker)).isEqualTo(3);

        List<Map<String, Object>> items = api.as("mediator").queryParam("q", marker).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(items).extracting(i -> i.get("status")).containsExactlyInAnyOrder("CONCLUDED", "CONCLUDED",
                "RECEIVED");

        // the same as .xlsx, read with POI's streaming reader
        String xmarker = Api.marker();
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("台账");
            String[] header = LEDGER_HEADER.split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= 4; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("X" + r + "-" + xmarker);
                row.createCell(1).setCellValue("2024-06-0" + r);
                row.createCell(2).setCellValue(r == 4 ? "NOT_A_TYPE" : "CONTRACT");
                row.createCell(3).setCellValue("合同纠纷 " + xmarker);
                row.createCell(4).setCellValue("310118104");
                row.createCell(7).setCellValue(2);
                row.createCell(8).setCellValue("钱七");
                row.createCell(12).setCellValue("SUCCESS");
                row.createCell(13).setCellValue("ORAL");
                row.createCell(14).setCellValue("2024-07-01");
            }
            book.write(xlsx);
        }
        JsonPath x = api.as("admin").queryParam("office", "JO-ZHAOXIANG")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(xlsx.toByteArray()).post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(x.getInt("created")).isEqualTo(3);
        assertThat(x.getList("errors.row", Integer.class)).containsExactly(5);
        assertThat(x.getString("errors[0].reason")).contains("disputeType");
        assertThat(casesWith(xmarker)).isEqualTo(3);

        // staff import for their own office only; drafters not at all
        api.as("police").queryParam("office", "JO-ZHAOXIANG").contentType("text/csv").body(csv)
                .post("/api/v1/ledgers").then().statusCode(403);
        api.as("drafter").contentType("text/csv").body(csv).post("/api/v1/ledgers").then().statusCode(403);
    }

    /**
     * Issue 21, preview then confirm: an upload is checked and staged, and the preview (counts,
     * the rows with errors, a ledger id twice in the file) writes no case; all-or-nothing is
     * refused while a row has an error and stores nothing; skipping errors stores the good rows,
     * once only; the same rows again create nothing, a changed row is a conflict and the case
     * imported first stays as it was; a discarded upload stores nothing; another office's upload
     * does not exist for its staff.
     */
    @Test
    void aLedgerIsPreviewedThenConfirmedOnceAndAChangedRowIsAConflict() throws Exception {
        String m = Api.marker();
        String s1 = "S1-" + m + ",2024-03-05,NEIGHBOR,预览 " + m + ",310118104,,,2,张三,,,李四,SUCCESS,WRITTEN,2024-03-20";
        String s2 = "S2-" + m + ",2024-04-01,LABOR,预览 " + m + ",310118104,,5000,3,王五,,,某公司,FAILURE,,2024-05-01";
        String csv = LEDGER_HEADER + "\n" + s1 + "\n" + s2 + "\n"
                + "S3-" + m + ",2024-13-01,LABOR,预览 " + m + ",310118104,,,2,王五,,,,,,\n"
                + "S1-" + m + ",2024-03-06,NEIGHBOR,预览 " + m + ",310118104,,,2,张三,,,,,,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        io.restassured.response.Response staged = api.as("mediator").contentType("text/csv")
                .queryParam("fileName", "赵巷台账.csv").body(bytes).post("/api/v1/ledgers/uploads");
        staged.then().statusCode(201);
        JsonPath preview = staged.jsonPath();
        long id = preview.getLong("upload.id");
        assertThat(staged.header("Location")).endsWith("/api/v1/ledgers/uploads/" + id);
        assertThat(preview.getString("upload.status")).isEqualTo("STAGED");
        assertThat(preview.getString("upload.fileName")).isEqualTo("赵巷台账.csv");
        assertThat(preview.getString("upload.sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(preview.getInt("upload.counts.rows")).as(preview.prettify()).isEqualTo(4);
        assertThat(preview.getInt("upload.counts.valid")).isEqualTo(2);
        assertThat(preview.getInt("upload.counts.peoplesMediation")).isEqualTo(2);
        assertThat(preview.getInt("upload.counts.errors")).isEqualTo(2);
        assertThat(preview.getInt("upload.counts.repeated")).isZero();
        assertThat(preview.getInt("upload.counts.conflicts")).isZero();
        assertThat(preview.getList("issues.items.row", Integer.class)).containsOnly(4, 5);
        assertThat(preview.getList("issues.items.severity", String.class)).containsOnly("ERROR");
        assertThat(preview.getString("issues.items.find { it.row == 4 }.column")).isEqualTo("receivedAt");
        assertThat(preview.getString("issues.items.find { it.row == 5 }.code")).isEqualTo("duplicateInFile");
        assertThat(preview.getString("issues.items.find { it.row == 5 }.limit")).isEqualTo("2");
        assertThat(casesWith(m)).as("a preview writes nothing").isZero();

        // another office's upload does not exist for its staff; the district admin sees it
        api.as("mediator2").get("/api/v1/ledgers/uploads/" + id).then().statusCode(404);
        api.as("mediator2").get("/api/v1/ledgers/uploads/" + id + "/issues").then().statusCode(404);
        api.as("mediator2").contentType("application/json").body("{\"mode\":\"SKIP_ERRORS\"}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(404);
        api.as("mediator2").delete("/api/v1/ledgers/uploads/" + id).then().statusCode(404);
        api.as("admin").get("/api/v1/ledgers/uploads/" + id).then().statusCode(200);
        assertThat(api.as("mediator2").get("/api/v1/ledgers/uploads").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).doesNotContain(id);

        // strict bodies; all or nothing refused while rows have errors, and nothing stored
        api.as("mediator").contentType("application/json").body("{\"mode\":\"SKIP_ERRORS\",\"force\":true}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(400);
        api.as("mediator").contentType("application/json").body("{\"mode\":\"SOMETIMES\"}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(400);
        JsonPath refused = api.as("mediator").contentType("application/json").body("{\"mode\":\"ALL_OR_NOTHING\"}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(409)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(refused.getInt("rowsWithErrors")).as(refused.prettify()).isEqualTo(2);
        assertThat(casesWith(m)).isZero();
        assertThat(api.as("mediator").get("/api/v1/ledgers/uploads/" + id).then().statusCode(200).extract()
                .jsonPath().getString("upload.status")).isEqualTo("STAGED");

        // skipping errors stores the good rows, once
        JsonPath done = api.as("mediator").contentType("application/json").body("{\"mode\":\"SKIP_ERRORS\"}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(200).extract().jsonPath();
        assertThat(done.getInt("created")).as(done.prettify()).isEqualTo(2);
        assertThat(done.getInt("skipped")).isEqualTo(2);
        assertThat(done.getInt("repeated")).isZero();
        assertThat(done.getInt("failed")).isZero();
        assertThat(done.getString("status")).isEqualTo("CONFIRMED");
        assertThat(casesWith(m)).isEqualTo(2);
        api.as("mediator").contentType("application/json").body("{\"mode\":\"SKIP_ERRORS\"}")
                .post("/api/v1/ledgers/uploads/" + id + "/confirm").then().statusCode(409);
        api.as("mediator").delete("/api/v1/ledgers/uploads/" + id).then().statusCode(409);
        assertThat(casesWith(m)).isEqualTo(2);
        JsonPath past = api.as("mediator").get("/api/v1/ledgers/uploads").then().statusCode(200).extract().jsonPath();
        assertThat(past.getLong("items[0].id")).isEqualTo(id);
        assertThat(past.getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(past.getString("items[0].mode")).isEqualTo("SKIP_ERRORS");
        assertThat(past.getString("items[0].confirmedBy")).isEqualTo("mediator");
        assertThat(past.getInt("items[0].created")).isEqualTo(2);
        assertThat(api.as("mediator").queryParam("severity", "ERROR").get("/api/v1/ledgers/uploads/" + id + "/issues")
                .then().statusCode(200).extract().jsonPath().getList("items.row", Integer.class)).containsOnly(4, 5);
        String s2Case = api.as("mediator").queryParam("q", "S2-" + m).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath().getString("items[0].caseNumber");
        JsonPath history = api.as("mediator").get("/api/v1/cases/" + s2Case + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("change.ledger.sha256", String.class)).containsOnly(preview.getString("upload.sha256"));
        assertThat(history.getList("change.ledger.row", Integer.class)).containsOnly(3);
        assertThat(history.getList("actor", String.class)).containsOnly("mediator");

        // the same rows again create nothing; a changed row is a conflict and the first import stays
        String changed = s2.replace(",5000,", ",6000,");
        JsonPath again = api.as("mediator").contentType("text/csv")
                .body((LEDGER_HEADER + "\n" + s1 + "\n" + changed + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers/uploads").then().statusCode(201).extract().jsonPath();
        long againId = again.getLong("upload.id");
        assertThat(again.getInt("upload.counts.repeated")).as(again.prettify()).isEqualTo(1);
        assertThat(again.getInt("upload.counts.conflicts")).isEqualTo(1);
        assertThat(again.getInt("upload.counts.valid")).isZero();
        assertThat(again.getList("issues.items.severity", String.class)).containsExactly("CONFLICT");
        assertThat(again.getList("issues.items.row", Integer.class)).containsExactly(3);
        api.as("mediator").contentType("application/json").body("{\"mode\":\"ALL_OR_NOTHING\"}")
                .post("/api/v1/ledgers/uploads/" + againId + "/confirm").then().statusCode(409);
        JsonPath skipped = api.as("mediator").contentType("application/json").body("{\"mode\":\"SKIP_ERRORS\"}")
                .post("/api/v1/ledgers/uploads/" + againId + "/confirm").then().statusCode(200).extract().jsonPath();
        assertThat(skipped.getInt("created")).isZero();
        assertThat(skipped.getInt("repeated")).isEqualTo(1);
        assertThat(skipped.getInt("skipped")).isEqualTo(1);
        assertThat(casesWith(m)).isEqualTo(2);
        assertThat(api.as("mediator").get("/api/v1/cases/" + s2Case).then().statusCode(200).extract().jsonPath()
                .getDouble("amountInvolved")).isEqualTo(5000.0);

        // a discarded upload stores nothing and can not be confirmed; all or nothing stores every row,
        // rows with warnings (received more than ten years ago) included
        String n = Api.marker();
        byte[] third = (LEDGER_HEADER + "\n"
                + "T1-" + n + ",2024-06-01,CONTRACT,全部 " + n + ",310118104,,,2,钱七,,,,SUCCESS,ORAL,2024-07-01\n"
                + "T2-" + n + ",2012-05-06,CONTRACT,全部 " + n + ",310118104,,,2,钱七,,,,FAILURE,,2012-06-01\n")
                .getBytes(StandardCharsets.UTF_8);
        long dropped = api.as("mediator").contentType("text/csv").body(third).post("/api/v1/ledgers/uploads").then()
                .statusCode(201).extract().jsonPath().getLong("upload.id");
        api.as("mediator").delete("/api/v1/ledgers/uploads/" + dropped).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DISCARDED"));
        api.as("mediator").contentType("application/json").body("{\"mode\":\"ALL_OR_NOTHING\"}")
                .post("/api/v1/ledgers/uploads/" + dropped + "/confirm").then().statusCode(409);
        assertThat(casesWith(n)).isZero();
        JsonPath whole = api.as("mediator").contentType("text/csv").body(third).post("/api/v1/ledgers/uploads")
                .then().statusCode(201).extract().jsonPath();
        assertThat(whole.getInt("upload.counts.warnings")).as(whole.prettify()).isEqualTo(1);
        assertThat(whole.getString("issues.items[0].code")).isEqualTo("oldReceived");
        JsonPath all = api.as("mediator").contentType("application/json").body("{\"mode\":\"ALL_OR_NOTHING\"}")
                .post("/api/v1/ledgers/uploads/" + whole.getLong("upload.id") + "/confirm").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getInt("created")).as(all.prettify()).isEqualTo(2);
        assertThat(casesWith(n)).isEqualTo(2);

        // the scripts' one call is an upload confirmed at once, among the past imports too
        String o = Api.marker();
        api.as("mediator").contentType("text/csv").body((LEDGER_HEADER + "\n" + "U1-" + o
                        + ",2024-06-01,CONTRACT,一次 " + o + ",310118104,,,2,钱七,,,,SUCCESS,ORAL,2024-07-01\n")
                        .getBytes(StandardCharsets.UTF_8)).post("/api/v1/ledgers").then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(1));
        JsonPath latest = api.as("mediator").queryParam("size", 1).get("/api/v1/ledgers/uploads").then()
                .statusCode(200).extract().jsonPath();
        assertThat(latest.getString("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(latest.getInt("items[0].created")).isEqualTo(1);
    }

    /**
     * Issue 21: a ledger as Chinese offices have it (GBK from Excel, their own headers and words,
     * a quoted line break) imports; a file that can not be read as it is (undecidable encoding,
     * corrupt, encrypted or zip-bomb .xlsx, too large, not a ledger at all) is refused with a
     * problem that says why, and stores nothing.
     */
    @Test
    void aLedgerAsOfficesSaveItImportsAndAFileThatCanNotBeReadStoresNothing() throws Exception {
        String marker = Api.marker();
        JsonPath gbk = api.as("mediator").contentType("text/csv")
                .body(org.trilink.partners.control.LedgerSamples.chineseCsv(marker).getBytes("GBK"))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(gbk.getInt("created")).as(gbk.prettify()).isEqualTo(2);
        Map<String, Map<String, Object>> byDispute = new java.util.HashMap<>();
        for (Map<String, Object> item : api.as("mediator").queryParam("q", marker).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            byDispute.put((String) item.get("disputeType"), item);
        }
        assertThat(byDispute).containsOnlyKeys("NEIGHBOR", "LABOR");
        Map<String, Object> neighbor = byDispute.get("NEIGHBOR");
        assertThat(neighbor.get("summary")).isEqualTo("楼上漏水 " + marker);
        assertThat(neighbor.get("regionCode")).as("赵巷镇 by name").isEqualTo("310118104");
        assertThat(neighbor.get("outcome")).isEqualTo("SUCCESS");
        assertThat(neighbor.get("status")).isEqualTo("CONCLUDED");
        // 2024/3/5 is that day in the district (the API answers in UTC)
        assertThat(OffsetDateTime.parse((String) neighbor.get("receivedAt")))
                .isAtSameInstantAs(OffsetDateTime.parse("2024-03-05T00:00+08:00"));
        List<Object> names = ((List<?>) neighbor.get("parties")).stream().map(p -> ((Map<?, ?>) p).get("name"))
                .map(Object.class::cast).toList();
        assertThat(names).containsExactly("张三丰", "李四光");
        assertThat(byDispute.get("LABOR").get("outcome")).isEqualTo("FAILURE");
        JsonPath neighborCase = api.as("mediator").get("/api/v1/cases/" + neighbor.get("caseNumber")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(neighborCase.getString("agreementForm")).isEqualTo("WRITTEN");
        assertThat(neighborCase.getDouble("amountInvolved")).isEqualTo(1200.0);
        assertThat(OffsetDateTime.parse(neighborCase.getString("outcomeAt")))
                .as("2024年3月20日").isAtSameInstantAs(OffsetDateTime.parse("2024-03-20T00:00+08:00"));

        // a quoted line break stays in its field: one row, and rows are numbered by record
        String quoted = LEDGER_HEADER + "\n"
                + "Q1-" + marker + ",2024-03-05,NEIGHBOR,\"第一行, " + marker + "\n第二行\",310118104,,,2,张三,,,,,,\n"
                + "Q2-" + marker + ",2024-13-05,NEIGHBOR,坏日期 " + marker + ",310118104,,,2,张三,,,,,,\n";
        JsonPath q = api.as("mediator").contentType("text/csv").body(quoted.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(q.getInt("created")).as(q.prettify()).isEqualTo(1);
        assertThat(q.getList("errors.row", Integer.class)).as("the file's record number").containsExactly(3);
        assertThat(api.as("mediator").queryParam("q", "Q1-" + marker).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath().getString("items[0].summary")).isEqualTo("第一行, " + marker + "\n第二行");

        String bad = Api.marker();
        String xlsx = LedgerFile.XLSX;
        Object[][] refused = {
                {"text/csv", org.trilink.partners.control.LedgerSamples.undecidableCsv(bad), 400, "encoding"},
                {xlsx, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}, 400, "damaged"},
                {xlsx, org.trilink.partners.control.LedgerSamples.truncatedXlsx(bad), 400, "damaged"},
                {xlsx, org.trilink.partners.control.LedgerSamples.encryptedXlsx(bad), 400, "password"},
                {xlsx, org.trilink.partners.control.LedgerSamples.zipBombXlsx(bad), 400, "zip bomb"},
                {xlsx, org.trilink.partners.control.LedgerSamples.pdf(), 415, "PDF"},
                {"application/pdf", org.trilink.partners.control.LedgerSamples.pdf(), 415, "text/csv"},
                {"image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 415, "text/csv"},
        };
        for (Object[] r : refused) {
            var answer = api.as("mediator").contentType((String) r[0]).body((byte[]) r[1]).post("/api/v1/ledgers")
                    .then().extract();
            assertThat(answer.statusCode()).as(r[0] + " " + r[3] + ": " + answer.asString()).isEqualTo(r[2]);
            assertThat(answer.contentType()).contains("application/problem+json");
            assertThat(answer.jsonPath().getString("detail")).contains((String) r[3]);
        }
        // over the limit (trilink.ledger.max-bytes, 50 MB by default): 413, good rows and all
        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        big.writeBytes((LEDGER_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; big.size() <= 50 * 1024 * 1024; i++) {
            big.writeBytes(("O" + i + "-" + bad + ",2024-03-05,NEIGHBOR,太大 " + bad + ",310118104,,,2,张三,,,,,,\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        api.as("mediator").contentType("text/csv").body(big.toByteArray())
                .post("/api/v1/ledgers").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("50 MB"));
        assertThat(casesWith(bad)).as("nothing stored from a refused file").isZero();
    }

    /**
     * Issue 20: a ledger's 编号 in the office's format is the case's register number, and the
     * office's numbers of that year go on after the highest brought in; a concluded row with only
     * a row id gets a number of the year it was accepted in; an open row keeps its number when
     * it is accepted today.
     */
    @Test
    void aLedgersNumbersAreKeptAndTheOfficesCounterGoesOnAfterThem() {
        String marker = Api.marker();
        int before = api.as("mediator").get("/api/v1/offices/JO-ZHAOXIANG/numbers?year=2023").then().statusCode(200)
                .extract().jsonPath().getInt("registerLast");
        int highest = before + 40;
        String csv = LEDGER_HEADER + "\n"
                // typed with square brackets, as in many spreadsheets
                + "青赵调登[2023]第%04d号,2023-05-10,NEIGHBOR,旧台账 %s,310118104,,,2,张三,,,李四,SUCCESS,WRITTEN,2023-05-20\n"
                        .formatted(highest, marker)
                + "R-%s,2023-06-01,LABOR,旧台账 %s,310118104,,,2,王五,,,某公司,FAILURE,,2023-06-20\n"
                        .formatted(marker, marker)
                + "青赵调登〔2023〕第%04d号,2023-07-01,CONSUMER,旧台账未结 %s,310118104,,,2,赵六,,,,,,\n"
                        .formatted(before + 20, marker);
        JsonPath report = api.as("mediator").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).as(report.prettify()).isEqualTo(3);

        Map<String, Map<String, Object>> bySummary = new java.util.HashMap<>();
        for (Map<String, Object> item : api.as("mediator").queryParam("q", marker).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            bySummary.put(((String) item.get("summary")).startsWith("旧台账未结") ? "open"
                    : "NEIGHBOR".equals(item.get("disputeType")) ? "kept" : "numbered", item);
        }
        assertThat(bySummary.get("kept").get("registerNumber")).isEqualTo("青赵调登〔2023〕第%04d号".formatted(highest));
        assertThat(bySummary.get("numbered").get("registerNumber"))
                .as("accepted in 2023: a 2023 number, after the highest brought in")
                .isEqualTo("青赵调登〔2023〕第%04d号".formatted(highest + 1));
        assertThat(bySummary.get("open").get("registerNumber")).isNull();
        String numbered = (String) bySummary.get("numbered").get("caseNumber");
        api.as("mediator").get("/api/v1/cases/" + numbered).then().statusCode(200)
                .body("ledgerNumber", org.hamcrest.Matchers.equalTo("R-" + marker));
        // the row id is searchable too
        api.as("mediator").queryParam("q", "R-" + marker).get("/api/v1/cases").then().statusCode(200)
                .body("items.caseNumber", org.hamcrest.Matchers.equalTo(List.of(numbered)));

        String open = (String) bySummary.get("open").get("caseNumber");
        long version = api.as("mediator").get("/api/v1/cases/" + open).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}").post("/api/v1/cases/" + open + "/accept")
                .then().statusCode(200);
        api.as("mediator").get("/api/v1/cases/" + open).then().statusCode(200)
                .body("registerNumber", org.hamcrest.Matchers.equalTo("青赵调登〔2023〕第%04d号".formatted(before + 20)));
        api.as("mediator").get("/api/v1/offices/JO-ZHAOXIANG/numbers?year=2023").then().statusCode(200)
                .body("registerLast", org.hamcrest.Matchers.equalTo(highest + 1))
                .body("registerNext", org.hamcrest.Matchers.equalTo("青赵调登〔2023〕第%04d号".formatted(highest + 2)));
    }

    /**
     * Issue 21 stage 2: an administrative register and a people's mediation ledger of a past year
     * (1998, which no other test uses) import at their real stages with every fact: filings and
     * resolutions with their dates, an open accepted case that is worked on afterwards, an
     * agreement with its follow-up visits, closure. Every imported change is backfilled and names
     * the file's SHA-256 and row; none sends an SMS or e-mail, the follow-up check flags none, and
     * a statistics run over that period counts them as it counts live cases.
     */
    @Test
    void pastRegistersOfEveryKindImportWithTheirFactsSilentlyAndCount() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));
        smtp.start();
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret");
             TodayInTheCalendar today = new TodayInTheCalendar(api, ZoneId.of("Asia/Shanghai"))) {
            if (!today.working()) {
                today.makeWorkingDay();
            }
            api.as("admin").body("{\"email\": \"xujing-duty@trilink.test\", \"locale\": \"zh-CN\", \"smsToParties\": true}")
                    .put("/api/v1/notifications/offices/JO-XUJING").then().statusCode(200);
            String m = Api.marker();
            String phone = "139" + String.format("%08d", Math.floorMod(m.hashCode(), 100_000_000));
            String register = "事项类型,编号,收案日期,立案日期,申请人,申请人电话,纠纷简要情况,所属街镇,办理结果,办结日期,归档日期\n"
                    + "行政争议,A1-" + m + ",1998-02-03,,甲某," + phone + ",交通处罚 " + m + ",310118105,立案前化解,1998-02-10,\n"
                    + "行政复议,A2-" + m + ",1998-02-04,1998-02-06,乙某,,征收决定 " + m + ",310118105,案中调解,1998-03-01,1998-03-05\n"
                    + "行政争议,A3-" + m + ",1998-02-05,1998-02-07,丙某,,信息公开 " + m + ",310118105,撤销,1998-03-02,\n"
                    + "行政争议,A4-" + m + ",1998-02-06,1998-02-08,丁某,,罚款 " + m + ",310118105,维持,1998-03-03,\n"
                    + "行政争议,A5-" + m + ",1998-02-07,1998-02-09,戊某,,处罚未结 " + m + ",310118105,,,\n"
                    // a matter mediated during the case was filed first
                    + "行政争议,A6-" + m + ",1998-02-08,,己某,,无立案 " + m + ",310118105,案中调解,1998-03-03,\n";
            byte[] registerBytes = register.getBytes(StandardCharsets.UTF_8);
            JsonPath a = api.as("mediator2").contentType("text/csv").body(registerBytes).post("/api/v1/ledgers")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(a.getInt("created")).as(a.prettify()).isEqualTo(5);
            assertThat(a.getList("errors.row", Integer.class)).containsExactly(7);
            assertThat(a.getString("errors[0].reason")).contains("filedAt");
            Map<String, Map<String, Object>> matters = new java.util.HashMap<>();
            for (Map<String, Object> item : api.as("mediator2").queryParam("q", m).get("/api/v1/cases").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                matters.put(((String) item.get("summary")).split(" ")[0], item);
            }
            assertThat(matters).containsOnlyKeys("交通处罚", "征收决定", "信息公开", "罚款", "处罚未结");
            assertThat(matters.values()).allSatisfy(c -> assertThat(c.get("matterKind")).isEqualTo("ADMINISTRATIVE"));
            assertThat(matters.get("交通处罚").get("status")).isEqualTo("RESOLVED");
            assertThat(matters.get("征收决定").get("status")).isEqualTo("CLOSED");
            assertThat(matters.get("处罚未结").get("status")).isEqualTo("FILED");
            JsonPath corrected = api.as("mediator2").get("/api/v1/cases/" + matters.get("信息公开").get("caseNumber"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(corrected.getString("adminResolution")).isEqualTo("CORRECTED");
            assertThat(corrected.getString("registerNumber")).as("filed in 1998").contains("1998");

            String ledger = "编号,收案日期,受理日期,纠纷类型,纠纷简要情况,所属街镇,申请人,申请人电话,被申请人,调解结果,协议形式,"
                    + "协议内容,协议金额,履行期限,防止民转刑,结案日期,回访日期,回访方式,履行情况,满意度,回访日期2,回访方式2,"
                    + "履行情况2,满意度2,归档日期,调解员\n"
                    + "M1-" + m + ",1998-02-02,1998-02-03,邻里纠纷,漏水 " + m + ",310118105,张甲," + phone + ",李乙,调解成功,"
                    + "书面协议,赔偿维修费,\"3,000\",1998-03-31,是,1998-02-20,1998-03-01,电话回访,部分履行,基本满意,"
                    + "1998-04-02,上门,已履行,满意,1998-04-10,mediator2\n"
                    + "M2-" + m + ",1998-02-04,1998-02-05,劳动争议,欠薪未结 " + m + ",310118105,王丙," + phone
                    + ",某公司,,,,,,,,,,,,,,,,\n"
                    + "M3-" + m + ",1998-02-06,1998-02-06,合同纠纷,合同 " + m + ",310118105,赵丁,,钱戊,调解不成功,,,,,,"
                    + "1998-02-25,,,,,,,,,\n"
                    // a visit before the outcome is refused
                    + "M4-" + m + ",1998-02-06,1998-02-06,合同纠纷,坏回访 " + m + ",310118105,赵丁,,钱戊,调解成功,口头协议,,,,,"
                    + "1998-02-25,1998-02-01,,,,,,,,\n";
            byte[] ledgerBytes = ledger.getBytes(StandardCharsets.UTF_8);
            JsonPath p = api.as("mediator2").contentType("text/csv").body(ledgerBytes).post("/api/v1/ledgers")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(p.getInt("created")).as(p.prettify()).isEqualTo(3);
            assertThat(p.getList("errors.row", Integer.class)).containsExactly(5);
            assertThat(p.getString("errors[0].reason")).contains("followUpAt");
            Map<String, String> cases = new java.util.HashMap<>();
            for (Map<String, Object> item : api.as("mediator2").queryParam("q", m).get("/api/v1/cases").then()
                    .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                cases.put(((String) item.get("summary")).split(" ")[0], (String) item.get("caseNumber"));
            }
            JsonPath agreed = api.as("mediator2").get("/api/v1/cases/" + cases.get("漏水")).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(agreed.getString("status")).isEqualTo("CLOSED");
            assertThat(agreed.getString("agreementTerms")).isEqualTo("赔偿维修费");
            assertThat(agreed.getDouble("agreementAmount")).isEqualTo(3000.0);
            assertThat(agreed.getString("performanceDeadline")).isEqualTo("1998-03-31");
            assertThat(agreed.getString("followUpDue")).as("a past outcome owes no follow-up").isNull();
            assertThat(OffsetDateTime.parse(agreed.getString("acceptedAt")))
                    .isAtSameInstantAs(OffsetDateTime.parse("1998-02-03T00:00+08:00"));
            List<Map<String, Object>> visits = api.as("mediator2").get("/api/v1/cases/" + cases.get("漏水") + "/follow-ups")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(visits).extracting(v -> v.get("performance")).containsExactly("PARTLY", "PERFORMED");
            assertThat(visits).extracting(v -> v.get("satisfaction")).containsExactly(3, 5);

            // every imported fact is a backfilled change by the importer, naming the file and row
            String sha = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(ledgerBytes));
            JsonPath history = api.as("mediator2").get("/api/v1/cases/" + cases.get("漏水") + "/history").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(history.getList("type")).containsExactly("RECEIVED", "ACCEPTED", "MEDIATOR_ASSIGNED",
                    "MEDIATION_STARTED", "LEDGER_OUTCOME", "FOLLOW_UP_RECORDED", "FOLLOW_UP_RECORDED", "CLOSED");
            api.as("mediator2").get("/api/v1/cases/" + cases.get("漏水") + "/mediators").then().statusCode(200)
                    .body("username", org.hamcrest.Matchers.equalTo(List.of("mediator2")));
            assertThat(history.getList("backfilled", Boolean.class)).containsOnly(true);
            assertThat(history.getList("actor", String.class)).containsOnly("mediator2");
            assertThat(history.getList("change.ledger.sha256", String.class)).containsOnly(sha);
            assertThat(history.getList("change.ledger.row", Integer.class)).containsOnly(2);
            assertThat(history.getString("detail[0]")).contains("ledger row 2, file sha256 " + sha);
            String registerSha = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(registerBytes));
            JsonPath filed = api.as("mediator2").get("/api/v1/cases/" + matters.get("信息公开").get("caseNumber")
                    + "/history").then().statusCode(200).extract().jsonPath();
            assertThat(filed.getList("type")).containsExactly("RECEIVED", "ADMIN_FILED", "ADMIN_RESOLVED");
            assertThat(filed.getList("change.ledger.sha256", String.class)).containsOnly(registerSha);
            assertThat(filed.getList("change.ledger.row", Integer.class)).containsOnly(4);
            assertThat(filed.getList("backfilled", Boolean.class)).containsOnly(true);
            assertThat(filed.getList("occurredAt", String.class).stream().map(OffsetDateTime::parse).map(OffsetDateTime::toInstant)
                    .toList()).as("received, filed, resolved at their dates").containsExactly(
                    OffsetDateTime.parse("1998-02-05T00:00+08:00").toInstant(),
                    OffsetDateTime.parse("1998-02-07T00:00+08:00").toInstant(),
                    OffsetDateTime.parse("1998-03-02T00:00+08:00").toInstant());

            // the open case came in ACCEPTED, numbered in 1998, and is worked on as any other
            JsonPath open = api.as("mediator2").get("/api/v1/cases/" + cases.get("欠薪未结")).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(open.getString("status")).isEqualTo("ACCEPTED");
            assertThat(open.getString("registerNumber")).contains("1998");
            api.as("mediator2").header("If-Match", "\"" + open.getLong("version") + "\"").body("{}")
                    .post("/api/v1/cases/" + cases.get("欠薪未结") + "/start-mediation").then().statusCode(200);
            api.as("mediator2").get("/api/v1/cases/" + cases.get("欠薪未结")).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("IN_MEDIATION"));

            // referrals: one in from the police station, accepted, then mediated; one out, still pending
            String referred = "编号,收案日期,受理日期,纠纷类型,纠纷简要情况,所属街镇,申请人,转出单位,转介单位,转介日期,接收日期,"
                    + "调解结果,协议形式,结案日期\n"
                    + "R1-" + m + ",1998-02-10,1998-02-12,邻里,转来 " + m + ",310118105,孙某,PS-XUJING,,1998-02-10,"
                    + "1998-02-11,调解成功,口头协议,1998-02-20\n"
                    + "R2-" + m + ",1998-02-15,,邻里,转出 " + m + ",310118105,周某,,JO-ZHAOXIANG,1998-02-15,,,,\n";
            JsonPath r = api.as("mediator2").contentType("text/csv").body(referred.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
            assertThat(r.getInt("created")).as(r.prettify()).isEqualTo(2);
            String in = api.as("mediator2").queryParam("q", "R1-" + m).get("/api/v1/cases").then().statusCode(200)
                    .extract().jsonPath().getString("items[0].caseNumber");
            JsonPath inCase = api.as("mediator2").get("/api/v1/cases/" + in).then().statusCode(200).extract().jsonPath();
            assertThat(inCase.getString("receivingOfficeCode")).isEqualTo("PS-XUJING");
            assertThat(inCase.getString("handlingOfficeCode")).isEqualTo("JO-XUJING");
            assertThat(inCase.getString("registerNumber")).as("accepted by Xujing's office").startsWith("青徐调登〔1998〕");
            JsonPath inReferral = api.as("mediator2").get("/api/v1/cases/" + in + "/referrals").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(inReferral.getList("status").get(0)).isEqualTo("ACCEPTED");
            assertThat(OffsetDateTime.parse(inReferral.<String>getList("decidedAt").get(0)))
                    .isAtSameInstantAs(OffsetDateTime.parse("1998-02-11T00:00+08:00"));
            assertThat(api.as("mediator2").get("/api/v1/cases/" + in + "/history").then().statusCode(200).extract()
                    .jsonPath().getList("type")).containsExactly("RECEIVED", "REFERRED", "REFERRAL_ACCEPTED", "ACCEPTED",
                    "LEDGER_OUTCOME");
            String out = api.as("admin").queryParam("q", "R2-" + m).get("/api/v1/cases").then().statusCode(200)
                    .extract().jsonPath().getString("items[0].caseNumber");
            JsonPath outReferral = api.as("admin").get("/api/v1/cases/" + out + "/referrals").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(outReferral.getList("status").get(0)).isEqualTo("PENDING");
            assertThat(OffsetDateTime.parse(outReferral.<String>getList("deadline").get(0)))
                    .as("counted from the import, in working time").isAfter(OffsetDateTime.now());
            api.as("admin").post("/api/v1/referrals/overdue-check").then().statusCode(200);
            assertThat(api.as("admin").get("/api/v1/cases/" + out + "/referrals").then().statusCode(200).extract()
                    .jsonPath().getList("overdue")).containsExactly(false);

            // a row handled by another office: staff may not import it, the district admin may
            String other = "编号,收案日期,纠纷类型,纠纷简要情况,所属街镇,申请人,办理单位\n"
                    + "H1-" + m + ",1998-02-02,邻里,他所办理 " + m + ",310118104,张某,JO-ZHAOXIANG\n";
            JsonPath refused = api.as("mediator2").contentType("text/csv").body(other.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
            assertThat(refused.getInt("failed")).as(refused.prettify()).isEqualTo(1);
            assertThat(refused.getString("errors[0].reason")).contains("handlingOffice");
            JsonPath taken = api.as("admin").queryParam("office", "JO-XUJING").contentType("text/csv")
                    .body(other.getBytes(StandardCharsets.UTF_8)).post("/api/v1/ledgers").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(taken.getInt("created")).as(taken.prettify()).isEqualTo(1);
            assertThat(api.as("admin").queryParam("q", "H1-" + m).get("/api/v1/cases").then().statusCode(200)
                    .extract().jsonPath().getString("items[0].handlingOfficeCode")).isEqualTo("JO-ZHAOXIANG");

            // the follow-up check flags no past case, with its visits or without
            api.as("admin").post("/api/v1/follow-ups/overdue-check").then().statusCode(200);
            for (String c : List.of(cases.get("漏水"), cases.get("合同"))) {
                assertThat(api.as("mediator2").get("/api/v1/cases/" + c + "/history").then().statusCode(200)
                        .extract().jsonPath().getList("type")).doesNotContain("FOLLOW_UP_OVERDUE");
            }

            // nothing historical was sent; the live move above sends only what live moves send
            Thread.sleep(5000);
            assertThat(sms.delivered()).noneMatch(text -> text.contains(phone) && !text.contains(cases.get("欠薪未结")));
            for (jakarta.mail.internet.MimeMessage mail : smtp.getReceivedMessages()) {
                String subject = String.valueOf(mail.getSubject()) + " " + mail.getContent();
                assertThat(subject).doesNotContain(cases.get("漏水"), cases.get("合同"), in, out,
                        (String) matters.get("信息公开").get("caseNumber"));
            }

            // a statistics run over that period counts them as live cases
            JsonPath people = statistics("PEOPLES_MEDIATION", "1998-02-01", "1998-04-30");
            assertThat(figure(people, "accepted")).isEqualTo(4);
            assertThat(figure(people, "succeeded")).isEqualTo(2);
            assertThat(figure(people, "referralsSent")).isEqualTo(1);
            assertThat(figure(people, "referralsAccepted")).isEqualTo(1);
            assertThat(figure(people, "oralAgreements")).isEqualTo(1);
            assertThat(figure(people, "followedUpCases")).isEqualTo(1);
            assertThat(figure(people, "agreementsPerformed")).isEqualTo(1);
            assertThat(figure(people, "writtenAgreements")).isEqualTo(1);
            assertThat(figure(people, "criminalCasesAverted")).isEqualTo(1);
            assertThat(figure(people, "agreementAmount")).isEqualTo(3000);
            JsonPath administrative = statistics("ADMINISTRATIVE", "1998-02-01", "1998-04-30");
            assertThat(figure(administrative, "received")).isEqualTo(5);
            assertThat(figure(administrative, "resolvedBeforeFiling")).isEqualTo(1);
            assertThat(figure(administrative, "mediatedOrWithdrawn")).isEqualTo(1);
            assertThat(figure(administrative, "corrected")).isEqualTo(1);
        } finally {
            smtp.stop();
        }
    }

    /**
     * Issue 21: each matter kind's template, downloaded as a clerk does, filled below its example
     * row with the words of its own drop-downs and the formats of its columns, imports as it is.
     */
    @Test
    void aTemplateFilledWithItsOwnDropDownsImports() throws Exception {
        String m = Api.marker();
        var answer = api.as("mediator").accept(LedgerFile.XLSX).queryParam("kind", "PEOPLES_MEDIATION")
                .get("/api/v1/ledgers/template").then().statusCode(200).contentType(LedgerFile.XLSX).extract();
        assertThat(answer.header("Content-Disposition")).as("人民调解台账导入模板.xlsx, RFC 5987").contains(
                "filename*=UTF-8''%E4%BA%BA%E6%B0%91%E8%B0%83%E8%A7%A3%E5%8F%B0%E8%B4%A6%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
        byte[] filled;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(answer.asByteArray()))) {
            assertThat(book.getSheetName(1)).isEqualTo("填写说明");
            var sheet = book.getSheetAt(0);
            List<String> towns = org.trilink.partners.control.LedgerSamples.dropDown(book, "所属街镇");
            List<String> offices = org.trilink.partners.control.LedgerSamples.dropDown(book, "转出单位");
            assertThat(towns).contains("赵巷镇");
            assertThat(offices).contains("赵巷派出所");
            set(sheet, 1, "编号", "示例-" + m);
            java.util.function.Function<String, String> first = h -> org.trilink.partners.control.LedgerSamples
                    .dropDown(book, h).get(0);
            Object[][] rows = {
                    {"编号", "T1-" + m, "受理日期", java.time.LocalDate.of(2024, 5, 6), "纠纷类型", "邻里",
                            "纠纷简要情况", "模板成功 " + m, "所属街镇", "赵巷镇", "申请人", "周一", "申请人电话", "13900139000",
                            "涉及金额", 800, "调解结果", first.apply("调解结果"), "结案日期", java.time.LocalDate.of(2024, 5, 20),
                            "协议形式", first.apply("协议形式"), "协议金额", 800, "回访日期", java.time.LocalDate.of(2024, 6, 3),
                            "回访方式", "电话", "履行情况", first.apply("履行情况"), "满意度", first.apply("满意度"),
                            "防止民转刑", "是"},
                    {"编号", "T2-" + m, "受理日期", java.time.LocalDate.of(2024, 5, 7), "纠纷类型", "劳动争议",
                            "纠纷简要情况", "模板未结 " + m, "所属街镇", "赵巷镇", "申请人", "周二", "风险等级", "高",
                            "案件来源", "12345工单"},
                    {"编号", "T3-" + m, "收案日期", java.time.LocalDate.of(2024, 5, 8), "受理日期", java.time.LocalDate.of(2024, 5, 9),
                            "纠纷类型", "合同", "纠纷简要情况", "模板转来 " + m, "所属街镇", "赵巷镇", "申请人", "周三",
                            "转出单位", "赵巷派出所", "转介日期", java.time.LocalDate.of(2024, 5, 8), "转介结果", "已接收",
                            "接收日期", java.time.LocalDate.of(2024, 5, 9), "调解结果", "调解不成功",
                            "结案日期", java.time.LocalDate.of(2024, 5, 30)},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < rows[r].length; i += 2) {
                    set(sheet, r + 2, (String) rows[r][i], rows[r][i + 1]);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        JsonPath report = api.as("mediator").queryParam("office", "JO-ZHAOXIANG").contentType(LedgerFile.XLSX)
                .body(filled).post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).as(report.prettify()).isEqualTo(4);
        assertThat(report.getInt("failed")).isZero();
        Map<String, Map<String, Object>> bySummary = new java.util.HashMap<>();
        for (Map<String, Object> item : api.as("mediator").queryParam("q", m).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            bySummary.put(((String) item.get("summary")).split(" ")[0], item);
        }
        assertThat(bySummary.get("模板成功").get("status")).isEqualTo("CONCLUDED");
        assertThat(bySummary.get("模板成功").get("regionCode")).isEqualTo("310118104");
        assertThat(bySummary.get("模板未结").get("status")).isEqualTo("ACCEPTED");
        api.as("mediator").get("/api/v1/cases/" + bySummary.get("模板转来").get("caseNumber")).then().statusCode(200)
                .body("receivingOfficeCode", org.hamcrest.Matchers.equalTo("PS-ZHAOXIANG"));
        assertThat(bySummary.get("模板转来").get("outcome")).isEqualTo("FAILURE");
        assertThat(bySummary.values()).extracting(c -> c.get("handlingOfficeCode")).containsOnly("JO-ZHAOXIANG");
        assertThat(api.as("mediator").get("/api/v1/cases/" + bySummary.get("模板成功").get("caseNumber") + "/follow-ups")
                .then().statusCode(200).extract().jsonPath().getList("method")).containsExactly("PHONE");

        // the administrative register, imported by the district admin for the non-litigation centre
        byte[] register = api.as("admin").accept(LedgerFile.XLSX).queryParam("kind", "ADMINISTRATIVE")
                .get("/api/v1/ledgers/template").then().statusCode(200).extract().asByteArray();
        String a = Api.marker();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(register))) {
            var sheet = book.getSheetAt(0);
            assertThat(org.trilink.partners.control.LedgerSamples.headers(sheet)).startsWith("编号", "事项类型", "收案日期")
                    .doesNotContain("纠纷类型", "调解员", "调解结果");
            set(sheet, 1, "编号", "示例-" + a);
            Object[][] rows = {
                    {"编号", "AT1-" + a, "事项类型", "行政争议", "收案日期", java.time.LocalDate.of(2024, 6, 3),
                            "案情摘要", "模板化解 " + a, "所属街镇", "徐泾镇", "申请人", "吴一", "被申请人", "某镇人民政府",
                            "被申请人类型", "单位", "办理结果", "立案前化解", "办结日期", java.time.LocalDate.of(2024, 6, 10)},
                    {"编号", "AT2-" + a, "事项类型", "行政争议", "收案日期", java.time.LocalDate.of(2024, 6, 4),
                            "立案日期", java.time.LocalDate.of(2024, 6, 6), "案情摘要", "模板立案 " + a, "所属街镇", "徐泾镇",
                            "申请人", "吴二"},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < rows[r].length; i += 2) {
                    set(sheet, r + 2, (String) rows[r][i], rows[r][i + 1]);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            register = out.toByteArray();
        }
        JsonPath admin = api.as("admin").queryParam("office", "NLC-310118").contentType(LedgerFile.XLSX)
                .body(register).post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(admin.getInt("created")).as(admin.prettify()).isEqualTo(3);
        Map<String, Map<String, Object>> matters = new java.util.HashMap<>();
        for (Map<String, Object> item : api.as("admin").queryParam("q", a).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            matters.put(((String) item.get("summary")).split(" ")[0], item);
        }
        assertThat(matters.values()).extracting(c -> c.get("matterKind")).containsOnly("ADMINISTRATIVE");
        assertThat(matters.get("模板化解").get("status")).isEqualTo("RESOLVED");
        assertThat(matters.get("模板立案").get("status")).isEqualTo("FILED");

        // an unknown kind is a problem; a role that does not import gets no template
        api.as("mediator").accept(LedgerFile.XLSX).queryParam("kind", "CRIMINAL").get("/api/v1/ledgers/template")
                .then().statusCode(400).contentType("application/problem+json");
        api.as("mediator").accept(LedgerFile.XLSX).get("/api/v1/ledgers/template").then().statusCode(400);
        api.as("drafter").accept(LedgerFile.XLSX).queryParam("kind", "ADMINISTRATIVE").get("/api/v1/ledgers/template")
                .then().statusCode(403);
    }

    /** Writes a value under a template's header as Excel would: in the column's own format (dates as dates). */
    private static void set(org.apache.poi.ss.usermodel.Sheet sheet, int row, String header, Object value) {
        int column = org.trilink.partners.control.LedgerSamples.headers(sheet).indexOf(header);
        assertThat(column).as("the template has " + header).isNotNegative();
        var r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        var cell = r.getCell(column) != null ? r.getCell(column) : r.createCell(column);
        cell.setCellStyle(sheet.getColumnStyle(column));
        if (value instanceof java.time.LocalDate day) {
            cell.setCellValue(day);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue((String) value);
        }
    }

    /**
     * Issue 21: a row referred on twice, from the police station to the judicial office that
     * accepted it and on to a law firm, arrives with both referrals in its history, handled by
     * the law firm and mediated by its lawyer.
     */
    @Test
    void aLedgerRowReferredOnTwiceEndsWithTheLastOffice() {
        String m = Api.marker();
        String csv = "编号,收案日期,受理日期,纠纷类型,纠纷简要情况,所属街镇,申请人,转出单位,转介单位,转介日期,转介结果,接收日期,"
                + "转出单位2,转介单位2,转介日期2,转介结果2,接收日期2,转介原因2,调解员,调解结果,协议形式,结案日期\n"
                + "K1-" + m + ",1997-03-01,1997-03-03,邻里,两次转介 " + m + ",310118104,吴某,赵巷派出所,赵巷司法所,1997-03-01,"
                + "已接收,1997-03-02,赵巷司法所,上海明理律师事务所,1997-03-04,已接收,1997-03-05,需要律师参与,lawyer,调解成功,"
                + "口头协议,1997-03-20\n"
                // the chain can not go on from an office that did not take the case (it was rejected)
                + "K2-" + m + ",1997-03-01,1997-03-03,邻里,断链 " + m + ",310118104,吴某,赵巷派出所,赵巷司法所,1997-03-01,"
                + "已退回,1997-03-02,赵巷司法所,上海明理律师事务所,1997-03-04,,,,,,,\n";
        JsonPath report = api.as("mediator").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).as(report.prettify()).isEqualTo(1);
        assertThat(report.getList("errors.row", Integer.class)).containsExactly(3);
        assertThat(report.getString("errors[0].reason")).contains("referralFrom2");
        String number = api.as("admin").queryParam("q", "K1-" + m).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath().getString("items[0].caseNumber");
        JsonPath c = api.as("admin").get("/api/v1/cases/" + number).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("receivingOfficeCode")).isEqualTo("PS-ZHAOXIANG");
        assertThat(c.getString("handlingOfficeCode")).isEqualTo("LF-MINGLI");
        assertThat(c.getString("status")).isEqualTo("CONCLUDED");
        List<Map<String, Object>> referrals = api.as("admin").get("/api/v1/cases/" + number + "/referrals").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(referrals).extracting(r -> r.get("fromOfficeCode") + ">" + r.get("toOfficeCode") + " " + r.get("status"))
                .containsExactlyInAnyOrder("PS-ZHAOXIANG>JO-ZHAOXIANG ACCEPTED", "JO-ZHAOXIANG>LF-MINGLI ACCEPTED");
        JsonPath history = api.as("admin").get("/api/v1/cases/" + number + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("type", String.class)).containsSubsequence("RECEIVED", "REFERRED", "REFERRAL_ACCEPTED",
                "ACCEPTED", "REFERRED", "REFERRAL_ACCEPTED", "MEDIATOR_ASSIGNED", "LEDGER_OUTCOME");
        assertThat(history.getList("backfilled", Boolean.class)).containsOnly(true);
        // the law firm has the case and its lawyer mediated it
        api.as("lawyer").get("/api/v1/cases/" + number + "/mediators").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(List.of("lawyer")));
    }

    /** A completed statistics run of the district for a period, as the drafter reads it. */
    private JsonPath statistics(String kind, String from, String to) {
        String run = api.as("drafter").body("{\"matterKind\":\"" + kind + "\",\"from\":\"" + from + "\",\"to\":\""
                + to + "\"}").post("/api/v1/statistics/runs").then().statusCode(202).extract().jsonPath()
                .getString("runId");
        Eventually.within(Duration.ofMinutes(5), () -> List.of("COMPLETED", "FAILED", "STOPPED").contains(
                api.as("drafter").get("/api/v1/statistics/runs/" + run).then().extract().jsonPath().getString("status")));
        JsonPath json = api.as("drafter").get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("status")).isEqualTo("COMPLETED");
        return json;
    }

    private static long figure(JsonPath run, String metric) {
        return run.<Map<String, Object>>getList("figures").stream()
                .filter(f -> metric.equals(f.get("metric")) && f.get("dimension") == null)
                .map(f -> new java.math.BigDecimal(String.valueOf(f.get("value"))).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("no figure " + metric));
    }
}
