package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.trilink.partners.control.LedgerFile;
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
        assertThat(zh).startsWith("截至10月底全区人民调解组织共受理各类矛盾纠纷7948件，调解成功7946件，调解成功率为99.97%。\n");
        String en = drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=en").then().statusCode(200)
                .extract().asString();
        assertThat(en).startsWith("By the end of October, people's mediation organisations in the district accepted 7948 "
                + "disputes of all kinds, of which 7946 were mediated successfully, a success rate of 99.97%.");

        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + run + "/export.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).contains("7948件");
            Row rateRow = rowOf(summary, "调解成功率（%）");
            assertThat(rateRow.getCell(1).getNumericCellValue()).isEqualTo(99.97);
            assertThat(rateRow.getCell(2).getNumericCellValue()).isEqualTo(7946);
            assertThat(rateRow.getCell(3).getNumericCellValue()).isEqualTo(7948);
            // for people: Chinese names and sheets, whole-number counts, the period as a report says it
            assertThat(summary.getSheetName()).isEqualTo("汇总");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全区人民调解统计（2023年1-10月）");
            Row accepted = rowOf(summary, "受理纠纷");
            assertThat(accepted.getCell(1).getNumericCellValue()).isEqualTo(7948);
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(accepted.getCell(1)))
                    .isEqualTo("7,948");
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
            assertThat(wb.getSheet("图表")).as("the chart sheet").isNotNull();
            assertThat(wb.getSheetAt(0).getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            Row office = rowOf(wb.getSheet("按办理单位"), "赵巷司法所");
            assertThat(office.getCell(1).getNumericCellValue()).isEqualTo(7948);
            // the success rate by office and by town, beside the counts
            assertThat(office.getCell(2).getNumericCellValue()).isEqualTo(7946);
            assertThat(office.getCell(3).getNumericCellValue()).isEqualTo(99.97);
            Row town = rowOf(wb.getSheet("按镇街"), "赵巷镇");
            assertThat(town.getCell(1).getNumericCellValue()).isEqualTo(7948);
            assertThat(town.getCell(3).getNumericCellValue()).isEqualTo(99.97);
            // every line of a breakdown by its Chinese name, its count whole, the lines summing to the total
            long typed = 0;
            Sheet types = wb.getSheet("按纠纷类型");
            for (Row row : types) {
                if (row.getRowNum() < 3) {
                    continue;
                }
                assertThat(row.getCell(0).getStringCellValue()).matches("\\p{IsHan}+");
                assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(1)))
                        .matches("[0-9,]+");
                typed += (long) row.getCell(1).getNumericCellValue();
            }
            assertThat(typed).isEqualTo(7948);
            assertThat(wb.getSheet("按来源渠道")).isNotNull();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell c : row) {
                        assertThat(c.toString()).as(sheet.getSheetName()).doesNotContain("NEIGHBOR", "PEOPLES_MEDIATION",
                                "LEDGER_IMPORT", "JO-ZHAOXIANG", "successRate");
                    }
                }
            }
        }
        String csv = new String(drafter().get("/api/v1/statistics/runs/" + run + "/export.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        // for machines: the codes, a label beside each
        assertThat(csv).startsWith("\uFEFFmetric,metric_label,dimension,dimension_label,value,numerator,denominator\r\n")
                .contains("successRate,调解成功率,,,99.97,7946,7948").contains("accepted,受理纠纷,,,7948,,")
                .contains("byOffice,按办理单位,JO-ZHAOXIANG,赵巷司法所,7948,,")
                .containsPattern("\r\nbyDisputeType,按纠纷类型,[A-Z_]+,\\p{IsHan}+,[0-9]+,,\r\n");

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

    /**
     * Issue 21: the report's figures from a district's own records of a past year (2015, which no
     * other test uses), as offices keep them: two judicial offices' people's mediation ledgers and
     * the non-litigation centre's register of administrative matters, each part .xlsx (dates as
     * Excel dates) and part GBK .csv (as Chinese Excel saves it), with Chinese headers and words,
     * imported by the district admin for each office. Rows past the cut-off (accepted in November,
     * received in December, resolved or visited after it) are in the files and out of the figures.
     */
    @Test
    void aDistrictsLedgersOfAPastYearReproduceTheReportsFigures() throws Exception {
        LocalDate jan1 = LocalDate.of(2015, 1, 1);
        LocalDate oct31 = LocalDate.of(2015, 10, 31);
        LocalDate nov30 = LocalDate.of(2015, 11, 30);
        Tally tally = new Tally(oct31);

        // 赵巷司法所: 5000 accepted January to October (one not mediated successfully), three in November
        List<MediationRow> zhaoxiang = mediationRows("青赵调登〔2015〕第%04d号", 5000, 3, 2500, -1, "赵巷镇", jan1, oct31);
        // 徐泾司法所: 2948 (one still open at the cut-off), two in November
        List<MediationRow> xujing = mediationRows("%d", 2948, 2, -1, 1000, "徐泾镇", jan1, oct31);
        zhaoxiang.forEach(tally::add);
        xujing.forEach(tally::add);
        assertThat(tally.accepted).isEqualTo(7948);
        assertThat(tally.succeeded).isEqualTo(7946);
        assertThat(tally.amount.signum()).isPositive();
        assertThat(tally.visits).isPositive();

        JsonPath x = importLedger("JO-ZHAOXIANG", mediationXlsx(zhaoxiang), LedgerFile.XLSX);
        assertThat(x.getInt("created")).as(x.prettify()).isEqualTo(5003);
        assertThat(x.getInt("failed")).isZero();
        JsonPath c = importLedger("JO-XUJING", mediationCsv(xujing), "text/csv");
        assertThat(c.getInt("created")).as(c.prettify()).isEqualTo(2950);
        assertThat(c.getInt("failed")).isZero();

        // the centre's register: 1225 received January to November; 375 resolved before filing; of
        // the 850 filed, 803 concluded by the cut-off (314 mediated or withdrawn, 15 corrected, 474
        // upheld), 30 still open and 17 resolved only in December; six more received in December
        List<AdminRow> register = adminRows(jan1, nov30);
        assertThat(register).hasSize(1231);
        JsonPath ax = importLedger("NLC-310118", adminXlsx(register.subList(0, 700)), LedgerFile.XLSX);
        assertThat(ax.getInt("created")).as(ax.prettify()).isEqualTo(700);
        assertThat(ax.getInt("failed")).isZero();
        JsonPath ac = importLedger("NLC-310118", adminCsv(register.subList(700, register.size())), "text/csv");
        assertThat(ac.getInt("created")).as(ac.prettify()).isEqualTo(531);
        assertThat(ac.getInt("failed")).isZero();

        String run = startAndWait("PEOPLES_MEDIATION", "2015-01-01", "2015-10-31", null);
        JsonPath json = drafter().get("/api/v1/statistics/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(total(json, "accepted")).isEqualTo(7948);
        assertThat(total(json, "succeeded")).isEqualTo(7946);
        Map<String, Object> rate = figure(json, "successRate", null);
        assertThat(dec(rate.get("value"))).isEqualTo("99.97");
        assertThat(rate).containsEntry("numerator", 7946).containsEntry("denominator", 7948);
        assertThat(total(json, "pending")).isEqualTo(1);
        assertThat(figure(json, "byOffice", "JO-ZHAOXIANG").get("value")).isEqualTo(5000);
        assertThat(figure(json, "byOffice", "JO-XUJING").get("value")).isEqualTo(2948);
        assertThat(((Number) figure(json, "byDisputeType", "NEIGHBOR").get("value")).longValue()).isEqualTo(tally.neighbours);
        assertThat(total(json, "writtenAgreements")).isEqualTo(tally.written);
        assertThat(total(json, "oralAgreements")).isEqualTo(tally.oral);
        assertThat(dec(figure(json, "agreementAmount", null).get("value"))).isEqualTo(tally.amount.toPlainString());
        assertThat(total(json, "followUps")).isEqualTo(tally.visits);
        assertThat(total(json, "agreementsPerformed")).isEqualTo(tally.performed);
        String zh = drafter().get("/api/v1/statistics/runs/" + run + "/report?lang=zh-CN").then().statusCode(200)
                .extract().asString();
        assertThat(zh).startsWith("截至10月底全区人民调解组织共受理各类矛盾纠纷7948件，调解成功7946件，调解成功率为99.97%。\n"
                + "其中达成书面协议" + tally.written + "件、口头协议" + tally.oral + "件，协议涉及金额"
                + tally.amount.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "万元；回访" + tally.visits + "次，协议履行" + tally.performed + "件。\n");

        String admin = startAndWait("ADMINISTRATIVE", "2015-01-01", "2015-11-30", null);
        JsonPath a = drafter().get("/api/v1/statistics/runs/" + admin).then().statusCode(200).extract().jsonPath();
        assertThat(total(a, "received")).isEqualTo(1225);
        assertThat(total(a, "resolvedBeforeFiling")).isEqualTo(375);
        assertThat(figure(a, "resolvedBeforeFilingRate", null)).containsEntry("numerator", 375)
                .containsEntry("denominator", 1225);
        assertThat(dec(figure(a, "resolvedBeforeFilingRate", null).get("value"))).isEqualTo("30.61");
        assertThat(total(a, "concludedAfterFiling")).isEqualTo(803);
        assertThat(figure(a, "mediatedOrWithdrawnRate", null)).containsEntry("numerator", 314)
                .containsEntry("denominator", 803);
        assertThat(dec(figure(a, "mediatedOrWithdrawnRate", null).get("value"))).isEqualTo("39.10");
        assertThat(figure(a, "correctionRate", null)).containsEntry("numerator", 15).containsEntry("denominator", 803);
        assertThat(dec(figure(a, "correctionRate", null).get("value"))).isEqualTo("1.87");
        assertThat(total(a, "pending")).isEqualTo(47);
        assertThat(drafter().get("/api/v1/statistics/runs/" + admin + "/report").then().statusCode(200).extract()
                .asString()).startsWith("1-11月全区共收到行政争议案件1225件，立案前化解375件，立案前化解率为30.61%；"
                + "案中调撤率为39.10%，纠错率为1.87%。");
    }

    /** A people's mediation ledger row as a clerk fills it in; blanks are null. */
    record MediationRow(String id, LocalDate accepted, String type, String summary, String town, String applicant,
                        String respondent, String outcome, String form, BigDecimal amount, LocalDate concluded,
                        LocalDate visit, String method, String performance, LocalDate visit2, String performance2) {
    }

    private static final String[] DISPUTE_TYPES = {"邻里纠纷", "婚姻家庭纠纷", "合同纠纷", "劳动争议", "物业纠纷",
            "道路交通事故", "损害赔偿纠纷", "消费纠纷", "房屋宅基地纠纷", "其他"};

    /**
     * {@code inPeriod} rows accepted from {@code first} to {@code cutOff}, spread over the days, and
     * {@code inNovember} more after it; row {@code failure} not mediated successfully, row
     * {@code open} without an outcome; every other row a success concluded by the cut-off, written
     * or (every fourth) oral, every fifth with an amount, every sixth visited (a few of those visits
     * fall after the cut-off), every 24th twice.
     */
    private static List<MediationRow> mediationRows(String ids, int inPeriod, int inNovember, int failure, int open,
                                                    String town, LocalDate first, LocalDate cutOff) {
        String[] surnames = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄"};
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, cutOff) + 1;
        List<MediationRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < inPeriod + inNovember; i++) {
            boolean november = i >= inPeriod;
            LocalDate accepted = november ? cutOff.plusDays(2 + i - inPeriod) : first.plusDays((long) i * days / inPeriod);
            String type = DISPUTE_TYPES[i % DISPUTE_TYPES.length];
            String summary = type + "，经调解员现场调查后组织双方协商（第" + (i + 1) + "件）";
            String applicant = surnames[i % surnames.length] + "某";
            String respondent = surnames[(i + 3) % surnames.length] + "某";
            String id = ids.formatted(i + 1);
            if (i == open) {
                rows.add(new MediationRow(id, accepted, type, summary, town, applicant, respondent, null, null, null,
                        null, null, null, null, null, null));
                continue;
            }
            LocalDate concluded = accepted.plusDays(i % 15);
            if (!november && concluded.isAfter(cutOff)) {
                concluded = cutOff;
            }
            if (i == failure) {
                rows.add(new MediationRow(id, accepted, type, summary, town, applicant, respondent, "调解不成功", null,
                        null, concluded, null, null, null, null, null));
                continue;
            }
            String form = i % 4 == 3 ? "口头协议" : "书面协议";
            BigDecimal amount = i % 5 == 0 ? BigDecimal.valueOf(50_000 + (i % 37) * 10_050L, 2) : null;
            LocalDate visit = i % 6 == 0 ? concluded.plusDays(7) : null;
            LocalDate visit2 = i % 24 == 0 ? concluded.plusDays(40) : null;
            rows.add(new MediationRow(id, accepted, type, summary, town, applicant, respondent, "调解成功", form, amount,
                    concluded, visit, visit == null ? null : i % 12 == 0 ? "上门回访" : "电话回访",
                    visit == null ? null : i % 18 == 0 ? "部分履行" : "已履行", visit2, visit2 == null ? null : "已履行"));
        }
        return rows;
    }

    /** What the report must say of the rows, counted as the report defines it (in the period, by its cut-off). */
    static final class Tally {
        final LocalDate cutOff;
        long accepted;
        long succeeded;
        long written;
        long oral;
        long neighbours;
        long visits;
        long performed;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);

        Tally(LocalDate cutOff) {
            this.cutOff = cutOff;
        }

        void add(MediationRow r) {
            if (r.accepted().isAfter(cutOff)) {
                return;
            }
            accepted++;
            neighbours += r.type().equals("邻里纠纷") ? 1 : 0;
            if (!"调解成功".equals(r.outcome())) {
                return;
            }
            succeeded++;
            written += r.form().equals("书面协议") ? 1 : 0;
            oral += r.form().equals("口头协议") ? 1 : 0;
            amount = r.amount() == null ? amount : amount.add(r.amount());
            boolean first = r.visit() != null && !r.visit().isAfter(cutOff);
            boolean second = r.visit2() != null && !r.visit2().isAfter(cutOff);
            visits += (first ? 1 : 0) + (second ? 1 : 0);
            if (first && r.performance().equals("已履行") || second) {
                performed++;
            }
        }
    }

    private static final String[] MEDIATION_HEADER = {"编号", "受理日期", "纠纷类型", "纠纷简要情况", "所属街镇", "申请人",
            "被申请人", "调解结果", "协议形式", "协议金额（元）", "结案日期", "回访日期", "回访方式", "履行情况", "回访日期2",
            "履行情况2"};

    private static Object[] cells(MediationRow r) {
        return new Object[] {r.id(), r.accepted(), r.type(), r.summary(), r.town(), r.applicant(), r.respondent(),
                r.outcome(), r.form(), r.amount(), r.concluded(), r.visit(), r.method(), r.performance(), r.visit2(),
                r.performance2()};
    }

    /** An .xlsx as Excel saves it: dates as date cells (shown as 2015/3/5), amounts as numbers. */
    private static byte[] mediationXlsx(List<MediationRow> rows) throws java.io.IOException {
        return xlsx(MEDIATION_HEADER, rows.stream().map(StatisticsIT::cells).toList());
    }

    /** A GBK .csv: dates as clerks type them (2015/3/5 or 2015年3月5日), amounts with thousands separators. */
    private static byte[] mediationCsv(List<MediationRow> rows) throws java.io.IOException {
        String[] header = MEDIATION_HEADER.clone();
        header[0] = "序号";
        return gbkCsv(header, rows.stream().map(StatisticsIT::cells).toList());
    }

    /** An administrative register row; blanks are null. */
    record AdminRow(String kind, String id, LocalDate received, LocalDate filed, String applicant, String respondent,
                    String summary, String town, String resolution, LocalDate concluded) {
    }

    /**
     * The centre's register, in an order shuffled with a fixed seed: 1225 received from
     * {@code first} to {@code cutOff} (see the test), then six received in December.
     */
    private static List<AdminRow> adminRows(LocalDate first, LocalDate cutOff) {
        List<String> plan = new java.util.ArrayList<>();
        java.util.function.BiConsumer<Integer, String> add = (n, what) -> plan.addAll(java.util.Collections.nCopies(n, what));
        add.accept(375, "立案前化解");
        add.accept(150, "案中调解");
        add.accept(50, "和解");
        add.accept(80, "案中撤回");
        add.accept(34, "撤回申请");
        add.accept(9, "纠错");
        add.accept(4, "撤销");
        add.accept(2, "确认违法");
        add.accept(474, "维持");
        add.accept(30, "");
        add.accept(10, "DEC:案中调解");
        add.accept(7, "DEC:纠错");
        java.util.Collections.shuffle(plan, new java.util.Random(2015));
        String[] agencies = {"区市场监督管理局", "区人力资源和社会保障局", "区规划和自然资源局", "区城市管理行政执法局",
                "区住房保障和房屋管理局", "某镇人民政府"};
        String[] towns = {"赵巷镇", "徐泾镇", "华新镇", "朱家角镇", "夏阳街道"};
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, cutOff) + 1;
        List<AdminRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < plan.size() + 6; i++) {
            String what = i < plan.size() ? plan.get(i) : i % 2 == 0 ? "立案前化解" : "";
            LocalDate received = i < plan.size() ? first.plusDays((long) i * days / plan.size())
                    : cutOff.plusDays(1 + i - plan.size());
            String id = "青非诉登〔2015〕第%04d号".formatted(i + 1);
            String kind = i % 3 == 0 ? "行政复议" : "行政争议";
            String agency = agencies[i % agencies.length];
            String summary = "不服" + agency + "作出的行政决定申请复议（第" + (i + 1) + "件）";
            String applicant = "申请人" + (char) ('甲' + i % 10) + "某";
            String town = towns[i % towns.length];
            if (what.equals("立案前化解")) {
                LocalDate done = received.plusDays(i % 10);
                rows.add(new AdminRow(kind, id, received, null, applicant, agency, summary, town, what,
                        i < plan.size() && done.isAfter(cutOff) ? cutOff : done));
                continue;
            }
            LocalDate filed = received.plusDays(3);
            if (i < plan.size() && filed.isAfter(cutOff)) {
                filed = cutOff;
            }
            if (what.isEmpty()) {
                rows.add(new AdminRow(kind, id, received, filed, applicant, agency, summary, town, null, null));
            } else if (what.startsWith("DEC:")) {
                rows.add(new AdminRow(kind, id, received, filed, applicant, agency, summary, town, what.substring(4),
                        LocalDate.of(2015, 12, 5 + i % 20)));
            } else {
                LocalDate done = filed.plusDays(20 + i % 40);
                rows.add(new AdminRow(kind, id, received, filed, applicant, agency, summary, town, what,
                        done.isAfter(cutOff) ? cutOff : done));
            }
        }
        return rows;
    }

    private static final String[] ADMIN_HEADER = {"事项类型", "编号", "收案日期", "立案日期", "申请人", "被申请人",
            "纠纷简要情况", "所属街镇", "办理结果", "办结日期"};

    private static Object[] cells(AdminRow r) {
        return new Object[] {r.kind(), r.id(), r.received(), r.filed(), r.applicant(), r.respondent(), r.summary(),
                r.town(), r.resolution(), r.concluded()};
    }

    private static byte[] adminXlsx(List<AdminRow> rows) throws java.io.IOException {
        return xlsx(ADMIN_HEADER, rows.stream().map(StatisticsIT::cells).toList());
    }

    private static byte[] adminCsv(List<AdminRow> rows) throws java.io.IOException {
        return gbkCsv(ADMIN_HEADER, rows.stream().map(StatisticsIT::cells).toList());
    }

    private static byte[] xlsx(String[] header, List<Object[]> rows) throws java.io.IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("台账");
            org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int n = 1;
            for (Object[] cells : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof LocalDate d) {
                        var cell = row.createCell(i);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (cells[i] instanceof BigDecimal amount) {
                        row.createCell(i).setCellValue(amount.doubleValue());
                    } else if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i].toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] gbkCsv(String[] header, List<Object[]> rows) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.text.DecimalFormat thousands = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(
                new java.io.OutputStreamWriter(out, java.nio.charset.Charset.forName("GBK")),
                org.apache.commons.csv.CSVFormat.EXCEL)) {
            csv.printRecord((Object[]) header);
            int n = 0;
            for (Object[] cells : rows) {
                n++;
                Object[] text = new Object[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof LocalDate d) {
                        text[i] = n % 2 == 0 ? d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth()
                                : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
                    } else if (cells[i] instanceof BigDecimal amount) {
                        text[i] = thousands.format(amount);
                    } else {
                        text[i] = cells[i] == null ? "" : cells[i];
                    }
                }
                csv.printRecord(text);
            }
        }
        return out.toByteArray();
    }

    private JsonPath importLedger(String office, byte[] file, String contentType) {
        return api.as("admin").queryParam("office", office).contentType(contentType).body(file)
                .post("/api/v1/ledgers").then().statusCode(200).extract().jsonPath();
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
        assertThat(zh).startsWith("截至10月底赵巷镇人民调解组织共受理各类矛盾纠纷2件，调解成功1件，调解成功率为50.00%。");

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

    /**
     * 同比 and 环比 come from completed runs of the year-before and the previous period, success
     * rates by town and office from the run's snapshot; the workbook draws the run's cases by type
     * and month on its chart sheet. Known data of 2012 (March against February; March 2011 has
     * none of this test's cases, so its figures are read from its own run).
     */
    @Test
    void comparisonsWithEarlierRunsAndSuccessRatesByTownAndOffice() throws Exception {
        for (Object[] c : List.of(new Object[] {"2012-03-05T10:00:00+08:00", "JO-ZHAOXIANG", "310118104", true},
                new Object[] {"2012-03-06T10:00:00+08:00", "JO-ZHAOXIANG", "310118104", true},
                new Object[] {"2012-03-07T10:00:00+08:00", "JO-ZHAOXIANG", "310118104", false},
                new Object[] {"2012-03-31T23:00:00+08:00", "JO-XUJING", "310118105", true},
                new Object[] {"2012-02-10T10:00:00+08:00", "JO-ZHAOXIANG", "310118104", true},
                new Object[] {"2012-02-29T10:00:00+08:00", "JO-ZHAOXIANG", "310118104", false})) {
            fixture("case", Map.of("accepted", c[0], "office", c[1], "region", c[2], "success", c[3]));
        }
        // before any earlier run: the periods are named, with nothing to compare yet
        JsonPath alone = runJson("PEOPLES_MEDIATION", "2012-03-01", "2012-03-31", null);
        assertThat(alone.getString("comparisons.periodOnPeriod.from")).isEqualTo("2012-02-01");
        assertThat(alone.getString("comparisons.periodOnPeriod.to")).isEqualTo("2012-02-29");
        assertThat(alone.getString("comparisons.periodOnPeriod.runId")).isNull();
        assertThat(alone.getList("comparisons.periodOnPeriod.figures")).isEmpty();
        assertThat(alone.getString("comparisons.yearOnYear.from")).isEqualTo("2011-03-01");

        JsonPath february = runJson("PEOPLES_MEDIATION", "2012-02-01", "2012-02-29", null);
        assertThat(total(february, "accepted")).isEqualTo(2);
        JsonPath lastYear = runJson("PEOPLES_MEDIATION", "2011-03-01", "2011-03-31", null);
        JsonPath march = runJson("PEOPLES_MEDIATION", "2012-03-01", "2012-03-31", null);
        assertThat(total(march, "accepted")).isEqualTo(4);
        assertThat(total(march, "succeeded")).isEqualTo(3);

        // 环比: 4 accepted against 2 is +100.00 %; the rate 75.00 against 50.00 is +25.00 points
        assertThat(march.getString("comparisons.periodOnPeriod.runId")).isEqualTo(february.getString("runId"));
        Map<String, Object> accepted = change(march, "periodOnPeriod", "accepted");
        assertThat(accepted).containsEntry("value", 4).containsEntry("previous", 2).containsEntry("changeUnit", "PERCENT");
        assertThat(dec(accepted.get("change"))).isEqualTo("100.00");
        Map<String, Object> rate = change(march, "periodOnPeriod", "successRate");
        assertThat(dec(rate.get("value"))).isEqualTo("75.00");
        assertThat(dec(rate.get("previous"))).isEqualTo("50.00");
        assertThat(dec(rate.get("change"))).isEqualTo("25.00");
        assertThat(rate).containsEntry("changeUnit", "POINTS");
        // 同比: against the run of March 2011, whatever it counted
        assertThat(march.getString("comparisons.yearOnYear.runId")).isEqualTo(lastYear.getString("runId"));
        long then = total(lastYear, "accepted");
        Map<String, Object> yoy = change(march, "yearOnYear", "accepted");
        assertThat(((Number) yoy.get("previous")).longValue()).isEqualTo(then);
        if (then == 0) {
            assertThat(yoy.get("change")).as("no percent of nothing").isNull();
        } else {
            assertThat(dec(yoy.get("change"))).isEqualTo(new java.math.BigDecimal(4 - then).multiply(
                    java.math.BigDecimal.valueOf(100)).divide(java.math.BigDecimal.valueOf(then), 2,
                    java.math.RoundingMode.HALF_UP).toPlainString());
        }

        // success rate by town and by office: successes over the line's cases
        Map<String, Object> zhaoxiang = line(march, "byRegion", "310118104");
        assertThat(zhaoxiang).containsEntry("numerator", 2).containsEntry("denominator", 3);
        assertThat(dec(zhaoxiang.get("value"))).isEqualTo("66.67");
        assertThat(dec(line(march, "byRegion", "310118105").get("value"))).isEqualTo("100.00");
        Map<String, Object> office = line(march, "byOffice", "JO-ZHAOXIANG");
        assertThat(office).containsEntry("numerator", 2).containsEntry("denominator", 3);
        assertThat(line(march, "byOffice", "JO-XUJING")).containsEntry("numerator", 1).containsEntry("denominator", 1);

        // the workbook: 环比 columns, and the chart sheet's tables add up to the run
        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + march.getString("runId") + "/export.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row acceptedRow = rowOf(wb.getSheet("汇总"), "受理纠纷");
            Row head = wb.getSheet("汇总").getRow(acceptedRow.getRowNum() - 1);
            assertThat(head.getCell(6).getStringCellValue()).isEqualTo("上期（2012年2月）");
            assertThat(acceptedRow.getCell(6).getNumericCellValue()).isEqualTo(2);
            assertThat(acceptedRow.getCell(7).getNumericCellValue()).isEqualTo(100.0);
            org.apache.poi.xssf.usermodel.XSSFSheet charts = wb.getSheet("图表");
            List<org.apache.poi.xssf.usermodel.XSSFChart> drawn = charts.createDrawingPatriarch().getCharts();
            assertThat(drawn).hasSize(2);
            var types = drawn.get(0).getChartSeries().get(0).getSeries(0).getValuesData();
            double sum = 0;
            for (int i = 0; i < types.getPointCount(); i++) {
                sum += ((Number) types.getPointAt(i)).doubleValue();
            }
            assertThat(sum).isEqualTo(4.0);
            var months = drawn.get(1).getChartSeries().get(0).getSeries(0);
            assertThat(months.getCategoryData().getPointCount()).isEqualTo(1);
            assertThat(months.getCategoryData().getPointAt(0)).isEqualTo("2012年3月");
            assertThat(months.getValuesData().getPointAt(0)).isEqualTo(4.0);
        }
    }

    private static Map<String, Object> change(JsonPath json, String comparison, String metric) {
        List<Map<String, Object>> all = json.getList("comparisons." + comparison + ".figures");
        return all.stream().filter(f -> metric.equals(f.get("metric"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + comparison + " of " + metric));
    }

    private static Map<String, Object> line(JsonPath json, String breakdown, String code) {
        List<Map<String, Object>> all = json.getList("successRates." + breakdown);
        return all.stream().filter(f -> code.equals(f.get("dimension"))).findFirst()
                .orElseThrow(() -> new AssertionError("no success rate of " + breakdown + " " + code));
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
        assertThat(csv).contains("criminalCasesAvertedPeople,防止民转刑（人）,,,5,,")
                .contains("massPetitionsAvertedPeople,防止群体性上访（人）,,,12,,");
        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + run + "/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row people = rowOf(wb.getSheetAt(0), "防止民转刑（人）");
            assertThat(people.getCell(1).getNumericCellValue()).isEqualTo(5);
            assertThat(rowOf(wb.getSheetAt(0), "防止群体性上访（人）").getCell(1).getNumericCellValue())
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

    /**
     * Issue 23: past runs are listed for drafters, newest first, paged, by kind of matter and by a
     * period they overlap. Runs of 2009, a year no other test counts or runs.
     */
    @Test
    void pastRunsAreListedNewestFirstByKindAndPeriod() {
        String first = startAndWait("PEOPLES_MEDIATION", "2009-01-01", "2009-06-30", null);
        String second = startAndWait("PEOPLES_MEDIATION", "2009-07-01", "2009-12-31", "310118104");
        String admin = startAndWait("ADMINISTRATIVE", "2009-01-01", "2009-12-31", null);

        JsonPath all = drafter().queryParam("from", "2009-01-01").queryParam("to", "2009-12-31").queryParam("size", 200)
                .get("/api/v1/statistics/runs").then().statusCode(200).extract().jsonPath();
        List<String> ids = all.getList("items.runId");
        assertThat(ids).contains(first, second, admin);
        assertThat(ids.indexOf(admin)).as("newest first").isLessThan(ids.indexOf(second));
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        assertThat(all.getLong("total")).isEqualTo(ids.size());
        Map<String, Object> listed = all.getMap("items.find { it.runId == '" + second + "' }");
        assertThat(listed).containsEntry("status", "COMPLETED").containsEntry("requestedBy", "drafter")
                .containsKey("totalCases").containsKey("requestedAt").containsKey("completedAt")
                .doesNotContainKey("figures");
        assertThat((Map<String, Object>) listed.get("parameters")).containsEntry("matterKind", "PEOPLES_MEDIATION")
                .containsEntry("from", "2009-07-01").containsEntry("to", "2009-12-31").containsEntry("scope", "310118104");

        // by kind; by a period the run overlaps
        assertThat(drafter().queryParam("matterKind", "ADMINISTRATIVE").queryParam("from", "2009-01-01")
                .queryParam("to", "2009-12-31").get("/api/v1/statistics/runs").then().statusCode(200).extract()
                .jsonPath().getList("items.runId")).contains(admin).doesNotContain(first, second);
        assertThat(drafter().queryParam("matterKind", "PEOPLES_MEDIATION").queryParam("from", "2009-08-01")
                .queryParam("to", "2009-08-31").get("/api/v1/statistics/runs").then().statusCode(200).extract()
                .jsonPath().getList("items.runId")).contains(second).doesNotContain(first, admin);
        // paged
        JsonPath page1 = drafter().queryParam("from", "2009-01-01").queryParam("to", "2009-12-31").queryParam("size", 1)
                .queryParam("page", 1).get("/api/v1/statistics/runs").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.runId")).containsExactly(ids.get(1));
        assertThat(page1.getInt("page")).isEqualTo(1);
        assertThat(page1.getInt("size")).isEqualTo(1);
        // the newest of all, with no filter, is on the first page
        assertThat(drafter().get("/api/v1/statistics/runs").then().statusCode(200).extract().jsonPath()
                .getList("items.runId")).hasSizeLessThanOrEqualTo(20);

        api.as("mediator").get("/api/v1/statistics/runs").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        api.anonymous().get("/api/v1/statistics/runs").then().statusCode(401);
        drafter().queryParam("matterKind", "CRIMINAL").queryParam("from", "2009-13-01").queryParam("size", 0)
                .get("/api/v1/statistics/runs").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("matterKind", "from", "size"));
        drafter().queryParam("from", "2009-12-01").queryParam("to", "2009-01-01").get("/api/v1/statistics/runs").then()
                .statusCode(400).body("errors.field", hasItems("from"));

        // a run's workbook compares it with the completed run of the period before (环比), where there is one
        String later = startAndWait("PEOPLES_MEDIATION", "2009-07-01", "2009-12-31", null);
        byte[] xlsx = drafter().get("/api/v1/statistics/runs/" + later + "/export.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row accepted = rowOf(wb.getSheetAt(0), "受理纠纷");
            Row head = wb.getSheetAt(0).getRow(accepted.getRowNum() - 1);
            List<String> heads = new java.util.ArrayList<>();
            head.forEach(c -> heads.add(c.getStringCellValue()));
            assertThat(heads).contains("上期（2009年1-6月）", "环比（%/百分点）");
            int at = heads.indexOf("上期（2009年1-6月）");
            assertThat(accepted.getCell(at).getNumericCellValue()).isZero();
            // no change from nothing
            assertThat(accepted.getCell(at + 1).toString()).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
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
