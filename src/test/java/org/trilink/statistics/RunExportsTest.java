package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.trilink.statistics.control.ReportText;
import org.trilink.statistics.control.RunExports;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.RunParameters;
import org.trilink.statistics.entity.ScopeKind;

/** The workbook is for people (Chinese words, whole counts), the CSV for machines (codes, labels beside them). */
class RunExportsTest {

    private static RunExports.Content content() {
        RunParameters p = new RunParameters("PEOPLES_MEDIATION", LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-10-31"), "310118", ScopeKind.DISTRICT);
        List<Figure> figures = RunFigures.figures(p, Map.of("cohort", BigDecimal.valueOf(170),
                        "succeeded", BigDecimal.valueOf(169), "agreementAmount", new BigDecimal("37782047.84")),
                Map.of("byDisputeType", Map.of("NEIGHBOR", BigDecimal.valueOf(120), "LABOR", BigDecimal.valueOf(50)),
                        "byChannel", Map.of("POLICE_110", BigDecimal.valueOf(170)),
                        "byOffice", Map.of("JO-ZHAOXIANG", BigDecimal.valueOf(170))), BigDecimal.ONE);
        List<String> sentences = ReportText.sentences(p, RunFigures.totals(figures), "全区", true);
        return new RunExports.Content("run-1", p, "全区", figures, Map.of("310118104", "赵巷镇"),
                Map.of("JO-ZHAOXIANG", "赵巷司法所"), sentences,
                Map.of("byOffice", Map.of("JO-ZHAOXIANG", 169L), "byRegion", Map.of()),
                new RunExports.Compared("run-0", LocalDate.parse("2022-01-01"), LocalDate.parse("2022-10-31"),
                        RunFigures.totals(RunFigures.figures(p, Map.of("cohort", BigDecimal.valueOf(150),
                                "succeeded", BigDecimal.valueOf(147)), Map.of(), BigDecimal.ONE))),
                null, Map.of(java.time.YearMonth.of(2023, 2), 70L, java.time.YearMonth.of(2023, 1), 100L));
    }

    @Test
    void theChartSheetDrawsTheCasesByDisputeTypeAndByMonthFromItsOwnTables() throws Exception {
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(RunExports.xlsx(content())))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = wb.getSheet("图表");
            assertThat(sheet).isNotNull();
            // the tables the charts draw: types largest first, months in order, whole counts
            assertThat(shown.formatCellValue(sheet.getRow(2).getCell(0))).isEqualTo("纠纷类型");
            assertThat(shown.formatCellValue(sheet.getRow(3).getCell(0))).isEqualTo("邻里");
            assertThat(shown.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("120");
            assertThat(shown.formatCellValue(sheet.getRow(4).getCell(0))).isEqualTo("劳动争议");
            assertThat(shown.formatCellValue(sheet.getRow(4).getCell(1))).isEqualTo("50");
            assertThat(shown.formatCellValue(sheet.getRow(3).getCell(3))).isEqualTo("2023年1月");
            assertThat(shown.formatCellValue(sheet.getRow(3).getCell(4))).isEqualTo("100");
            assertThat(shown.formatCellValue(sheet.getRow(4).getCell(3))).isEqualTo("2023年2月");
            assertThat(shown.formatCellValue(sheet.getRow(4).getCell(4))).isEqualTo("70");
            List<org.apache.poi.xssf.usermodel.XSSFChart> charts = sheet.createDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts.get(0).getTitleText().getString()).isEqualTo("按纠纷类型");
            assertThat(charts.get(1).getTitleText().getString()).isEqualTo("按月份");
            var types = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(types.getCategoryData().getPointCount()).isEqualTo(2);
            assertThat(types.getCategoryData().getPointAt(0)).isEqualTo("邻里");
            assertThat(types.getValuesData().getPointAt(0)).isEqualTo(120.0);
            assertThat(types.getValuesData().getDataRangeReference()).isEqualTo("图表!$B$4:$B$5");
            var months = charts.get(1).getChartSeries().get(0).getSeries(0);
            assertThat(months.getCategoryData().getPointAt(1)).isEqualTo("2023年2月");
            assertThat(months.getValuesData().getPointAt(1)).isEqualTo(70.0);
        }
    }

    @Test
    void theWorkbookSaysEverythingInChineseWithWholeCounts() throws Exception {
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(RunExports.xlsx(content())))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("汇总");
            assertThat(wb.getSheet("按纠纷类型")).isNotNull();
            assertThat(wb.getSheet("按来源渠道")).isNotNull();
            assertThat(wb.getSheet("按办理单位")).isNotNull();
            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全区人民调解统计（2023年1-10月）");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("截至10月底全区人民调解组织共受理各类矛盾纠纷170件，调解成功169件，调解成功率为99.41%。");
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).contains("协议涉及金额3778.20万元");
            assertThat(shown.formatCellValue(row(summary, "受理纠纷").getCell(1))).isEqualTo("170");
            assertThat(shown.formatCellValue(row(summary, "调解成功率（%）").getCell(1))).isEqualTo("99.41");
            assertThat(shown.formatCellValue(row(summary, "调解成功率（%）").getCell(3))).isEqualTo("170");
            assertThat(shown.formatCellValue(row(summary, "协议涉及金额（元）").getCell(1))).isEqualTo("37,782,047.84");
            assertThat(shown.formatCellValue(row(wb.getSheet("按纠纷类型"), "邻里").getCell(1))).isEqualTo("120");
            assertThat(shown.formatCellValue(row(wb.getSheet("按纠纷类型"), "劳动争议").getCell(1))).isEqualTo("50");
            assertThat(shown.formatCellValue(row(wb.getSheet("按来源渠道"), "110非警务警情").getCell(1))).isEqualTo("170");
            // 同比 against the run of the year before: +13.33% accepted, the rate up 1.41 points (98.00 to 99.41)
            Row head = summary.getRow(row(summary, "受理纠纷").getRowNum() - 1);
            assertThat(head.getCell(4).getStringCellValue()).isEqualTo("上年同期（2022年1-10月）");
            assertThat(head.getCell(5).getStringCellValue()).isEqualTo("同比（%/百分点）");
            assertThat(head.getLastCellNum()).as("no 环比 without a run of the period before").isEqualTo((short) 6);
            assertThat(shown.formatCellValue(row(summary, "受理纠纷").getCell(4))).isEqualTo("150");
            assertThat(shown.formatCellValue(row(summary, "受理纠纷").getCell(5))).isEqualTo("13.33");
            assertThat(shown.formatCellValue(row(summary, "调解成功率（%）").getCell(4))).isEqualTo("98.00");
            assertThat(shown.formatCellValue(row(summary, "调解成功率（%）").getCell(5))).isEqualTo("1.41");
            assertThat(shown.formatCellValue(row(summary, "协议涉及金额（元）").getCell(5))).isEmpty();
            Row office = row(wb.getSheet("按办理单位"), "赵巷司法所");
            assertThat(shown.formatCellValue(office.getCell(1))).isEqualTo("170");
            // the success rate by office beside its count
            assertThat(wb.getSheet("按办理单位").getRow(2).getCell(3).getStringCellValue()).isEqualTo("调解成功率（%）");
            assertThat(shown.formatCellValue(office.getCell(2))).isEqualTo("169");
            assertThat(shown.formatCellValue(office.getCell(3))).isEqualTo("99.41");
            // a breakdown by type has no rate
            assertThat(wb.getSheet("按纠纷类型").getRow(2).getLastCellNum()).isEqualTo((short) 2);
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    r.forEach(c -> assertThat(shown.formatCellValue(c)).doesNotContain("NEIGHBOR", "POLICE_110",
                            "PEOPLES_MEDIATION", "JO-ZHAOXIANG", "170.0", "successRate"));
                }
            }
        }
    }

    @Test
    void theCsvKeepsTheCodesWithALabelBesideEach() {
        String csv = new String(RunExports.csv(content()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFmetric,metric_label,dimension,dimension_label,value,numerator,denominator\r\n")
                .contains("\r\naccepted,受理纠纷,,,170,,\r\n")
                .contains("\r\nsuccessRate,调解成功率,,,99.41,169,170\r\n")
                .contains("\r\nagreementAmount,协议涉及金额（元）,,,37782047.84,,\r\n")
                .contains("\r\nbyDisputeType,按纠纷类型,NEIGHBOR,邻里,120,,\r\n")
                .contains("\r\nbyChannel,按来源渠道,POLICE_110,110非警务警情,170,,\r\n")
                .contains("\r\nbyOffice,按办理单位,JO-ZHAOXIANG,赵巷司法所,170,,\r\n");
    }

    @Test
    void codesAreLabelledAsThePagesLabelThem() {
        assertThat(RunExports.label("DisputeType", "NEIGHBOR", true)).isEqualTo("邻里");
        assertThat(RunExports.label("Channel", "POLICE_110", true)).isEqualTo("110非警务警情");
        assertThat(RunExports.label("MatterKind", "PEOPLES_MEDIATION", true)).isEqualTo("人民调解");
        assertThat(RunExports.label("DisputeType", "NEIGHBOR", false)).isNotEqualTo("NEIGHBOR");
        assertThat(RunExports.label("DisputeType", "NO_SUCH_TYPE", true)).isEqualTo("NO_SUCH_TYPE");
    }

    private static Row row(Sheet sheet, String first) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && first.equals(r.getCell(0).toString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }
}
