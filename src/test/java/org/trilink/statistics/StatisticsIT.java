package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;

/**
 * Statistics runs as a drafter meets them, over HTTP, on the real WAR plus one test-only
 * resource (StatisticsFixtures) that builds datasets in the server through CaseIntake and the
 * DisputeCase lifecycle methods. Every test uses a year of its own, which the demo data (the
 * last two years) never touches, so no test depends on another.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar().addClass(StatisticsFixtures.class);
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    @Test
    void theReportsFiguresFromCasesBuiltByIntakeAndLifecycle() throws Exception {
        int made = 0;
        for (int batch = 0; batch < 8; batch++) {
            int count = batch < 7 ? 1000 : 948;
            // the 7946 successes come first: batches 0-6 all succeed, the last one has 2 pending
            int successes = batch < 7 ? 1000 : 946;
            made += fixture("mediation", Map.of("count", count, "successes", successes, "first", "2023-01-01",
                    "last", "2023-10-31", "office", "JO-ZHAOXIANG", "region", "310118104")).getInt("created");
        }
        assertThat(made).isEqualTo(7948);
        for (int batch = 0; batch < 2; batch++) {
            fixture("administrative", Map.of("count", batch == 0 ? 625 : 600, "beforeFiling", batch == 0 ? 375 : 0,
                    "mediated", batch == 0 ? 0 : 209, "corrected", batch == 0 ? 0 : 10, "first", "2023-01-01",
                    "last", "2023-11-30"));
        }
        // a case accepted on 1 November is after the cut-off
        fixture("case", Map.of("accepted", "2023-11-01T08:00:00+08:00", "office", "JO-XUJING", "region", "310118105",
                "success", true));

        String run = startAndWait("PEOPLES_MEDIATION", "2023-01-01", "2023-10-31", null);
        JsonPath json = drafter().get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("status")).isEqualTo("COMPLETED");
        assertThat(json.getLong("progress.processed")).isEqualTo(7948);
        assertThat(json.getLong("progress.total")).isEqualTo(7948);
        assertThat(json.getString("parameters.scope")).isEqualTo("310118");
        assertThat(total(json, "accepted")).isEqualTo(7948);
        assertThat(total(json, "succeeded")).isEqualTo(7946);
        Map<String, Object> rate = figure(json, "successRate", null);
        assertThat(dec(rate.get("value"))).isEqualTo("99.97");
        assertThat(rate).containsEntry("numerator", 7946).containsEntry("denominator", 7948);
        assertThat(total(json, "concluded")).isEqualTo(7946);
        assertThat(total(json, "pending")).isEqualTo(2);
        assertThat(total(json, "writtenAgreements") + total(json, "oralAgreements")).isEqualTo(7946);
        assertThat(figure(json, "byOffice", "JO-ZHAOXIANG").get("value")).isEqualTo(7948);
        assertThat(figure(json, "byRegion", "310118104").get("value")).isEqualTo(7948);
        assertThat(dec(figure(json, "medianDaysToOutcome", null).get("value"))).isEqualTo("0.00");
        long byType = json.getList("figures.findAll { it.metric == 'byDisputeType' }.value", Integer.class).stream()
                .mapToLong(Integer::longValue).sum();
        assertThat(byType).isEqualTo(7948);

        String zh = drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=zh-CN").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(zh).startsWith("截止10月底全区人民调解组织共受理各类矛盾纠纷7948件，调解成功7946件，调解成功率为99.97%。\n");
        String en = drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=en").then().statusCode(200)
                .extract().asString();
        assertThat(en).startsWith("By the end of October, people's mediation organisations in the district accepted 7948 "
                + "disputes of all kinds, of which 7946 were mediated successfully, a success rate of 99.97%.");

        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + run + "/export.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).contains("7948件");
            Row rateRow = rowOf(summary, "successRate");
            assertThat(rateRow.getCell(2).getNumericCellValue()).isEqualTo(99.97);
            assertThat(rateRow.getCell(3).getNumericCellValue()).isEqualTo(7946);
            assertThat(rateRow.getCell(4).getNumericCellValue()).isEqualTo(7948);
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            assertThat(wb.getSheetAt(0).getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(rowOf(wb.getSheet("按办理单位 byOffice"), "JO-ZHAOXIANG").getCell(2).getNumericCellValue())
                    .isEqualTo(7948);
        }
        String csv = new String(drafter().get("/api/v1/statistics/runs/" + run + "/export.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("successRate,,调解成功率,99.97,7946,7948").contains("accepted,,受理纠纷,7948,,");

        JsonPath cases = drafter().get("/api/v1/statistics/runs/" + run + "/figures/succeeded/cases?page=1&size=100")
                .then().statusCode(200).extract().jsonPath();
        assertThat(cases.getLong("total")).isEqualTo(7946);
        assertThat(cases.getList("cases")).hasSize(100);
        assertThat(cases.getString("cases[0].caseNumber")).startsWith("TL");
        String pending = drafter().get("/api/v1/statistics/runs/" + run + "/figures/pending/cases").then()
                .statusCode(200).body("total", equalTo(2)).extract().asString();
        assertThat(pending).doesNotContain("13800138000").doesNotContain("李四");

        String admin = startAndWait("ADMINISTRATIVE", "2023-01-01", "2023-11-30", null);
        JsonPath a = drafter().get("/api/v1/statistics/runs/" + admin).then().statusCode(200).extract().jsonPath();
        assertThat(total(a, "received")).isEqualTo(1225);
        assertThat(total(a, "resolvedBeforeFiling")).isEqualTo(375);
        Map<String, Object> before = figure(a, "resolvedBeforeFilingRate", null);
        assertThat(dec(before.get("value"))).isEqualTo("30.61");
        assertThat(before).containsEntry("numerator", 375).containsEntry("denominator", 1225);
        assertThat(dec(figure(a, "mediatedOrWithdrawnRate", null).get("value"))).isEqualTo("24.59");
        assertThat(dec(figure(a, "correctionRate", null).get("value"))).isEqualTo("1.18");
        assertThat(drafter().get("/api/v1/statistics/runs/" + admin + "/report").then().statusCode(200).extract()
                .asString()).startsWith("1-11月全区共收到行政争议案件1225件，立案前化解375件，立案前化解率为30.61%");
    }

    @Test
    void cutOffBoundariesAnEmptyPeriodAndATownsScope() {
        fixture("case", Map.of("accepted", "2022-01-01T00:00:00+08:00", "office", "JO-ZHAOXIANG", "region", "310118104",
                "success", true));
        fixture("case", Map.of("accepted", "2021-12-31T23:59:59+08:00", "office", "JO-ZHAOXIANG", "region", "310118104",
                "success", true));
        fixture("case", Map.of("accepted", "2022-10-31T23:59:00+08:00", "office", "JO-ZHAOXIANG", "region", "310118104",
                "success", false));
        fixture("case", Map.of("accepted", "2022-11-01T00:00:00+08:00", "office", "JO-ZHAOXIANG", "region", "310118104",
                "success", true));
        // in the period, in another town
        fixture("case", Map.of("accepted", "2022-06-15T12:00:00+08:00", "office", "JO-XUJING", "region", "310118105",
                "success", true));

        JsonPath town = runJson("PEOPLES_MEDIATION", "2022-01-01", "2022-10-31", "310118104");
        assertThat(total(town, "accepted")).isEqualTo(2);
        assertThat(total(town, "succeeded")).isEqualTo(1);
        assertThat(dec(figure(town, "successRate", null).get("value"))).isEqualTo("50.00");
        assertThat(town.getList("figures.findAll { it.metric == 'byRegion' }.dimension")).containsExactly("310118104");
        String zh = drafter().get("/api/v1/statistics/runs/" + town.getString("runId") + "/report").then()
                .statusCode(200).extract().asString();
        assertThat(zh).startsWith("截止10月底赵巷镇人民调解组织共受理各类矛盾纠纷2件，调解成功1件，调解成功率为50.00%。");

        JsonPath district = runJson("PEOPLES_MEDIATION", "2022-01-01", "2022-10-31", null);
        assertThat(total(district, "accepted")).isEqualTo(3);
        assertThat(total(district, "criminalCasesAverted")).isEqualTo(2);

        // days to outcome count the district's calendar days, not UTC's nor elapsed 24-hour periods:
        // an hour across local midnight is a day (0 in UTC), 00:10 to 23:50 two days later is two
        // (3 in UTC), and 08:00 to 08:00 three days later is three
        for (String[] c : List.of(new String[] {"2020-07-01T23:30:00+08:00", "2020-07-02T00:30:00+08:00"},
                new String[] {"2020-07-03T00:10:00+08:00", "2020-07-05T23:50:00+08:00"},
                new String[] {"2020-07-06T08:00:00+08:00", "2020-07-09T08:00:00+08:00"})) {
            fixture("case", Map.of("accepted", c[0], "concluded", c[1], "office", "JO-ZHAOXIANG",
                    "region", "310118104", "success", true));
        }
        JsonPath july = runJson("PEOPLES_MEDIATION", "2020-07-01", "2020-07-31", null);
        assertThat(total(july, "accepted")).isEqualTo(3);
        assertThat(dec(figure(july, "medianDaysToOutcome", null).get("value"))).isEqualTo("2.00");

        JsonPath empty = runJson("PEOPLES_MEDIATION", "2019-01-01", "2019-12-31", null);
        assertThat(total(empty, "accepted")).isZero();
        assertThat(figure(empty, "successRate", null)).containsEntry("numerator", 0).containsEntry("denominator", 0);
        assertThat(drafter().get("/api/v1/statistics/runs/" + empty.getString("runId") + "/report").then()
                .statusCode(200).extract().asString())
                .startsWith("全年全区人民调解组织共受理各类矛盾纠纷0件，调解成功0件，调解成功率为0.00%。");
    }

    @Test
    void aCaseWorkedByTwoOfficesCountsOnceAndIsCreditedToBoth() {
        String number = fixture("case", Map.of("accepted", "2021-05-10T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "joint", "PS-ZHAOXIANG", "success", true)).getString("caseNumber");
        fixture("case", Map.of("accepted", "2021-05-11T10:00:00+08:00", "office", "JO-XUJING", "region", "310118105",
                "success", true));
        JsonPath json = runJson("PEOPLES_MEDIATION", "2021-05-01", "2021-05-31", null);
        assertThat(total(json, "accepted")).isEqualTo(2);
        assertThat(figure(json, "byOffice", "JO-ZHAOXIANG").get("value")).isEqualTo(1);
        assertThat(figure(json, "byOffice", "PS-ZHAOXIANG").get("value")).isEqualTo(1);
        assertThat(figure(json, "byOffice", "JO-XUJING").get("value")).isEqualTo(1);
        drafter().get("/api/v1/statistics/runs/" + json.getString("runId")
                        + "/figures/byOffice/cases?dimension=PS-ZHAOXIANG").then().statusCode(200)
                .body("total", equalTo(1)).body("cases[0].caseNumber", equalTo(number));

        JsonPath police = runJson("PEOPLES_MEDIATION", "2021-05-01", "2021-05-31", "PS-ZHAOXIANG");
        assertThat(total(police, "accepted")).isEqualTo(1);
        assertThat(drafter().get("/api/v1/statistics/runs/" + police.getString("runId") + "/report").then()
                .statusCode(200).extract().asString()).startsWith("5月赵巷派出所共受理各类矛盾纠纷1件");
    }

    @Test
    void avertedEscalationsCountTheirPeopleInFiguresReportExportsAndDrillDown() throws Exception {
        // kept from a criminal case (3 people) and a mass petition (12); one flagged without a count
        // (an old client, or before the counts), which counts its 2 people involved; one with none
        String both = fixture("case", Map.of("accepted", "2013-04-01T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true, "criminalPeople", 3, "petitionPeople", 12))
                .getString("caseNumber");
        String flagOnly = fixture("case", Map.of("accepted", "2013-04-02T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true)).getString("caseNumber");
        fixture("case", Map.of("accepted", "2013-04-03T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", false));

        JsonPath json = runJson("PEOPLES_MEDIATION", "2013-04-01", "2013-04-30", null);
        String run = json.getString("runId");
        assertThat(total(json, "accepted")).isEqualTo(3);
        assertThat(total(json, "criminalCasesAverted")).isEqualTo(2);
        assertThat(total(json, "criminalCasesAvertedPeople")).isEqualTo(5);
        assertThat(total(json, "massPetitionsAverted")).isEqualTo(1);
        assertThat(total(json, "massPetitionsAvertedPeople")).isEqualTo(12);

        assertThat(drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=zh-CN").then().statusCode(200)
                .extract().asString()).contains("防止民间纠纷转化为刑事案件2件5人，防止群体性上访1件12人。");
        assertThat(drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=en").then().statusCode(200)
                .extract().asString()).contains("2 disputes (5 people) were kept from becoming criminal cases and 1"
                + " (12 people) from becoming mass petitions.");
        String csv = new String(drafter().get("/api/v1/statistics/runs/" + run + "/export.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("criminalCasesAvertedPeople,,防止民转刑（人）,5,,")
                .contains("massPetitionsAvertedPeople,,防止群体性上访（人）,12,,");
        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + run + "/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row people = rowOf(wb.getSheetAt(0), "criminalCasesAvertedPeople");
            assertThat(people.getCell(1).getStringCellValue()).isEqualTo("防止民转刑（人） / People kept from criminal cases");
            assertThat(people.getCell(2).getNumericCellValue()).isEqualTo(5);
            assertThat(rowOf(wb.getSheetAt(0), "massPetitionsAvertedPeople").getCell(2).getNumericCellValue())
                    .isEqualTo(12);
        }
        // the cases behind the people: those with the flag
        String criminal = drafter().get("/api/v1/statistics/runs/" + run + "/figures/criminalCasesAvertedPeople/cases")
                .then().statusCode(200).body("total", equalTo(2)).extract().asString();
        assertThat(criminal).contains(both).contains(flagOnly);
        String petition = drafter().get("/api/v1/statistics/runs/" + run + "/figures/massPetitionsAvertedPeople/cases")
                .then().statusCode(200).body("total", equalTo(1)).extract().asString();
        assertThat(petition).contains(both).doesNotContain(flagOnly);
    }

    @Test
    void aFailedOrKilledRunRestartsToTheFiguresOfACleanRun() {
        for (String month : List.of("01", "02", "03")) {
            fixture("mediation", Map.of("count", 30, "successes", 20, "first", "2020-" + month + "-01",
                    "last", "2020-" + month + "-28", "office", "JO-ZHAOXIANG", "region", "310118104"));
        }
        JsonPath clean = runJson("PEOPLES_MEDIATION", "2020-01-01", "2020-03-31", null);
        assertThat(total(clean, "accepted")).isEqualTo(90);

        String failing = fixture("runs", Map.of("matterKind", "PEOPLES_MEDIATION", "from", "2020-01-01",
                "to", "2020-03-31", "failOnDay", "2020-02-10")).getString("runId");
        assertThat(waitFor(failing)).isEqualTo("FAILED");
        drafter().get("/api/v1/statistics/runs/" + failing + "/report").then().statusCode(409);
        drafter().post("/api/v1/statistics/runs/" + failing + "/restart").then().statusCode(202);
        assertThat(waitFor(failing)).isEqualTo("COMPLETED");
        assertThat(figures(failing)).isEqualTo(clean.getList("figures"));

        // a server killed with kill -9 leaves its execution STARTED: it cannot be restarted until start-up marks it FAILED
        String killed = fixture("runs", Map.of("matterKind", "PEOPLES_MEDIATION", "from", "2020-01-01",
                "to", "2020-03-31", "failOnDay", "2020-03-05")).getString("runId");
        assertThat(waitFor(killed)).isEqualTo("FAILED");
        // an execution running on another, live instance (its lease fresh) is left alone (issue 8)
        assertThat(fixture("runs/" + killed + "/killed", Map.of("live", true)).getString("statusBefore"))
                .isEqualTo("STARTED");
        assertThat(fixture("startup-recovery", Map.of()).getList("failed")).isEmpty();
        drafter().post("/api/v1/statistics/runs/" + killed + "/restart").then().statusCode(409);
        // one left by this instance's previous life is failed at start-up
        assertThat(fixture("runs/" + killed + "/killed", Map.of()).getString("statusBefore")).isEqualTo("STARTED");
        drafter().post("/api/v1/statistics/runs/" + killed + "/restart").then().statusCode(409);
        assertThat(fixture("startup-recovery", Map.of()).getList("failed")).hasSize(1);
        drafter().post("/api/v1/statistics/runs/" + killed + "/restart").then().statusCode(202);
        assertThat(waitFor(killed)).isEqualTo("COMPLETED");
        assertThat(figures(killed)).isEqualTo(clean.getList("figures"));
        drafter().post("/api/v1/statistics/runs/" + killed + "/restart").then().statusCode(409);
    }

    @Test
    void aCompletedRunKeepsItsFiguresAndCasesWhenCasesChange() {
        String number = fixture("case", Map.of("accepted", "2018-03-10T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true)).getString("caseNumber");
        fixture("case", Map.of("accepted", "2018-03-11T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true));
        JsonPath before = runJson("PEOPLES_MEDIATION", "2018-01-01", "2018-12-31", null);
        String run = before.getString("runId");
        assertThat(total(before, "succeeded")).isEqualTo(2);
        String casesBefore = drafter().get("/api/v1/statistics/runs/" + run + "/figures/succeeded/cases").then()
                .statusCode(200).extract().asString();
        String officeCasesBefore = drafter().get("/api/v1/statistics/runs/" + run
                + "/figures/byOffice/cases?dimension=JO-ZHAOXIANG").then().statusCode(200).extract().asString();

        fixture("case/" + number + "/edit", Map.of("office", "JO-XUJING"));

        assertThat(figures(run)).isEqualTo(before.getList("figures"));
        assertThat(drafter().get("/api/v1/statistics/runs/" + run + "/figures/succeeded/cases").then().extract()
                .asString()).isEqualTo(casesBefore);
        assertThat(drafter().get("/api/v1/statistics/runs/" + run + "/figures/byOffice/cases?dimension=JO-ZHAOXIANG")
                .then().extract().asString()).isEqualTo(officeCasesBefore);
        // a new run sees the change; the same parameters on unchanged data give the same figures
        JsonPath after = runJson("PEOPLES_MEDIATION", "2018-01-01", "2018-12-31", null);
        assertThat(total(after, "succeeded")).isEqualTo(1);
        assertThat(total(after, "criminalCasesAverted")).isEqualTo(1);
        JsonPath again = runJson("PEOPLES_MEDIATION", "2018-01-01", "2018-12-31", null);
        assertThat(again.getList("figures")).isEqualTo(after.getList("figures"));
    }

    @Test
    void referralsAndFollowUpsCountAsTheyStoodAtTheCutOff() {
        String early = fixture("case", Map.of("accepted", "2016-03-01T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true)).getString("caseNumber");
        fixture("case/" + early + "/referral", Map.of("to", "JO-XUJING", "sent", "2016-03-02T09:00:00+08:00",
                "decided", "2016-03-03T09:00:00+08:00", "visited", "2016-04-01T09:00:00+08:00"));
        // sent on the last evening of the period, accepted and visited only after the cut-off
        String late = fixture("case", Map.of("accepted", "2016-12-01T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "success", true)).getString("caseNumber");
        fixture("case/" + late + "/referral", Map.of("to", "JO-XUJING", "sent", "2016-12-31T23:30:00+08:00",
                "decided", "2017-01-01T00:10:00+08:00", "visited", "2017-01-05T09:00:00+08:00"));

        JsonPath json = runJson("PEOPLES_MEDIATION", "2016-01-01", "2016-12-31", null);
        assertThat(total(json, "accepted")).isEqualTo(2);
        assertThat(total(json, "referralsSent")).isEqualTo(2);
        assertThat(total(json, "referralsAccepted")).isEqualTo(1);
        assertThat(total(json, "referralsRejected")).isEqualTo(0);
        assertThat(total(json, "followUps")).isEqualTo(1);
        assertThat(total(json, "followedUpCases")).isEqualTo(1);
        assertThat(total(json, "agreementsPerformed")).isEqualTo(1);
        String accepted = drafter().get("/api/v1/statistics/runs/" + json.getString("runId")
                + "/figures/referralsAccepted/cases").then().statusCode(200).body("total", equalTo(1)).extract().asString();
        assertThat(accepted).contains(early).doesNotContain(late);

        // a referral still pending counts as sent, and its case's facts are read as they stand at the
        // cut-off (the deadline timer flags it overdue with no move on the case)
        String pending = fixture("case", Map.of("accepted", "2016-06-01T10:00:00+08:00", "office", "JO-ZHAOXIANG",
                "region", "310118104", "joint", "PS-ZHAOXIANG", "success", true)).getString("caseNumber");
        fixture("case/" + pending + "/referral", Map.of("to", "JO-XUJING", "sent", "2016-06-02T09:00:00+08:00",
                "overdue", true));
        JsonPath withPending = runJson("PEOPLES_MEDIATION", "2016-01-01", "2016-12-31", null);
        assertThat(total(withPending, "referralsSent")).isEqualTo(3);
        assertThat(total(withPending, "referralsAccepted")).isEqualTo(1);
        assertThat(total(withPending, "referralsOverdue")).isEqualTo(1);
        assertThat(total(withPending, "followUps")).isEqualTo(1);
        assertThat(figure(withPending, "byOffice", "PS-ZHAOXIANG").get("value")).isEqualTo(1);
        // with a cut-off after everything happened, the late case counts its acceptance and visit
        JsonPath later = runJson("PEOPLES_MEDIATION", "2016-01-01", "2017-01-31", null);
        assertThat(total(later, "accepted")).isEqualTo(3);
        assertThat(total(later, "referralsSent")).isEqualTo(3);
        assertThat(total(later, "referralsAccepted")).isEqualTo(2);
        assertThat(total(later, "followUps")).isEqualTo(2);
        assertThat(total(later, "agreementsPerformed")).isEqualTo(2);
        assertThat(figure(later, "byOffice", "PS-ZHAOXIANG").get("value")).isEqualTo(1);
    }

    @Test
    void onlyDraftersAndOnlyValidRequests() {
        String body = "{\"matterKind\":\"PEOPLES_MEDIATION\",\"from\":\"2017-01-01\",\"to\":\"2017-10-31\"}";
        api.anonymous().contentType("application/json").body(body).post("/api/v1/statistics/runs").then().statusCode(401);
        for (String user : List.of("mediator", "admin", "head", "police")) {
            api.as(user).accept("*/*").body(body).post("/api/v1/statistics/runs").then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
        }
        drafter().body("{\"matterKind\":\"CRIMINAL\",\"from\":\"2017-11-01\",\"to\":\"2017-10-31\",\"scope\":\"NOPE\"}")
                .post("/api/v1/statistics/runs").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("matterKind", "from", "scope"));
        drafter().body("{\"matterKind\":\"PEOPLES_MEDIATION\",\"from\":\"2017-13-01\"}")
                .post("/api/v1/statistics/runs").then().statusCode(400).body("errors.field", hasItems("from", "to"));
        drafter().body("{not json").post("/api/v1/statistics/runs").then().statusCode(400);

        Response started = drafter().body(body).post("/api/v1/statistics/runs");
        started.then().statusCode(202).body("status", equalTo("STARTING"));
        String run = started.jsonPath().getString("runId");
        assertThat(started.header("Location")).endsWith("/api/v1/statistics/runs/" + run);
        assertThat(waitFor(run)).isEqualTo("COMPLETED");
        api.as("mediator").get("/api/v1/statistics/runs/" + run).then().statusCode(403);
        api.anonymous().get("/api/v1/statistics/runs/" + run).then().statusCode(401);
        api.as("admin").accept("*/*").get("/api/v1/statistics/runs/" + run + "/export.csv").then().statusCode(403);
        drafter().get("/api/v1/statistics/runs/no-such-run").then().statusCode(404);
        drafter().get("/api/v1/statistics/runs/" + run + "/figures/nonsense/cases").then().statusCode(404);
        drafter().get("/api/v1/statistics/runs/" + run + "/figures/correctionRate/cases").then().statusCode(404);
        drafter().get("/api/v1/statistics/runs/" + run + "/figures/byOffice/cases").then().statusCode(400)
                .body("errors.field", hasItems("dimension"));
        drafter().get("/api/v1/statistics/runs/" + run + "/figures/accepted/cases?size=100000").then().statusCode(400);
        drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=fr").then().statusCode(400);
        drafter().post("/api/v1/statistics/runs/" + run + "/restart").then().statusCode(409);
    }

    // --- helpers ---

    private io.restassured.specification.RequestSpecification drafter() {
        // reports and exports are text/plain, xlsx and CSV: accept anything, as a browser does
        return api.as("drafter").accept("*/*");
    }

    private JsonPath fixture(String path, Map<String, ?> params) {
        return api.as("admin").queryParams(params).post("/api/v1/test-fixtures/statistics/" + path).then()
                .statusCode(200).extract().jsonPath();
    }

    private String startAndWait(String kind, String from, String to, String scope) {
        String body = "{\"matterKind\":\"" + kind + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
        String run = drafter().body(body).post("/api/v1/statistics/runs").then().statusCode(202).extract()
                .jsonPath().getString("runId");
        assertThat(waitFor(run)).isEqualTo("COMPLETED");
        return run;
    }

    private JsonPath runJson(String kind, String from, String to, String scope) {
        String run = startAndWait(kind, from, to, scope);
        return drafter().get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract().jsonPath();
    }

    private List<Object> figures(String run) {
        return drafter().get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract().jsonPath()
                .getList("figures");
    }

    private String waitFor(String run) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            String status = drafter().get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract()
                    .jsonPath().getString("status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED")) {
                return status;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "INTERRUPTED";
            }
        }
        return "TIMEOUT";
    }

    private static long total(JsonPath json, String metric) {
        return ((Number) figure(json, metric, null).get("value")).longValue();
    }

    private static Map<String, Object> figure(JsonPath json, String metric, String dimension) {
        List<Map<String, Object>> all = json.getList("figures");
        return all.stream().filter(f -> metric.equals(f.get("metric")) && java.util.Objects.equals(dimension,
                f.get("dimension"))).findFirst().orElseThrow(() -> new AssertionError("no figure " + metric + "/" + dimension));
    }

    private static String dec(Object value) {
        return new java.math.BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static Row rowOf(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && firstCell.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + sheet.getSheetName());
    }
}
