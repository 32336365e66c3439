package org.trilink.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.trilink.testing.Api;
import org.trilink.testing.Browser;
import org.trilink.testing.ChromiumPresent;
import org.trilink.testing.Deployments;

/**
 * The portal in a real browser (headless Chromium) on the real WAR: what a police officer, a
 * mediator and someone of another office see and do. Each test leaves a screenshot in
 * target/screenshots. All browser tests share this one deployment.
 */
@ExtendWith({ChromiumPresent.class, ArquillianExtension.class})
class PortalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar();
    }

    @ArquillianResource
    URL base;

    Browser browser;
    Api api;
    String screenshot;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        browser = new Browser(base.toExternalForm());
        api = new Api(base);
        screenshot = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            browser.screenshot(screenshot);
        } finally {
            browser.close();
        }
    }

    @Test
    void policeLogsADisputeFindsItInTheListAndOpensIt() throws Exception {
        String marker = Api.marker();
        browser.signIn("police");
        browser.click("navIntake");
        browser.waitFor(By.id("intake:save"));

        browser.choose("intake:channel", "POLICE_110");
        browser.choose("intake:disputeType", "NEIGHBOR");
        browser.choose("intake:region", "310118104");
        browser.type("intake:summary", "楼上漏水，双方多次争吵 " + marker);
        browser.type("intake:parties:0:name", "张三");
        browser.type("intake:parties:0:idNumber", "110105194912310021"); // wrong check digit
        browser.type("intake:parties:0:phone", "13800138000");
        browser.type("intake:parties:1:name", "<script>alert(1)</script>");

        // a party added and removed in place, without losing what was typed
        browser.clickAjax("intake:addParty");
        assertThat(browser.all(By.cssSelector(".tl-party"))).hasSize(3);
        assertThat(browser.byId("intake:parties:0:name").getAttribute("value")).isEqualTo("张三");
        browser.clickAjax("intake:parties:2:remove");
        assertThat(browser.all(By.cssSelector(".tl-party"))).hasSize(2);

        // the check digit is checked beside the field, and nothing is registered
        browser.click("intake:save");
        browser.waitFor(By.id("intake:save"));
        assertThat(browser.pageText()).contains("校验位");
        browser.screenshot("intake-validation");

        browser.type("intake:parties:0:idNumber", "11010519491231002X");
        browser.click("intake:save");
        String caseNumber = browser.waitFor(By.id("caseNumber")).getText();
        assertThat(caseNumber).startsWith("TL");
        assertThat(browser.pageText()).contains("已登记，案件编号 " + caseNumber, marker, "已登记");

        // the party named like a script shows as text, and no script ran
        assertThat(browser.all(By.cssSelector(".tl-party-name")).stream().map(e -> e.getText()))
                .contains("<script>alert(1)</script>");
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());

        // personal data masked until "show", which is recorded
        assertThat(browser.all(By.cssSelector(".tl-id")).get(0).getText()).isEqualTo("1101**********002X");
        assertThat(browser.all(By.cssSelector(".tl-phone")).get(0).getText()).isEqualTo("138****8000");
        browser.clickAjax("casePage:reveal");
        assertThat(browser.all(By.cssSelector(".tl-id")).get(0).getText()).isEqualTo("11010519491231002X");
        assertThat(browser.pageText()).contains("完整信息的查看已记录");

        // the case list finds it by its number, masked
        browser.click("navCases");
        browser.type("cases:text", caseNumber);
        browser.clickAjax("cases:search");
        browser.waitForText(By.id("cases:table"), caseNumber);
        assertThat(browser.text(By.id("cases:table"))).contains("138****8000").doesNotContain("13800138000");
        browser.screenshot("case-list");
        browser.driver().findElement(By.linkText(caseNumber)).click();
        browser.waitForText(By.id("caseNumber"), caseNumber);
        assertThat(browser.text(By.id("casePage:history"))).contains("登记");
        browser.screenshot("case-page");
    }

    /**
     * The whole way of a dispute through the portal: the police log it and refer it to the
     * judicial office; the mediator accepts the referral and the case, mediates, records a
     * written agreement and the follow-up visit, and closes it. At each step only the moves
     * the lifecycle allows are offered.
     */
    @Test
    void policeRefersAndTheMediatorSeesTheCaseThrough() throws Exception {
        String marker = Api.marker();
        browser.signIn("police");
        String caseNumber = logDispute(marker, "11010519491231002X");
        // the registration is said once, on the case page's own message area
        assertThat(occurrences(browser.pageText(), "已登记，案件编号 " + caseNumber)).isEqualTo(1);
        // one primary next step (受理), the others secondary; nothing about sessions before there is one
        assertThat(browser.all(By.cssSelector("button.tl-primary"))).hasSize(1);
        assertThat(browser.present("tl-move-ACCEPT")).isTrue();
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-ACCEPT"))
                .getAttribute("class")).contains("tl-primary").doesNotContain("ui-button-outlined");
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-REFER"))
                .getAttribute("class")).contains("ui-button-outlined");
        assertThat(browser.present("tl-move-CLOSE")).isFalse();
        browser.screenshot("case-page-next-step");

        browser.clickClass("tl-move-REFER");
        // nothing chosen: said beside the field, in words that say what is wanted, and only there
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.xpath(field("casePage:officeCode")), "请选择转至的单位");
        assertThat(browser.text(By.id("casePage:messages"))).doesNotContain("请选择转至的单位");
        browser.screenshot("case-page-field-error");
        browser.choose("casePage:officeCode", "JO-ZHAOXIANG");
        browser.type("casePage:reason", "非警务纠纷，移交司法所调解 " + marker);
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:referrals"), "待接收");
        // the success is said once, and the next action clears it
        assertThat(occurrences(browser.pageText(), "已办理：转介")).isEqualTo(1);
        assertThat(browser.all(By.id("documents:documentMessages")).stream().map(e -> e.getText()))
                .allMatch(String::isEmpty);
        // while the referral is pending, the police may only recall it
        assertThat(browser.present("tl-move-RECALL_REFERRAL")).isTrue();
        assertThat(browser.present("tl-move-ACCEPT")).isFalse();
        assertThat(browser.present("tl-move-REFER")).isFalse();
        browser.clickClass("tl-move-RECALL_REFERRAL");
        assertThat(browser.pageText()).doesNotContain("已办理：转介");
        browser.clickAjax("casePage:cancelMove");
        // the police station follows its referral in its inbox, among those waiting for the other office
        browser.click("navInbox");
        browser.waitForText(By.id("inbox:sent"), "待对方接收");
        browser.type("inbox:search", caseNumber);
        browser.clickAjax("inbox:find");
        browser.waitForText(By.id("inbox:sent"), caseNumber);
        assertThat(browser.text(By.id("inbox:sent"))).contains("赵巷司法所", "待对方接收 1 件");
        assertThat(browser.text(By.id("inbox:pending"))).doesNotContain(caseNumber);

        browser.signIn("mediator");
        // the count is formatted for people ("1,018"): read its digits
        assertThat(Integer.parseInt(browser.text(By.id("referralsCount")).replaceAll("[^0-9]", ""))).isPositive();
        browser.click("navInbox");
        // the inbox says how many wait (other tests leave this office hundreds) and finds the one
        browser.waitForText(By.id("inbox:pending"), "待接收");
        browser.type("inbox:search", caseNumber);
        browser.clickAjax("inbox:find");
        browser.waitForText(By.id("inbox:pending"), caseNumber);
        assertThat(browser.text(By.id("inbox:pending"))).contains("待接收 1 件");
        browser.screenshot("referral-inbox");
        // accepting the referral takes the case on (受理) in the same step
        browser.clickClass("tl-accept-" + caseNumber);
        browser.waitForText(By.id("inbox:messages"), "已接收转介并受理案件 " + caseNumber);

        browser.open("cases/case.xhtml?n=" + caseNumber);
        browser.waitForText(By.id("handlingOffice"), "赵巷司法所");
        assertThat(browser.text(By.id("status"))).isEqualTo("已受理");
        assertThat(browser.present("tl-move-ACCEPT")).isFalse();
        assertThat(browser.text(By.id("casePage:history"))).contains("转介已接收", "受理");
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-START_MEDIATION"))
                .getAttribute("class")).contains("tl-primary");
        move("START_MEDIATION");
        browser.waitForText(By.id("status"), "调解中");

        correctAPartysAddress(caseNumber, marker);

        // the moves that need a choice: a mediator of the office taking part, a new risk level with its reason
        browser.clickClass("tl-move-ASSIGN_MEDIATOR");
        browser.choose("casePage:mediator", "mediator");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:history"), "指派调解员");
        browser.clickClass("tl-move-CHANGE_RISK");
        browser.choose("casePage:risk", "HIGH");
        browser.type("casePage:reason", "双方情绪激动");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:history"), "风险等级变更");

        // no session yet: none to adjust, cancel or record; scheduling one is the next step
        assertThat(browser.present("tl-move-RESCHEDULE_SESSION")).isFalse();
        assertThat(browser.present("tl-move-CANCEL_SESSION")).isFalse();
        assertThat(browser.present("tl-move-RECORD_SESSION")).isFalse();
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-SCHEDULE_SESSION"))
                .getAttribute("class")).contains("tl-primary");
        browser.clickClass("tl-move-SCHEDULE_SESSION");
        browser.type("casePage:place", "赵巷镇人民调解委员会调解室");
        java.time.LocalDateTime sessionAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(1).withHour(14).withMinute(30);
        String typed = sessionAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        // typed, then Esc: what was typed stays, and no calendar covers the field while typing
        browser.type("casePage:when_input", typed);
        browser.byId("casePage:when_input").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(browser.byId("casePage:when_input").getAttribute("value")).isEqualTo(typed);
        assertThat(browser.all(By.id("casePage:when_panel")).stream().filter(e -> e.isDisplayed())).isEmpty();
        // the calendar opens by its button, beside the field and not over it
        browser.driver().findElement(By.cssSelector("#casePage\\:when .ui-datepicker-trigger")).click();
        org.openqa.selenium.WebElement panel = browser.waitFor(By.id("casePage:when_panel"));
        // below the field, or above it where the window has no room below: never over it
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const i = arguments[0], r = i.getBoundingClientRect();"
                        + " return [r.top + 2, r.top + r.height / 2, r.bottom - 2].every(y =>"
                        + " document.elementFromPoint(r.left + r.width / 2, y) === i);",
                browser.byId("casePage:when_input"))).as("the typed field stays visible with the calendar open").isEqualTo(true);
        browser.screenshot("date-picker-open");
        browser.byId("casePage:place").click();
        browser.byId("casePage:when_input").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertThat(browser.byId("casePage:when_input").getAttribute("value")).isEqualTo(typed);
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:sessions"), "已安排");
        assertThat(browser.text(By.id("casePage:sessions")))
                .contains(sessionAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")));
        assertThat(browser.present("tl-move-CANCEL_SESSION")).isTrue();
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-RECORD_SESSION"))
                .getAttribute("class")).contains("tl-primary");

        browser.clickClass("tl-move-RECORD_SESSION");
        browser.type("casePage:notes", "双方到场，同意修复漏水并赔偿");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:sessions"), "已召开");
        assertThat(browser.byId("casePage:actionsPanel").findElement(By.cssSelector(".tl-move-RECORD_OUTCOME"))
                .getAttribute("class")).contains("tl-primary");

        browser.clickClass("tl-move-RECORD_OUTCOME");
        browser.type("casePage:terms", "楼上住户于两周内修复漏水，赔偿楼下住户3000元");
        // kept from becoming a criminal case: the form asks for the people, as the report counts them
        browser.byId("casePage:criminalCaseAverted").findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.clickAjax("casePage:confirm");
        // said beside the field, in words that say what is allowed, not at the top as well
        browser.waitForText(By.xpath(field("casePage:criminalCaseAvertedPeople")),
                "防止民转刑人数：勾选“防止民转刑”时须填写，为1至100000的整数");
        assertThat(browser.text(By.id("casePage:messages"))).doesNotContain("防止民转刑人数");
        browser.screenshot("outcome-field-error");
        browser.type("casePage:criminalCaseAvertedPeople_input", "3");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("status"), "已调结");
        assertThat(browser.text(By.id("agreementForm"))).isEqualTo("书面协议");
        assertThat(browser.text(By.id("outcome"))).isEqualTo("调解成功");
        assertThat(browser.text(By.id("criminalCaseAverted"))).isEqualTo("3人");

        documentsFromTheCasePage();

        browser.clickClass("tl-move-RECORD_FOLLOW_UP");
        browser.type("casePage:notes", "电话回访，已履行");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("casePage:followUps"), "已履行");

        move("CLOSE");
        browser.waitForText(By.id("status"), "已结案");
        assertThat(browser.pageText()).contains("当前没有可办理的事项。");
        assertThat(browser.text(By.id("casePage:history"))).contains("转介", "转介已接收", "受理", "召开调解会",
                "记录调解结果", "记录回访", "结案");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2300));
        browser.screenshot("case-page-closed"); // the whole page: docs/images/case-page.png is a copy
    }

    /**
     * The handling mediator corrects the applicant's address in the dialog the parties table
     * offers: it opens with the full particulars, checks the phone beside its field, refuses a
     * save after someone else changed the case with a page message, and after a fresh start
     * the page shows the new address and the history the correction.
     */
    private void correctAPartysAddress(String caseNumber, String marker) throws Exception {
        String address = "上海市青浦区赵巷镇新府路" + marker.substring(1, 5) + "号";
        browser.clickClass("tl-correct-1");
        browser.waitFor(By.id("partyForm:address"));
        assertThat(browser.byId("partyForm:idNumber").getAttribute("value")).isEqualTo("11010519491231002X");
        assertThat(browser.byId("partyForm:phone").getAttribute("value")).isEqualTo("13800138000");
        browser.type("partyForm:phone", "2380013800");
        browser.type("partyForm:address", address);
        browser.clickAjax("partyForm:save");
        browser.waitForText(By.id("partyForm"), "以1开头的11位手机号");
        browser.screenshot("party-correction-validation");

        // meanwhile someone else changes the case: the save is refused with a message, not a trace
        long version = api.as("mediator").get("/api/v1/cases/" + caseNumber + "/actions").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        api.as("mediator").header("If-Match", "\"" + version + "\"")
                .body("{\"level\":\"MEDIUM\",\"reason\":\"另一窗口调整\"}")
                .post("/api/v1/cases/" + caseNumber + "/risk").then().statusCode(200);
        browser.type("partyForm:phone", "13800138000");
        browser.clickAjax("partyForm:save");
        browser.waitForText(By.id("casePage:messages"), "案件刚被他人修改");
        assertThat(browser.pageText()).doesNotContain("Exception");
        assertThat(browser.text(By.id("casePage:history"))).doesNotContain("当事人信息更正");

        browser.clickClass("tl-correct-1");
        browser.waitFor(By.id("partyForm:address"));
        browser.type("partyForm:address", address);
        browser.type("partyForm:reason", "当事人搬家");
        browser.clickAjax("partyForm:save");
        browser.waitForText(By.id("casePage:history"), "当事人信息更正");
        assertThat(browser.text(By.id("casePage:messages"))).contains("已办理：更正当事人信息");
        browser.clickAjax("casePage:reveal");
        browser.waitForText(By.id("casePage:parties"), address);
        browser.screenshot("party-corrected");
    }

    /**
     * The written agreement, generated from the case page and downloaded through the link the
     * page offers, with the browser's own session (no other credentials); a signed copy of the
     * wrong type is refused with a clear message, a PDF is filed.
     */
    private void documentsFromTheCasePage() throws Exception {
        browser.clickClass("tl-generate-AGREEMENT");
        browser.waitForText(By.id("documents:stored"), "人民调解协议书");
        assertThat(browser.text(By.id("documents:documentMessages"))).contains("已生成人民调解协议书第1版");
        String href = browser.driver().findElement(By.cssSelector(".tl-doc-AGREEMENT")).getAttribute("href");
        io.restassured.response.Response download = io.restassured.RestAssured.given().redirects().follow(false)
                .cookies(browser.cookies()).get(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        byte[] pdf = download.asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // without the session the same link is refused
        assertThat(io.restassured.RestAssured.given().redirects().follow(false).get(href).statusCode()).isEqualTo(401);

        java.nio.file.Path notAScan = java.nio.file.Files.createTempFile("agreement", ".pdf");
        java.nio.file.Files.writeString(notAScan, "not a scan at all");
        browser.driver().findElement(By.cssSelector("#documents input[type=file]")).sendKeys(notAScan.toString());
        browser.waitForText(By.id("documents:documentMessages"), "文件类型不符");
        browser.screenshot("case-documents-refused");

        java.nio.file.Path scan = java.nio.file.Files.createTempFile("agreement-signed", ".pdf");
        java.nio.file.Files.write(scan, pdf);
        browser.driver().findElement(By.cssSelector("#documents input[type=file]")).sendKeys(scan.toString());
        browser.waitForText(By.id("documents:documentMessages"), "签字件已归档");
        assertThat(browser.all(By.cssSelector(".tl-signed-copy"))).hasSize(1);
        browser.screenshot("case-documents");
    }

    /** The field box (label, input, its message) around an input, as an XPath. */
    private static String field(String inputId) {
        return "//*[@id='" + inputId + "']/ancestor::div[contains(@class,'tl-field')][1]";
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private void move(String move) {
        browser.clickClass("tl-move-" + move);
        browser.clickAjax("casePage:confirm");
    }

    /** Logs a dispute through the intake form and answers its case number, on its case page. */
    private String logDispute(String marker, String idNumber) {
        browser.click("navIntake");
        browser.waitFor(By.id("intake:save"));
        browser.choose("intake:channel", "POLICE_110");
        browser.choose("intake:disputeType", "NEIGHBOR");
        browser.choose("intake:region", "310118104");
        browser.type("intake:summary", "楼上漏水，双方多次争吵 " + marker);
        browser.type("intake:parties:0:name", "张三");
        browser.type("intake:parties:0:idNumber", idNumber);
        browser.type("intake:parties:0:phone", "13800138000");
        browser.type("intake:parties:1:name", "李四");
        browser.click("intake:save");
        return browser.waitFor(By.id("caseNumber")).getText();
    }

    /**
     * A dispute the mediator accepted today is counted when the drafter runs the statistics for
     * today: a progress bar while the job runs, then the figures, the charts, the sentence to
     * paste, and the case among those behind the "accepted" figure.
     */
    @Test
    void theDrafterRunsStatisticsAndSeesTheNewCaseCounted() throws Exception {
        String caseNumber = api.as("mediator").body(Api.intake(Api.marker())).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        long version = api.as("mediator").get("/api/v1/cases/" + caseNumber + "/actions").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}")
                .post("/api/v1/cases/" + caseNumber + "/accept").then().statusCode(200);

        // the drafter starts on the past runs (issue 23), not on a desk that says the role works no cases
        browser.signIn("drafter");
        browser.waitFor(By.id("stats:pastRuns"));
        assertThat(browser.driver().getCurrentUrl()).contains("statistics/runs");
        assertThat(browser.pageText()).contains("历次统计").doesNotContain("您的角色不处理案件");
        browser.waitFor(By.id("stats:run"));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String field : new String[] {"stats:from_input", "stats:to_input"}) {
            // the fields hold this year's first day and today: replace, not append; on a busy
            // machine the date picker can still be redrawing while keys arrive, so type until the
            // field reads the date
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                        org.openqa.selenium.WebElement input = browser.byId(field);
                        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                                org.openqa.selenium.Keys.DELETE);
                        input.sendKeys(today);
                        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
                        return today.equals(browser.byId(field).getAttribute("value"));
                    });
        }
        browser.choose("stats:scope", "JO-ZHAOXIANG");
        browser.clickAjax("stats:run");
        browser.waitFor(By.id("stats:progress"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofMinutes(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the poll redraws it
                .until(d -> d.findElement(By.cssSelector(".tl-run-status")).getText().matches(".*(已完成|失败|已停止).*"));
        assertThat(browser.text(By.cssSelector(".tl-run-status"))).isEqualTo("已完成");
        browser.waitFor(By.id("stats:report"));
        long accepted = Long.parseLong(browser.text(By.cssSelector(".tl-figure-accepted")).replaceAll("[^0-9]", ""));
        assertThat(accepted).isPositive();
        assertThat(browser.byId("stats:report").getAttribute("value")).contains("受理", "赵巷");
        assertThat(browser.all(By.cssSelector("#stats\\:byTypeChart canvas"))).isNotEmpty();
        browser.screenshot("statistics");

        browser.clickClass("tl-drill-accepted");
        browser.waitForText(By.id("stats:drillCases"), caseNumber);
        // the cases behind the figure open in view, not below the fold
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "var r = document.getElementById('stats:drillPanel').getBoundingClientRect();"
                                + " return r.top >= 0 && r.top < window.innerHeight;")));
        // the drill-down carries no personal data at all
        assertThat(browser.text(By.id("stats:drillCases"))).doesNotContain("张三", "13800138000");
        browser.screenshot("statistics-drill-down");

        // the run is the newest of the past runs; opened again from there, its figures come back
        browser.open("statistics/runs.xhtml");
        browser.waitForText(By.id("stats:pastRuns"), today + " – " + today);
        assertThat(browser.text(By.cssSelector("#stats\\:pastRuns tbody tr:first-child"))).contains(today + " – " + today,
                "赵巷司法所", "已完成", "drafter");
        assertThat(browser.all(By.id("stats:report"))).isEmpty();
        browser.driver().findElement(By.cssSelector("#stats\\:pastRuns tbody tr:first-child .tl-past-show")).click();
        browser.waitFor(By.id("stats:report"));
        assertThat(Long.parseLong(browser.text(By.cssSelector(".tl-figure-accepted")).replaceAll("[^0-9]", "")))
                .isEqualTo(accepted);
        browser.screenshot("statistics-past-runs");

        // the workbook comes with the drafter's session
        String href = browser.driver().findElement(By.id("stats:xlsx")).getAttribute("href");
        byte[] xlsx = io.restassured.RestAssured.given().redirects().follow(false)
                .cookies(browser.cookies())
                .get(href).then().statusCode(200).extract().asByteArray();
        assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");

        // success rate by office: the office of the scope is credited with every case of the run
        assertThat(browser.text(By.cssSelector(".tl-rates-byOffice"))).contains("赵巷司法所", "%");
        // 同比 and 环比 name their periods; the previous day, computed from the page, fills its columns
        assertThat(browser.text(By.id("comparisons"))).contains("同比", "环比", "尚无已完成的统计");
        assertThat(browser.text(By.cssSelector(".tl-pop-accepted"))).isEqualTo("—");
        browser.clickClass("tl-compute-periodOnPeriod");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofMinutes(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector(".tl-pb-accepted")).getText().equals("—"));
        long before = Long.parseLong(browser.text(By.cssSelector(".tl-pb-accepted")).replaceAll("[^0-9]", ""));
        String change = browser.text(By.cssSelector(".tl-pop-accepted"));
        if (before == 0) {
            assertThat(change).as("no percent of nothing").isEqualTo("—");
        } else {
            java.math.BigDecimal expected = java.math.BigDecimal.valueOf(accepted - before).multiply(
                    java.math.BigDecimal.valueOf(100)).divide(java.math.BigDecimal.valueOf(before), 2,
                    java.math.RoundingMode.HALF_UP);
            assertThat(change).isEqualTo((expected.signum() > 0 ? "+" : "") + expected.toPlainString() + "%");
        }
        assertThat(browser.text(By.cssSelector(".tl-pop-successRate"))).matches("—|[+-]?[0-9]+\\.[0-9]{2}个百分点");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1600));
        browser.screenshot("statistics-comparisons");

        // statistics are for drafters: the mediator gets the refusal page
        browser.signIn("mediator");
        assertThat(browser.all(By.id("navStatistics"))).isEmpty();
        browser.open("statistics/runs.xhtml");
        assertThat(browser.pageText()).doesNotContain("开始统计", "Exception");
    }

    /**
     * The district admin: a new partner's secret is shown once and never again, staff are listed
     * with their roles, an office type's deadline is changed; nobody else gets the page.
     */
    @Test
    void theDistrictAdminManagesPartnersAndDeadlines() throws Exception {
        browser.signIn("admin");
        browser.click("navAdmin");
        browser.waitFor(By.id("admin:tabs"));
        assertThat(browser.text(By.id("admin:tabs:deadLettersBox"))).isNotEmpty();

        String code = "p" + Api.marker().toLowerCase().substring(1, 9);
        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:partnersTab']")).click();
        browser.waitFor(By.id("admin:tabs:partnerCode"));
        browser.type("admin:tabs:partnerCode", code);
        browser.type("admin:tabs:partnerName", "测试协作单位 <b>x</b>");
        browser.choose("admin:tabs:partnerOffice", "JO-ZHAOXIANG");
        browser.clickAjax("admin:tabs:createPartner");
        String secret = browser.waitFor(By.id("partnerSecret")).getText();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(browser.text(By.id("admin:tabs:partners"))).contains(code, "测试协作单位 <b>x</b>");
        browser.screenshot("admin-partner-secret");
        // shown once: the page opened again does not have it
        browser.open("admin/index.xhtml");
        browser.waitFor(By.id("admin:tabs"));
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(browser.all(By.id("partnerSecret"))).isEmpty();

        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:officesTab']")).click();
        browser.waitForText(By.id("admin:tabs:staff"), "mediator");
        assertThat(browser.text(By.cssSelector(".tl-roles-drafter"))).contains("报告起草人");

        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:deadlinesTab']")).click();
        browser.waitFor(By.id("admin:tabs:saveType"));
        browser.choose("admin:tabs:deadlineType", "LAW_FIRM");
        browser.type("admin:tabs:typeHours_input", "36");
        browser.type("admin:tabs:typeDays_input", "20");
        browser.clickAjax("admin:tabs:saveType");
        browser.waitForText(By.id("admin:messages"), "已保存");
        assertThat(browser.text(By.cssSelector(".tl-hours-LAW_FIRM"))).isEqualTo("36");
        browser.screenshot("admin-deadlines");

        // the working calendar (issue 20): the shipped Spring Festival, and a later year's holiday added
        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:calendarTab']")).click();
        browser.waitFor(By.id("admin:tabs:saveCalendarDay"));
        browser.choose("admin:tabs:calendarYear", "2026");
        browser.waitFor(By.cssSelector(".tl-day-2026-02-16"));
        assertThat(browser.text(By.id("admin:tabs:calendarDays"))).contains("2026-02-14", "调休上班", "春节", "法定节假日");
        // a day of a later year, added through the form, shows with its year (the table turns to it)
        try {
            browser.type("admin:tabs:calendarName", "测试假日");
            browser.choose("admin:tabs:calendarKind", "HOLIDAY");
            // the date through the picker's widget, as a click in it would, and last: typing into the
            // picker leaves its panel open, and the keys typed next into the name field were lost
            // (seen here: the name empty, the save refused as incomplete, "已保存" never came)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "PrimeFaces.getWidgetById(arguments[0]).setDate(new Date(2031, 0, 6));", "admin:tabs:calendarDay");
            assertThat(browser.driver().findElement(By.id("admin:tabs:calendarDay_input")).getAttribute("value"))
                    .isEqualTo("2031-01-06");
            browser.clickAjax("admin:tabs:saveCalendarDay");
            browser.waitForText(By.id("admin:messages"), "已保存");
            browser.waitFor(By.cssSelector(".tl-day-2031-01-06"));
            assertThat(browser.text(By.id("admin:tabs:calendarDays"))).contains("测试假日", "admin")
                    .doesNotContain("2026-02-14");
            assertThat(browser.text(By.id("admin:tabs:calendarYear_label"))).isEqualTo("2031");
            api.as("admin").get("/api/v1/calendar/2031").then().statusCode(200)
                    .body("days.find { it.day == '2031-01-06' }.kind", org.hamcrest.Matchers.equalTo("HOLIDAY"));
            browser.screenshot("admin-calendar");
        } finally {
            api.as("admin").delete("/api/v1/calendar/days/2031-01-06").then().statusCode(204);
        }

        browser.signIn("mediator");
        assertThat(browser.all(By.id("navAdmin"))).isEmpty();
        browser.open("admin/index.xhtml");
        assertThat(browser.pageText()).doesNotContain(code, "Exception");
    }

    /**
     * The district admin opens a new judicial office and gives it a mediator, through the page: a
     * faulty office code is named beside the field, the same username twice is refused with a clear
     * message. The new mediator signs in with the first password and works at the new office's
     * desk, where a referral the police sent to it waits; disabling the account ends that session.
     */
    @Test
    void theDistrictAdminOpensAnOfficeAndGivesItAMediator() throws Exception {
        String suffix = Api.marker().substring(1, 9).toUpperCase();
        String code = "JO-T" + suffix;
        String officeName = "测试司法所" + suffix;
        String username = "m" + suffix.toLowerCase();
        String password = "first-" + suffix + "-pw";

        browser.signIn("admin");
        browser.click("navAdmin");
        browser.waitFor(By.id("admin:tabs"));
        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:officesTab']")).click();
        browser.waitFor(By.id("admin:tabs:officeCode"));

        // a code people could not type in a referral is named beside its field; nothing is stored
        browser.type("admin:tabs:officeCode", "new office");
        browser.choose("admin:tabs:officeType", "JUDICIAL_OFFICE");
        browser.type("admin:tabs:officeNameZh", officeName);
        browser.type("admin:tabs:officeNameEn", "Test Judicial Office " + suffix);
        browser.choose("admin:tabs:officeRegion", "310118104");
        browser.clickAjax("admin:tabs:saveOfficeForm");
        browser.waitForText(By.id("admin:tabs:officeForm"), "大写字母");
        assertThat(browser.text(By.id("admin:messages"))).contains("请检查标出的字段");
        assertThat(browser.pageText()).doesNotContain("Exception");

        browser.type("admin:tabs:officeCode", code);
        browser.clickAjax("admin:tabs:saveOfficeForm");
        browser.waitForText(By.id("admin:messages"), "已新增单位 " + code);
        api.as("admin").get("/api/v1/offices/" + code).then().statusCode(200)
                .body("nameZh", org.hamcrest.Matchers.equalTo(officeName))
                .body("regionCode", org.hamcrest.Matchers.equalTo("310118104"))
                .body("active", org.hamcrest.Matchers.equalTo(true));

        // a mediator (office staff) in the new office, with a first password
        browser.waitFor(By.id("admin:tabs:staffUsername"));
        fillStaff(username, code, password);
        browser.clickAjax("admin:tabs:saveStaff");
        browser.waitForText(By.id("admin:messages"), "已新增人员 " + username);
        api.as("admin").get("/api/v1/staff/" + username).then().statusCode(200)
                .body("officeCode", org.hamcrest.Matchers.equalTo(code))
                .body("roles", org.hamcrest.Matchers.contains("STAFF"));
        browser.screenshot("admin-staff-created");

        // the same username again: said plainly beside the field and at the top
        fillStaff(username, code, "another-" + password);
        browser.clickAjax("admin:tabs:saveStaff");
        browser.waitForText(By.id("admin:messages"), "用户名 " + username + " 已被使用");
        assertThat(browser.text(By.id("admin:tabs:staffForm"))).contains("已被使用");
        assertThat(browser.pageText()).doesNotContain("Exception", "duplicate", "constraint");
        browser.screenshot("admin-duplicate-username");

        // the police refer a case to the new office; the new mediator finds it on the office's desk
        String caseNumber = api.as("police").body(Api.intake(Api.marker())).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        long version = api.as("police").get("/api/v1/cases/" + caseNumber + "/actions").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        api.as("police").header("If-Match", "\"" + version + "\"")
                .body("{\"toOfficeCode\": \"" + code + "\", \"reason\": \"转新设司法所调解\"}")
                .post("/api/v1/cases/" + caseNumber + "/referrals").then().statusCode(201);

        browser.signIn(username, password);
        password = browser.changeDuePassword(password, "Changed-" + password);
        assertThat(browser.text(By.id("currentUser"))).contains("测试调解员", officeName);
        assertThat(browser.text(By.id("referrals"))).contains("待接收的转介", caseNumber);
        assertThat(browser.text(By.id("referralsCount"))).isEqualTo("1");
        assertThat(browser.all(By.id("navAdmin"))).isEmpty();
        browser.screenshot("new-mediator-desk");

        // the admin disables the account: the open session ends at the next click
        api.as("admin").post("/api/v1/staff/" + username + "/disable").then().statusCode(200);
        browser.open("");
        browser.waitFor(By.id("login:signIn"));
        browser.attemptSignIn(username, password);
        browser.waitFor(By.id("login:signIn"));
        assertThat(browser.pageText()).contains("用户名或密码错误");
    }

    /**
     * The security tab: an account locked by password guessing shows with its failures; the admin
     * unlocks it, finds the story in the audit trail in Chinese and checks the chain.
     */
    @Test
    void theAdminUnlocksAGuessedAccountAndReadsTheAuditTrail() throws Exception {
        String name = "lock" + Api.marker().toLowerCase().substring(1, 9);
        api.as("admin").body("""
                {"username": "%s", "displayName": "锁定测试", "officeCode": "JO-ZHAOXIANG", "roles": ["STAFF"],
                 "password": "Right-pass-1"}""".formatted(name)).post("/api/v1/staff").then().statusCode(201);
        for (int failures = 0; failures < 5; ) {
            // through the loopback address, trusted as a proxy in the tests, so the forwarded address counts
            var answer = io.restassured.RestAssured.given().baseUri(api.base().replaceFirst("//[^:/]+", "//127.0.0.1"))
                    .auth().preemptive().basic(name, "wrong-" + failures)
                    .header("X-Forwarded-For", "203.0.113.51").get("/api/v1/regions");
            if (answer.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(answer.header("Retry-After")) + 50);
            } else {
                assertThat(answer.statusCode()).isEqualTo(401);
                failures++;
            }
        }
        browser.signIn("admin");
        browser.open("admin/index.xhtml");
        browser.driver().findElement(By.cssSelector("a[href='#admin:tabs:securityTab']")).click();
        browser.waitForText(By.id("admin:tabs:locks"), name);
        org.openqa.selenium.WebElement row = browser.driver().findElement(
                By.xpath("//tbody[@id='admin:tabs:locks_data']/tr[.//span[text()='" + name + "']]"));
        assertThat(row.getText()).contains("5");
        row.findElement(By.cssSelector("button[id$=':unlock']")).click();
        browser.waitForAjax();
        browser.waitForText(By.id("admin:messages"), "账户已解锁");
        assertThat(browser.text(By.id("admin:tabs:locks"))).doesNotContain(name);
        // unlocked: the password is taken again (and, the admin having set it, must be changed first)
        api.anonymous().auth().preemptive().basic(name, "Right-pass-1").get("/api/v1/regions").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:trilink:problem:password-change-required"));

        browser.type("admin:tabs:securityName", name);
        browser.clickAjax("admin:tabs:findSecurityEvents");
        browser.waitForText(By.id("admin:tabs:securityEvents"), "账户解锁");
        assertThat(browser.text(By.id("admin:tabs:securityEvents"))).contains("账户锁定", "登录失败", "创建账户",
                "203.0.113.51");
        browser.clickAjax("admin:tabs:verifyTrail");
        browser.waitForText(By.id("admin:tabs:verification"), "审计记录完整");
        assertThat(browser.byId("admin:tabs:exportTrail").getAttribute("href"))
                .contains("/api/v1/security-events/export.xlsx?name=" + name);
        browser.screenshot("admin-security-trail");

        // the person, unlocked, signs in: every page sends them to change the password the admin set
        browser.signIn(name, "Right-pass-1");
        assertThat(browser.driver().getCurrentUrl()).contains("/account/password.xhtml");
        assertThat(browser.text(By.id("password:due"))).contains("管理员为您设置了初始密码或重置了密码", "请先修改密码");
        browser.open("cases/list.xhtml");
        browser.waitFor(By.id("password:due"));
        assertThat(browser.driver().getCurrentUrl()).contains("/account/password.xhtml");
        browser.screenshot("password-change-due");
        browser.click("shell:myPassword");
        browser.waitFor(By.id("password:change"));
        browser.type("password:current", "not-my-password");
        browser.type("password:newPassword", "New-pass-22");
        browser.type("password:repeated", "New-pass-22");
        browser.clickAjax("password:change");
        browser.waitForText(By.id("password"), "当前密码不正确");
        browser.type("password:current", "Right-pass-1");
        browser.type("password:newPassword", "short");
        browser.type("password:repeated", "short");
        browser.clickAjax("password:change");
        browser.waitForText(By.id("password"), "新密码不符合要求");
        browser.type("password:current", "Right-pass-1");
        browser.type("password:newPassword", "New-pass-22");
        browser.type("password:repeated", "New-pass-22");
        browser.clickAjax("password:change");
        browser.waitForText(By.id("password:messages"), "密码已修改");
        browser.screenshot("my-password-changed");
        // done: the same session goes on, and the pages open again
        browser.open("cases/list.xhtml");
        browser.waitFor(By.id("currentUser"));
        assertThat(browser.driver().getCurrentUrl()).contains("/cases/list.xhtml");
        api.anonymous().auth().preemptive().basic(name, "New-pass-22").get("/api/v1/regions").then().statusCode(200);
        api.anonymous().auth().preemptive().basic(name, "Right-pass-1").get("/api/v1/regions").then().statusCode(401);
    }

    /**
     * Two factors on the portal: a person enrols on their own page (a QR code and the secret, a first
     * code, ten recovery codes shown once); from then on the login form asks for a code after the
     * right password, says so in Chinese when it is wrong, and signs in with a good one.
     */
    @Test
    void aMediatorEnrolsTwoFactorsAndSignsInWithACode() throws Exception {
        String name = "otp" + Api.marker().toLowerCase().substring(1, 9);
        api.as("admin").body("""
                {"username": "%s", "displayName": "双因素调解员", "officeCode": "JO-ZHAOXIANG", "roles": ["STAFF"],
                 "password": "Given-pass-1"}""".formatted(name)).post("/api/v1/staff").then().statusCode(201);
        String password = api.changeDuePassword(name, "Given-pass-1", "Own-pass-22");

        browser.signIn(name, password);
        browser.click("shell:myTwoFactor");
        browser.waitFor(By.id("twoFactor:start"));
        assertThat(browser.pageText()).contains("双因素认证未启用");
        browser.clickAjax("twoFactor:start");
        browser.waitFor(By.id("twoFactor:confirm"));
        assertThat(browser.all(By.cssSelector("svg#qr path"))).hasSize(1);
        byte[] secret = org.trilink.platform.security.Totp.fromBase32(browser.text(By.id("secret")));
        browser.type("twoFactor:code", "12");
        browser.clickAjax("twoFactor:confirm");
        browser.waitForText(By.id("twoFactor"), "验证码不正确");
        long step = org.trilink.platform.security.Totp.step(System.currentTimeMillis() / 1000);
        browser.type("twoFactor:code", org.trilink.platform.security.Totp.code(secret, step));
        browser.clickAjax("twoFactor:confirm");
        browser.waitForText(By.id("twoFactor:messages"), "双因素认证已启用");
        assertThat(browser.all(By.cssSelector("#recoveryCodes code"))).hasSize(10);
        browser.screenshot("two-factor-enrolled");

        // the login form's second step
        browser.attemptSignIn(name, password);
        browser.waitFor(By.id("code:otp"));
        assertThat(browser.pageText()).contains("密码正确", "动态验证码");
        assertThat(browser.all(By.id("currentUser"))).isEmpty();
        browser.type("code:otp", "12345"); // not a code
        browser.click("code:verify");
        browser.waitFor(By.id("code:codeError"));
        assertThat(browser.text(By.id("code:codeError"))).contains("动态验证码不正确");
        browser.type("code:otp", org.trilink.platform.security.Totp.code(secret, step + 1));
        browser.click("code:verify");
        browser.waitFor(By.id("currentUser"));
        assertThat(browser.text(By.id("currentUser"))).contains("双因素调解员");
        browser.screenshot("two-factor-signed-in");

        java.util.List<String> kinds = api.as("admin").queryParam("name", name).get("/api/v1/security-events").then()
                .statusCode(200).extract().jsonPath().getList("events.kind");
        assertThat(kinds).containsSubsequence("SIGNED_IN", "TWO_FACTOR_FAILED", "TWO_FACTOR_ENROLLED");
    }

    private void fillStaff(String username, String officeCode, String password) {
        browser.type("admin:tabs:staffUsername", username);
        browser.type("admin:tabs:staffName", "测试调解员");
        browser.choose("admin:tabs:staffOffice", officeCode);
        browser.type("admin:tabs:staffPassword", password);
        // the roles: office staff (mediators, officers, lawyers) is the second box
        org.openqa.selenium.WebElement staffRole = browser.byId("admin:tabs:staffRoles:1");
        if (!staffRole.isSelected()) {
            browser.driver().findElement(By.cssSelector("label[for='admin:tabs:staffRoles:1']")).click();
        }
        assertThat(browser.byId("admin:tabs:staffRoles:1").isSelected()).isTrue();
    }

    @Test
    void someoneOfAnotherOfficeCannotOpenTheCase() throws Exception {
        String caseNumber = api.as("police").body(Api.intake(Api.marker())).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        browser.signIn("mediator2");
        browser.open("cases/case.xhtml?n=" + caseNumber);
        assertThat(browser.pageText()).contains("该案件不存在，或您无权查看。").doesNotContain("楼上漏水");

        browser.signIn("police");
        browser.open("cases/case.xhtml?n=" + caseNumber);
        browser.waitForText(By.id("caseNumber"), caseNumber);

        // logging the same applicant again: a warning before saving names the open case
        browser.click("navIntake");
        browser.waitFor(By.id("intake:save"));
        browser.type("intake:parties:0:idNumber", "11010519491231002X");
        browser.byId("intake:parties:0:idNumber").sendKeys(org.openqa.selenium.Keys.TAB);
        browser.waitForAjax();
        browser.waitForText(By.id("intake:sameParties"), caseNumber);
        browser.screenshot("intake-same-parties");
    }

    /**
     * Ledger import (台账), preview then confirm: the mediator drops a CSV ledger on the page
     * (here: the file input), sees the preview with its counts and the rows with errors marked
     * red (a bad ID number, the same ledger id twice), with reasons in Chinese that name the
     * column and quote no personal data; nothing is imported yet. Skipping the rows with errors
     * imports the good one, the result says so, and the upload is among the office's past
     * imports; the imported case is in the case list.
     */
    @Test
    void theMediatorImportsALedgerAndSeesTheRowReport() throws Exception {
        String marker = Api.marker();
        String header = "ledgerId,receivedAt,disputeType,summary,regionCode,address,amountInvolved,peopleInvolved,"
                + "applicantName,applicantIdNumber,applicantPhone,respondentName,outcome,agreementForm,concludedAt";
        String good = "P1-" + marker + ",2024-03-05,NEIGHBOR,台账导入 " + marker
                + ",310118104,,,2,张三,11010519491231002X,13800138000,李四,SUCCESS,WRITTEN,2024-03-20";
        String csv = header + "\n"
                + good + "\n"
                + good + "\n" // the same ledger id again in the file: an error on the second
                + "P3-" + marker + ",2024-04-01,LABOR,坏身份证 " + marker + ",310118104,,,2,王五,110105194912310021,,,,,\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ledger-" + marker, ".csv");
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);

        browser.signIn("mediator");
        browser.click("navLedger");
        browser.waitFor(By.id("ledger:upload"));
        browser.driver().findElement(By.cssSelector("#ledger input[type=file]")).sendKeys(file.toString());
        browser.waitFor(By.id("ledger:preview"));
        assertThat(browser.text(By.id("previewRows"))).isEqualTo("3");
        assertThat(browser.text(By.id("previewValid"))).isEqualTo("1");
        assertThat(browser.text(By.id("kindPeoples"))).isEqualTo("1");
        assertThat(browser.text(By.id("previewErrors"))).isEqualTo("2");
        assertThat(browser.text(By.id("ledger:status"))).isEqualTo("待确认");
        // the rows with errors, marked red, their reasons in the page's language naming the column
        java.util.List<org.openqa.selenium.WebElement> red = browser.all(By.cssSelector("#ledger\\:issues tbody tr.tl-issue-error"));
        assertThat(red).hasSize(2);
        assertThat(red.get(0).getText()).contains("3", "P1-" + marker, "错误", "与文件第 2 行的台账编号相同");
        assertThat(red.get(1).getText()).contains("4", "P3-" + marker,
                "applicantIdNumber：不是有效的18位身份证号（校验位不符）").doesNotContain("parties[0]", "must");
        assertThat(browser.pageText()).doesNotContain("110105194912310021", "11010519491231002X", "13800138000",
                "Exception");
        browser.screenshot("ledger-preview");

        // nothing is imported before confirming
        assertThat(api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath().getLong("total")).isZero();
        browser.click("navCases");
        // back on the page, the upload waits among the office's past imports and opens again
        browser.click("navLedger");
        browser.waitFor(By.id("ledger:upload"));
        assertThat(browser.text(By.cssSelector("#ledger\\:uploads tbody tr"))).contains("待确认");
        browser.clickAjax("ledger:uploads:0:reopen");
        browser.waitFor(By.id("ledger:preview"));
        assertThat(browser.all(By.cssSelector("#ledger\\:issues tbody tr.tl-issue-error"))).hasSize(2);

        // skip the rows with errors: the good row is imported, the result and the past import say so
        browser.clickAjax("ledger:confirmSkipping");
        browser.waitFor(By.id("ledger:report"));
        assertThat(browser.text(By.id("created"))).isEqualTo("1");
        assertThat(browser.text(By.id("repeated"))).isEqualTo("0");
        assertThat(browser.text(By.id("skipped"))).isEqualTo("2");
        assertThat(browser.text(By.id("ledger:status"))).isEqualTo("已导入");
        assertThat(browser.all(By.id("ledger:confirmSkipping"))).isEmpty();
        assertThat(browser.pageText()).contains("导入完成");
        String pastRow = browser.text(By.cssSelector("#ledger\\:uploads tbody tr"));
        assertThat(pastRow).contains(file.getFileName().toString(), "mediator", "已导入");
        browser.screenshot("ledger-import");

        // the unfiltered list counts no further than its cap (100 in the tests; the office sees more)
        browser.click("navCases");
        browser.waitForText(By.cssSelector("#cases\\:table .ui-paginator-current"), "共 100 多条");

        // the imported case is the mediator's office's, in the case list, with the phone masked
        browser.type("cases:text", marker);
        browser.clickAjax("cases:search");
        browser.waitForText(By.id("cases:table"), "台账导入 " + marker);
        assertThat(browser.text(By.cssSelector("#cases\\:table .ui-paginator-current"))).contains("共 1 条");
        assertThat(browser.text(By.id("cases:table"))).contains("138****8000")
                .doesNotContain("坏身份证").doesNotContain("13800138000");
        assertThat(browser.all(By.cssSelector("#cases\\:table tbody tr"))).hasSize(1);

        // drafters import no ledgers: no link, and the page refuses them
        browser.signIn("drafter");
        assertThat(browser.all(By.id("navLedger"))).isEmpty();
        browser.open("ledgers/import.xhtml");
        assertThat(browser.all(By.id("ledger:upload"))).isEmpty();
        assertThat(browser.pageText()).doesNotContain("Exception");
    }

    /**
     * The desk of an office (issue 23): counts with the late in red and what falls due today, a
     * referral's time left, this week's sessions as a calendar and today's as a list, "more"
     * when a tray is cut, a quick 登记 button; the office's head also sees each mediator's load.
     * At 1440 px and at 390 px (a phone: the header one line with a menu button).
     */
    @Test
    void theDeskShowsWhatIsDueThisWeeksSessionsAndTheHeadSeesTheWorkload() throws Exception {
        String marker = Api.marker();
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        // a referral to the judicial office, to be decided within three hours
        String referred = api.as("police").body(Api.intake(marker)).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        long version = api.as("police").get("/api/v1/cases/" + referred + "/actions").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        api.as("police").header("If-Match", "\"" + version + "\"")
                .body("{\"toOfficeCode\": \"JO-ZHAOXIANG\", \"reason\": \"转司法所调解 " + marker + "\", \"deadline\": \""
                        + java.time.OffsetDateTime.now(shanghai).plusHours(3).withNano(0) + "\"}")
                .post("/api/v1/cases/" + referred + "/referrals").then().statusCode(201);
        // a case of the office in mediation, with the mediator assigned and a session soon
        String mediated = api.as("mediator").body(Api.intake(marker)).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        String caseUrl = "/api/v1/cases/" + mediated;
        version = api.as("mediator").get(caseUrl + "/actions").then().statusCode(200).extract().jsonPath().getLong("version");
        version = Long.parseLong(api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}")
                .post(caseUrl + "/accept").then().statusCode(200).extract().header("ETag").replace("\"", "").replace("W/", ""));
        version = Long.parseLong(api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}")
                .post(caseUrl + "/start-mediation").then().statusCode(200).extract().header("ETag").replace("\"", "").replace("W/", ""));
        version = Long.parseLong(api.as("mediator").header("If-Match", "\"" + version + "\"")
                .body("{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}")
                .post(caseUrl + "/mediators").then().statusCode(200).extract().header("ETag").replace("\"", "").replace("W/", ""));
        // soon, within the calendar's hours (08:00 to 21:00) and this week where the clock allows
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(shanghai);
        java.time.ZonedDateTime at = now.plusMinutes(2).withSecond(0).withNano(0);
        if (at.getHour() < 8) {
            at = at.withHour(9).withMinute(0);
        } else if (at.getHour() >= 20) {
            at = at.plusDays(1).withHour(9).withMinute(0);
        }
        java.time.OffsetDateTime soon = at.toOffsetDateTime();
        boolean thisWeek = at.getDayOfWeek() != java.time.DayOfWeek.MONDAY || at.toLocalDate().equals(now.toLocalDate());
        api.as("mediator").header("If-Match", "\"" + version + "\"")
                .body("{\"scheduledAt\": \"" + soon + "\", \"place\": \"赵巷调解室 " + marker + "\"}")
                .post(caseUrl + "/sessions").then().statusCode(201);

        browser.signIn("head");
        browser.waitFor(By.id("deskCounts"));
        // counts, the late in red
        assertThat(browser.text(By.id("countReferralsOverdue"))).contains("逾期");
        assertThat(browser.text(By.id("countReferralsToday"))).contains("今日到期");
        assertThat(browser.text(By.id("countFollowUpsOverdue"))).contains("逾期");
        if (Long.parseLong(browser.text(By.id("countReferralsOverdue")).replaceAll("[^0-9]", "")) > 0) {
            assertThat(browser.byId("countReferralsOverdue").getCssValue("color")).isEqualTo("rgba(185, 28, 28, 1)");
        }
        // the referral, with its time left
        assertThat(browser.text(By.id("referrals"))).contains("待接收的转介");
        browser.open("referrals/inbox.xhtml");
        browser.type("inbox:search", referred);
        browser.clickAjax("inbox:find");
        browser.waitForText(By.id("inbox:pending"), referred);
        assertThat(browser.text(By.id("inbox:pending"))).containsPattern("剩余(\\d+小时)?\\d+分钟");
        browser.open("");
        browser.waitFor(By.id("deskCounts"));
        // this week's sessions as a calendar, today's as a list
        if (thisWeek) {
            browser.waitForText(By.id("deskWeek:week"), mediated);
        }
        if (soon.toLocalDate().equals(java.time.LocalDate.now(shanghai))) {
            assertThat(browser.text(By.id("todaySessions"))).contains(mediated);
        }
        // the tray of open cases is cut at 10: "more" says how many and leads to the list
        // (the demo data gives the office far more than 10 open cases)
        String open = browser.text(By.id("openCasesCount"));
        assertThat(Long.parseLong(open.replaceAll("[^0-9]", ""))).isGreaterThan(10);
        assertThat(browser.all(By.cssSelector("#openCases li"))).hasSize(10);
        assertThat(browser.text(By.id("openCasesMore"))).isEqualTo("查看全部 " + open + " 件");
        // the week calendar speaks Chinese: its buttons and day names, the week from Monday
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-today-button"))).isEqualTo("今天");
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-timeGridWeek-button"))).isEqualTo("周");
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-timeGridDay-button"))).isEqualTo("日");
        assertThat(browser.all(By.cssSelector("#deskWeek\\:week .fc-col-header-cell")).get(0).getText()).contains("周一");
        assertThat(browser.all(By.cssSelector("#deskWeek\\:week .fc-col-header-cell")).get(6).getText()).contains("周日");

        // "more" opens the list narrowed to exactly the tray's cases, said as a chip that clears
        browser.click("openCasesMore");
        browser.waitFor(By.id("cases:deskChip"));
        assertThat(browser.text(By.id("cases:deskChip"))).contains("来自工作台：本单位在办案件");
        assertListTotal(Long.parseLong(open.replaceAll("[^0-9]", "")));
        long narrowed = listTotal();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        browser.screenshot("case-list-desk-filter");
        browser.clickAjax("cases:clearDesk");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> browser.all(By.id("cases:deskChip")).isEmpty());
        // every case the office may see again (closed ones too), or the list's cap
        assertThat(listTotal()).isGreaterThanOrEqualTo(narrowed);
        // the counts open theirs: the waiting referrals (the newest first), and those due today or late
        browser.open("");
        browser.waitFor(By.id("deskCounts"));
        long waiting = Long.parseLong(browser.text(By.id("countReferrals")).replaceAll("[^0-9]", ""));
        long late = Long.parseLong(browser.text(By.id("countFollowUpsOverdue")).replaceAll("[^0-9]", ""));
        long dueToday = Long.parseLong(browser.text(By.id("countReferralsToday")).replaceAll("[^0-9]", ""));
        browser.open("cases/list.xhtml?desk=referrals");
        browser.waitFor(By.id("cases:deskChip"));
        assertListTotal(waiting);
        assertThat(browser.text(By.id("cases:table"))).contains(referred);
        browser.open("");
        browser.click("countReferralsTodayLink");
        browser.waitForText(By.id("cases:deskChip"), "今日到期的转介");
        assertListTotal(dueToday);
        if (java.time.ZonedDateTime.now(shanghai).plusHours(3).toLocalDate().equals(java.time.LocalDate.now(shanghai))) {
            assertThat(browser.text(By.id("cases:table"))).contains(referred);
        }
        browser.open("");
        browser.click("countFollowUpsOverdueLink");
        browser.waitForText(By.id("cases:deskChip"), "逾期未回访");
        assertListTotal(late);
        browser.open("");
        browser.waitFor(By.id("deskCounts"));
        // the head sees each mediator's load
        assertThat(browser.text(By.id("workload"))).contains("王调解");
        assertThat(Long.parseLong(browser.driver().findElement(By.xpath(
                "//tbody[@id='workload_data']/tr[.//span[contains(@class,'tl-load-mediator')]]//span[@class='tl-load-count']"))
                .getText())).isPositive();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 2200));
        browser.screenshot("desk-1440");

        // a mediator (not the head) sees no workload
        browser.signIn("mediator");
        browser.waitFor(By.id("deskCounts"));
        assertThat(browser.all(By.id("workload"))).isEmpty();

        // on a phone: the header is one line with a menu button, the desk one column
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.open("");
        browser.waitFor(By.id("deskCounts"));
        assertThat(browser.driver().findElement(By.cssSelector("header.tl-header")).getRect().getHeight()).isLessThanOrEqualTo(64);
        assertThat(browser.byId("navCases").isDisplayed()).isFalse();
        assertNoSideways();
        browser.screenshot("desk-390");
        browser.click("menuButton");
        assertThat(browser.byId("navCases").isDisplayed()).isTrue();
        assertThat(browser.byId("menuButton").getAttribute("aria-expanded")).isEqualTo("true");
        browser.screenshot("desk-390-menu");
        browser.click("menuButton");
        // the quick 登记 button
        browser.click("quickIntake");
        browser.waitFor(By.id("intake:save"));
        assertNoSideways();
        browser.screenshot("intake-390");
        browser.open("cases/case.xhtml?n=" + mediated);
        browser.waitForText(By.id("caseNumber"), mediated);
        assertNoSideways();
        browser.screenshot("case-page-390");
        browser.open("referrals/inbox.xhtml");
        browser.waitFor(By.id("inbox:pending"));
        assertNoSideways();
        browser.screenshot("inbox-390");
        // the list's filters are folded on a phone, a tap away; the desk's filter stays in sight as a chip
        browser.open("cases/list.xhtml?desk=open");
        browser.waitFor(By.id("cases:table"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !browser.byId("cases:text").isDisplayed());
        assertThat(browser.byId("cases:deskChip").isDisplayed()).isTrue();
        assertNoSideways();
        browser.screenshot("case-list-390");
    }

    /**
     * The outcome form follows the chosen result, in the browser: a success asks for the
     * agreement and no reason; a failure for its reason and the guidance given, and no agreement;
     * a withdrawal for its reason alone. The choice is made with the mouse, as a user makes it.
     */
    @Test
    void theOutcomeFormFollowsTheChosenResult() throws Exception {
        String marker = Api.marker();
        String caseNumber = api.as("mediator").body(Api.intake(marker)).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        String caseUrl = "/api/v1/cases/" + caseNumber;
        long version = api.as("mediator").get(caseUrl + "/actions").then().statusCode(200).extract().jsonPath().getLong("version");
        version = Long.parseLong(api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}")
                .post(caseUrl + "/accept").then().statusCode(200).extract().header("ETag").replace("\"", "").replace("W/", ""));
        api.as("mediator").header("If-Match", "\"" + version + "\"").body("{}")
                .post(caseUrl + "/start-mediation").then().statusCode(200);

        browser.signIn("mediator");
        browser.open("cases/case.xhtml?n=" + caseNumber);
        browser.waitForText(By.id("status"), "调解中");
        browser.clickClass("tl-move-RECORD_OUTCOME");
        browser.waitFor(By.id("casePage:terms"));
        // a success: the agreement, no reason, no guidance
        assertThat(browser.all(By.id("casePage:outcomeReason"))).isEmpty();
        assertThat(browser.all(By.id("casePage:failureGuidance"))).isEmpty();
        assertThat(browser.text(By.id("casePage:outcomeFields"))).contains("协议形式").doesNotContain("调解不成功原因");

        clickOption("casePage:result", "调解不成功");
        browser.waitFor(By.id("casePage:outcomeReason"));
        assertThat(browser.all(By.id("casePage:terms"))).isEmpty();
        assertThat(browser.all(By.id("casePage:agreementForm"))).isEmpty();
        assertThat(browser.text(By.id("casePage:outcomeFields"))).contains("调解不成功原因", "引导途径");
        browser.screenshot("outcome-form-failure");

        clickOption("casePage:result", "撤回");
        browser.waitForText(By.id("casePage:outcomeFields"), "撤回原因");
        assertThat(browser.all(By.id("casePage:failureGuidance"))).isEmpty();

        clickOption("casePage:result", "调解成功");
        browser.waitFor(By.id("casePage:terms"));
        assertThat(browser.all(By.id("casePage:outcomeReason"))).isEmpty();
        browser.screenshot("outcome-form-success");

        // and a failure is recorded from the page with its reason
        clickOption("casePage:result", "调解不成功");
        browser.waitFor(By.id("casePage:outcomeReason"));
        browser.type("casePage:outcomeReason", "双方对赔偿数额分歧过大 " + marker);
        // a failure says where the parties were guided: asked beside its field
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.xpath(field("casePage:failureGuidance")), "引导途径");
        assertThat(browser.byId("casePage:outcomeReason").getAttribute("value")).contains(marker);
        clickOption("casePage:failureGuidance", "诉讼");
        browser.clickAjax("casePage:confirm");
        browser.waitForText(By.id("outcome"), "调解不成功");
    }

    /**
     * Checks the case list's total against a count: equal, or, where the list stops counting at
     * its cap (the page report says "共 N 多条"), the count is above it.
     */
    private void assertListTotal(long count) {
        long total = listTotal();
        if (browser.text(By.cssSelector("#cases\\:table .ui-paginator-current")).contains("多条")) {
            // both count up to the cap: the desk says "1,000+", the list "共 1000 多条"
            assertThat(count).isGreaterThanOrEqualTo(total);
        } else {
            assertThat(total).isEqualTo(count);
        }
    }

    /** How many cases the case list says match (its page report: "第 1–20 条，共 N 条"). */
    private long listTotal() {
        browser.waitForAjax();
        String report = browser.text(By.cssSelector("#cases\\:table .ui-paginator-current"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("共 ?([0-9,]+)").matcher(report);
        assertThat(m.find()).as("a total in " + report).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** Opens a selectOneMenu with the mouse and clicks the option with this label, then waits for its ajax. */
    private void clickOption(String clientId, String label) {
        // a menu just re-rendered by an ajax answer (a refused confirm) sometimes let the first
        // click on its option go by while its widget was set up again (CI, PostgreSQL run): the
        // choice is made again until the menu shows it, as a user would
        By chosen = By.id(clientId + "_label");
        for (int attempt = 1; attempt <= 3; attempt++) {
            browser.byId(clientId).click();
            By option = By.xpath("//*[starts-with(@id,'" + clientId + "_')]//li[normalize-space(.)='" + label + "']");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(option).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed));
            browser.all(option).stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow().click();
            browser.waitForAjax();
            if (browser.all(chosen).isEmpty() || label.equals(browser.text(chosen).strip())) {
                return;
            }
        }
        assertThat(browser.text(chosen).strip()).as("the menu " + clientId + " shows the chosen option").isEqualTo(label);
    }

    /** Keyboard users see where they are: the header's links and the page's buttons show a focus outline. */
    @Test
    void headerLinksAndButtonsShowWhereTheFocusIs() throws Exception {
        browser.signIn("mediator");
        browser.waitFor(By.id("deskCounts"));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        js.executeScript("document.getElementById('navHome').focus();");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(js.executeScript("return document.activeElement.id;")).isEqualTo("navCases");
        assertThat(js.executeScript("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
        assertThat(js.executeScript("return getComputedStyle(document.activeElement).outlineWidth;")).isEqualTo("3px");
        // and a button: Tab onto the quick 登记 button from the element before it
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        for (int i = 0; i < 20 && !"quickIntake".equals(js.executeScript("return document.activeElement.id;")); i++) {
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertThat(js.executeScript("return document.activeElement.id;")).isEqualTo("quickIntake");
        assertThat(js.executeScript("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
        browser.screenshot("focus-outline");
        // text against its background: WCAG AA (4.5:1) for the header, the buttons, counts and muted words
        for (String element : java.util.List.of("#navCases", "#quickIntake", ".tl-count-label", "#countOpen",
                ".tl-count-detail .tl-muted", "#currentUser")) {
            assertThat(contrast(element)).as(element).isGreaterThanOrEqualTo(4.5);
        }
        String caseNumber = api.as("mediator").body(Api.intake(Api.marker())).post("/api/v1/cases").then()
                .statusCode(201).extract().path("caseNumber");
        browser.open("cases/case.xhtml?n=" + caseNumber);
        browser.waitForText(By.id("caseNumber"), caseNumber);
        for (String element : java.util.List.of(".tl-move-ACCEPT", ".tl-move-DECLINE", ".tl-dl dt")) {
            assertThat(contrast(element)).as(element).isGreaterThanOrEqualTo(4.5);
        }
        // every input of the intake form has a label
        browser.click("navIntake");
        browser.waitFor(By.id("intake:save"));
        assertThat(js.executeScript("return Array.from(document.querySelectorAll('#intake input:not([type=hidden]):not([type=file]), #intake textarea'))"
                + ".filter(i => i.offsetParent !== null && !i.closest('.ui-helper-hidden-accessible') && !(i.labels && i.labels.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby'))"
                + ".map(i => i.id);")).asList().isEmpty();
    }

    /** The contrast of an element's text with what is behind it (WCAG), by the browser's computed colours. */
    private double contrast(String cssSelector) {
        Object ratio = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const el = document.querySelector(arguments[0]);
                const rgb = c => c.match(/[0-9.]+/g).map(Number);
                const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255;
                    return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
                let bg = null;
                for (let e = el; e; e = e.parentElement) {
                    const c = getComputedStyle(e).backgroundColor; const a = rgb(c);
                    if (a.length < 4 || a[3] > 0) { bg = c; break; }
                }
                const l1 = lum(getComputedStyle(el).color), l2 = lum(bg || 'rgb(255,255,255)');
                return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);""", cssSelector);
        return ((Number) ratio).doubleValue();
    }

    /** Nothing on the page is wider than the window: no sideways scrolling on a phone. */
    private void assertNoSideways() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(1);
    }

    @Test
    void theLanguageSwitchChangesThePage() {
        browser.open("login");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("登录");
        browser.click("shell:langEn");
        browser.waitForText(By.tagName("h1"), "Sign in");
        browser.signIn("mediator");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Desk");
        // the week calendar in English: buttons and day names
        browser.waitFor(By.cssSelector("#deskWeek\\:week .fc-today-button"));
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-today-button"))).isEqualTo("Today");
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-timeGridWeek-button"))).isEqualTo("Week");
        assertThat(browser.text(By.cssSelector("#deskWeek\\:week .fc-timeGridDay-button"))).isEqualTo("Day");
        assertThat(browser.all(By.cssSelector("#deskWeek\\:week .fc-col-header-cell")).get(0).getText()).contains("Mon");
        assertThat(browser.pageText()).contains("Open cases of my office", "Referrals waiting for my office");
        browser.click("navCases");
        browser.waitForText(By.tagName("h1"), "Cases");
        assertThat(browser.text(By.id("cases:table"))).contains("Case number");
        browser.click("shell:langZh");
        browser.waitForText(By.tagName("h1"), "案件列表");
        assertThat(browser.text(By.id("cases:table"))).contains("案件编号");
    }

    @Test
    void failuresShowAFriendlyPageWithoutTrace() {
        browser.signIn("mediator");
        browser.open("no-such-page.xhtml");
        assertThat(browser.pageText()).contains("您要找的内容不存在").doesNotContain("Exception", "at org.");
        browser.open("cases/case.xhtml?n=TL1999-999999");
        assertThat(browser.pageText()).contains("该案件不存在").doesNotContain("Exception");
    }

    /**
     * The parties' door on a phone (390 px): a party arrives through the office's QR link, agrees to
     * the privacy notice, proves the phone by a code (from the local SMS gateway), applies, and
     * follows the case (in the same session, and again with a new code); asks for a correction of
     * their data. The office's staff see the online application and the request on the case page.
     */
    @Test
    void aPartyAppliesOnlineOnAPhoneAndFollowsTheCase() throws Exception {
        String marker = Api.marker();
        String phone = "139" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try (org.trilink.testing.SmsGateway sms = new org.trilink.testing.SmsGateway(18925, "it-sms-secret")) {
            browser.open("public/apply.xhtml?office=JO-ZHAOXIANG");
            browser.waitFor(By.id("noticeText"));
            assertThat(browser.text(By.id("office"))).isEqualTo("赵巷司法所");
            assertThat(browser.text(By.id("noticeText"))).contains("个人信息保护法");
            assertNoSideways();
            browser.screenshot("door-apply-notice-390");
            // nothing goes further without consent
            browser.clickAjax("apply:agree");
            assertThat(browser.text(By.id("apply:messages"))).contains("请先阅读并同意");
            browser.driver().findElement(By.cssSelector("[id='apply:consent'] .ui-chkbox-box")).click();
            browser.clickAjax("apply:agree");
            browser.waitFor(By.id("apply:phone"));
            browser.type("apply:phone", phone);
            browser.clickAjax("apply:sendCode");
            browser.waitFor(By.id("apply:code"));
            browser.type("apply:code", codeFor(sms, phone));
            browser.screenshot("door-apply-code-390");
            browser.clickAjax("apply:verify");
            browser.waitFor(By.id("apply:summary"));
            browser.choose("apply:disputeType", "NEIGHBOR");
            browser.type("apply:summary", "楼上装修噪音，晚上十点后还在施工 " + marker);
            browser.type("apply:address", "青浦区赵巷镇某小区3号楼");
            browser.type("apply:name", "赵六");
            browser.type("apply:otherName", "钱七");
            browser.type("apply:otherPhone", "13912340000");
            assertNoSideways();
            browser.screenshot("door-apply-form-390");
            browser.clickAjax("apply:submit");
            browser.waitFor(By.id("caseNumber"));
            String caseNumber = browser.text(By.id("caseNumber"));
            assertThat(caseNumber).matches("TL\\d{4}-\\d{6}");
            browser.screenshot("door-applied-390");

            // following at once: the pass of the application
            browser.click("apply:toFollow");
            browser.waitFor(By.id("statusWords"));
            assertThat(browser.text(By.id("statusWords"))).contains("等待司法所受理");
            assertThat(browser.pageText()).contains(caseNumber).contains("赵巷司法所").contains("钱*")
                    .contains("139****0000").doesNotContain("13912340000");
            assertNoSideways();
            browser.screenshot("door-follow-390");
            browser.clickAjax("follow:showData");
            browser.waitFor(By.id("ownPhone"));
            assertThat(browser.text(By.id("ownPhone"))).isEqualTo(phone);
            browser.type("follow:newAddress", "青浦区赵巷镇某小区3号楼502室");
            browser.clickAjax("follow:requestCorrection");
            assertThat(browser.text(By.id("follow:messages"))).contains("更正申请");
            browser.clickAjax("follow:leave");

            // again, as a party who comes back: case number, phone, code; in English
            browser.click("shell:langEn");
            browser.waitFor(By.id("follow:caseNumber"));
            browser.driver().findElement(By.cssSelector("[id='follow:consent'] .ui-chkbox-box")).click();
            browser.type("follow:caseNumber", caseNumber);
            browser.type("follow:phone", phone);
            int before = sms.delivered().size();
            browser.clickAjax("follow:sendCode");
            org.trilink.testing.Eventually.within(java.time.Duration.ofSeconds(10), () -> sms.delivered().size() > before);
            browser.waitFor(By.id("follow:code"));
            browser.type("follow:code", codeFor(sms, phone));
            browser.clickAjax("follow:verify");
            browser.waitFor(By.id("statusWords"));
            assertThat(browser.text(By.id("statusWords"))).contains("waits for the judicial office");
            browser.screenshot("door-follow-again-390");
            browser.click("shell:langZh");

            // the office's staff: the application in their inbox, its consent and the request on the case page
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
            browser.signIn("mediator");
            browser.open("cases/case.xhtml?n=" + caseNumber);
            browser.waitFor(By.id("doorCase:doorPanel"));
            assertThat(browser.text(By.id("onlineApplication"))).contains("2026-12");
            browser.clickAjax("doorCase:showRequests");
            assertThat(browser.text(By.id("doorCase:requests"))).contains("502室");
            browser.screenshot("door-staff-case");
            assertThat(api.as("mediator").get("/api/v1/cases/" + caseNumber).then().statusCode(200).extract()
                    .jsonPath().getString("channel")).isEqualTo("ONLINE");
        }
    }

    /**
     * Issue 24, "Sign": a party follows the case on a phone (390 px), finds "签署协议" beside the
     * agreement, reads its pages, draws a signature with a finger (pointer events on the canvas),
     * confirms it with a fresh code and sees it signed; the office sees the ONLINE signature.
     */
    @Test
    void aPartySignsTheAgreementOnAPhone() throws Exception {
        java.util.Random random = new java.util.Random();
        String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
        String other = "139" + String.format("%08d", random.nextInt(100_000_000));
        String intake = """
                {"channel": "WALK_IN", "disputeType": "NEIGHBOR", "summary": "楼上漏水，协商赔偿 %s",
                 "regionCode": "310118104", "address": "青浦区赵巷镇某路7号",
                 "amountInvolved": 3000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "occurredAt": "2026-01-10T09:15:00+08:00",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "周八", "phone": "%s"},
                   {"role": "RESPONDENT", "kind": "PERSON", "name": "吴九", "phone": "%s"}
                 ]}""".formatted(Api.marker(), phone, other);
        String caseNumber = api.as("mediator").body(intake).post("/api/v1/cases").then().statusCode(201).extract()
                .path("caseNumber");
        staffMove(caseNumber, "accept", "{}");
        staffMove(caseNumber, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}");
        staffMove(caseNumber, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"被申请人于十日内修复漏水并赔偿申请人三千元\", \"amount\": 3000.00}");
        api.as("mediator").accept("application/pdf").post("/api/v1/cases/" + caseNumber + "/documents/agreement")
                .then().statusCode(201);

        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try (org.trilink.testing.SmsGateway sms = new org.trilink.testing.SmsGateway(18925, "it-sms-secret")) {
            // the sign page without a pass: off to the follow page
            browser.open("public/sign.xhtml");
            browser.waitFor(By.id("follow:caseNumber"));

            browser.driver().findElement(By.cssSelector("[id='follow:consent'] .ui-chkbox-box")).click();
            browser.type("follow:caseNumber", caseNumber);
            browser.type("follow:phone", phone);
            browser.clickAjax("follow:sendCode");
            browser.waitFor(By.id("follow:code"));
            browser.type("follow:code", codeFor(sms, phone));
            browser.clickAjax("follow:verify");
            browser.waitFor(By.id("statusWords"));
            browser.click("follow:toSign");

            browser.waitFor(By.id("pad"));
            int pages = browser.all(By.cssSelector("img.tl-door-page")).size();
            assertThat(pages).isBetween(1, 4);
            Object loaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return Array.from(document.querySelectorAll('img.tl-door-page')).every(i => i.naturalWidth > 800);");
            assertThat(loaded).isEqualTo(true);
            assertThat(browser.text(By.id("intro"))).contains("第1版");
            assertThat(browser.text(By.id("sign:signers"))).contains("申请人（您）").contains("未签署");
            assertNoSideways();

            // signing without a drawing: said beside the pad
            browser.clickAjax("sign:submit");
            assertThat(browser.text(By.id("sign:imageMessage"))).contains("请在方框内手写签名");
            assertThat(browser.text(By.id("sign:codeMessage"))).contains("发送验证码");

            // a signature drawn with the finger (pointer events), kept across the code's round trip
            org.openqa.selenium.WebElement pad = browser.byId("pad");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", pad);
            new org.openqa.selenium.interactions.Actions(browser.driver())
                    .moveToElement(pad, -130, 10).clickAndHold()
                    .moveByOffset(25, -40).moveByOffset(20, 60).moveByOffset(25, -55).moveByOffset(20, 50)
                    .release()
                    .moveToElement(pad, 10, -30).clickAndHold()
                    .moveByOffset(30, 45).moveByOffset(40, -35).moveByOffset(50, 30)
                    .release().perform();
            String drawn = browser.byId("sign:image").getAttribute("value");
            assertThat(drawn).startsWith("data:image/png;base64,");
            int before = sms.delivered().size();
            browser.clickAjax("sign:sendCode");
            org.trilink.testing.Eventually.within(java.time.Duration.ofSeconds(10), () -> sms.delivered().size() > before);
            assertThat(browser.byId("sign:image").getAttribute("value")).isEqualTo(drawn);
            browser.type("sign:code", codeFor(sms, phone));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.byId("pad"));
            browser.screenshot("door-sign-390");

            browser.clickAjax("sign:submit");
            browser.waitFor(By.id("signedWord"));
            assertThat(browser.text(By.id("signedWord"))).isEqualTo("已签署");
            assertThat(browser.text(By.id("signedAt"))).startsWith("签署时间");
            assertThat(browser.text(By.id("allSigned"))).contains("尚未签署");
            assertThat(browser.all(By.cssSelector("[id='sign:signers'] li.tl-door-signed"))).hasSize(1)
                    .allSatisfy(li -> assertThat(li.getText()).contains("（您）").contains("已签署"));
            assertThat(browser.all(By.id("sign:toVerify"))).hasSize(1);
            assertNoSideways();
            browser.screenshot("door-signed-390");

            // back on the follow page: nothing left to sign
            browser.click("sign:back");
            browser.waitFor(By.id("statusWords"));
            assertThat(browser.all(By.id("follow:toSign"))).isEmpty();

            io.restassured.path.json.JsonPath staff = api.as("mediator")
                    .get("/api/v1/cases/" + caseNumber + "/documents/signatures").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(staff.getList("parties.signed")).containsExactly(true, false);
            assertThat(staff.getString("parties[0].channel")).isEqualTo("ONLINE");
        }
    }

    /**
     * Issue 24, rate: after the follow-up visit a party following the case on a phone (390 px) sees
     * its agreement with a download and a "rate" button; rates 5 stars with the keyboard (native
     * radio buttons) and is thanked once; the follow page then says it was rated.
     */
    @Test
    void aPartyRatesTheServiceOnAPhoneAfterTheFollowUpVisit() throws Exception {
        String phone = "139" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        String caseNumber = api.as("mediator").body(Api.intake(Api.marker()).replace("13800138000", phone)
                        .replace("POLICE_110", "WALK_IN"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("caseNumber");
        staffMove(caseNumber, "accept", "{}");
        staffMove(caseNumber, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}");
        staffMove(caseNumber, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"物业公司于十日内修复漏水\"}");
        api.as("mediator").accept("application/pdf").post("/api/v1/cases/" + caseNumber + "/documents/agreement")
                .then().statusCode(201);
        staffMove(caseNumber, "follow-ups", "{\"method\": \"PHONE\", \"performance\": \"PERFORMED\","
                + " \"satisfaction\": 4}");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // without a pass the rate page sends the party to the follow page
        browser.open("public/rate.xhtml");
        browser.waitFor(By.id("follow:caseNumber"));
        try (org.trilink.testing.SmsGateway sms = new org.trilink.testing.SmsGateway(18925, "it-sms-secret")) {
            browser.driver().findElement(By.cssSelector("[id='follow:consent'] .ui-chkbox-box")).click();
            browser.type("follow:caseNumber", caseNumber);
            browser.type("follow:phone", phone);
            browser.clickAjax("follow:sendCode");
            browser.waitFor(By.id("follow:code"));
            browser.type("follow:code", codeFor(sms, phone));
            browser.clickAjax("follow:verify");
            browser.waitFor(By.id("statusWords"));
        }
        assertThat(browser.text(By.id("follow:papers"))).contains("人民调解协议书").contains("下载");
        browser.screenshot("door-follow-papers-390");
        browser.click("follow:rate");
        browser.waitFor(By.id("rate:score"));
        assertThat(browser.pageText()).contains(caseNumber).contains("5星");
        assertNoSideways();
        // the keyboard: the first star, then the arrow keys move the choice as in any radio group
        org.openqa.selenium.WebElement first = browser.byId("rate:score:0");
        first.sendKeys(org.openqa.selenium.Keys.SPACE);
        for (int i = 0; i < 4; i++) {
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        assertThat(browser.byId("rate:score:4").isSelected()).isTrue();
        browser.type("rate:comment", "调解员很耐心，回访也很及时");
        browser.screenshot("door-rate-choose-390");
        browser.clickAjax("rate:submitRating");
        browser.waitFor(By.id("thanks"));
        assertThat(browser.text(By.id("thanks"))).isEqualTo("谢谢您的评价");
        assertThat(browser.pageText()).contains("已评价 5 星");
        assertThat(browser.all(By.id("rate:submitRating"))).isEmpty();
        assertNoSideways();
        browser.screenshot("door-rate-390");
        // back on the follow page: rated, no button
        browser.click("rate:back");
        browser.waitFor(By.id("rated"));
        assertThat(browser.text(By.id("rated"))).isEqualTo("已评价 5 星");
        assertThat(browser.all(By.id("follow:rate"))).isEmpty();
        assertThat(api.as("mediator").get("/api/v1/cases/" + caseNumber + "/history").then().statusCode(200)
                .extract().jsonPath().getList("type", String.class)).contains("PARTY_RATED");
    }

    /** A staff move with the case's current version. */
    private void staffMove(String caseNumber, String what, String body) {
        long v = api.as("mediator").get("/api/v1/cases/" + caseNumber + "/actions").then().statusCode(200).extract()
                .jsonPath().getLong("version");
        api.as("mediator").header("If-Match", "\"" + v + "\"").body(body)
                .post("/api/v1/cases/" + caseNumber + "/" + what).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** The latest code the local SMS gateway delivered to this phone. */
    private static String codeFor(org.trilink.testing.SmsGateway sms, String phone) throws Exception {
        org.trilink.testing.Eventually.within(java.time.Duration.ofSeconds(10),
                () -> sms.delivered().stream().anyMatch(m -> m.contains("\"" + phone + "\"")));
        String message = sms.delivered().stream().filter(m -> m.contains("\"" + phone + "\"")).reduce((a, b) -> b)
                .orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)")
                .matcher(io.restassured.path.json.JsonPath.from(message).getString("text"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
