package org.trilink.statistics.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.Rate;
import org.trilink.statistics.entity.RunParameters;

/** A run's figures as an Excel workbook (summary plus one sheet per breakdown) and as CSV. */
public final class RunExports {

    private RunExports() {
    }

    /** Everything needed to print a run: its parameters, the names, the figures and the sentences. */
    public record Content(String runId, RunParameters parameters, String scopeName, List<Figure> figures,
                          Map<String, String> regionNames, Map<String, String> officeNames, List<String> sentences,
                          Map<String, Map<String, Long>> succeeded, Compared lastYear, Compared before,
                          Map<java.time.YearMonth, Long> months) {

        /** Without the cases by month (the workbook's chart sheet then shows the dispute types alone). */
        public Content(String runId, RunParameters parameters, String scopeName, List<Figure> figures,
                       Map<String, String> regionNames, Map<String, String> officeNames, List<String> sentences,
                       Map<String, Map<String, Long>> succeeded, Compared lastYear, Compared before) {
            this(runId, parameters, scopeName, figures, regionNames, officeNames, sentences, succeeded, lastYear,
                    before, Map.of());
        }

        /** Without the successes by town and office and without comparisons (the workbook then shows neither). */
        public Content(String runId, RunParameters parameters, String scopeName, List<Figure> figures,
                       Map<String, String> regionNames, Map<String, String> officeNames, List<String> sentences) {
            this(runId, parameters, scopeName, figures, regionNames, officeNames, sentences, Map.of(), null, null,
                    Map.of());
        }
    }

    /** A completed run the figures are compared with (同比: a year before, 环比: the period before), its totals by metric. */
    public record Compared(String runId, java.time.LocalDate from, java.time.LocalDate to, Map<String, Figure> totals) {
    }

    /**
     * The workbook is for people: every word in Chinese (figure names, dispute types, channels,
     * towns, offices, the kind of matter), sheets named in Chinese, counts as whole numbers, rates
     * and amounts with two decimals, the period as a report states it (2023年1-10月). Codes are
     * the CSV's business.
     */
    public static byte[] xlsx(Content content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            CellStyle header = bordered(wb);
            header.setFont(bold);
            CellStyle cell = bordered(wb);
            CellStyle count = bordered(wb);
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            CellStyle decimal = bordered(wb);
            decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));

            RunParameters p = content.parameters();
            String period = ReportText.periodLabel(p.from(), p.to());
            String kind = label("MatterKind", p.matterKind(), true);
            Sheet summary = wb.createSheet("汇总");
            int r = 0;
            row(summary, r++, title, content.scopeName() + kind + "统计（" + period + "）");
            summary.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            row(summary, r++, null, "事项类别：" + kind + "　统计期间：" + p.from() + "至" + p.to() + "　范围："
                    + content.scopeName() + "　统计编号：" + content.runId());
            for (String sentence : content.sentences()) {
                row(summary, r++, null, sentence);
            }
            r++;
            int headerRow = r;
            // 同比 and 环比 where a completed run of the same kind and scope covers that period
            List<String> heads = new java.util.ArrayList<>(List.of("指标", "数值", "分子", "分母"));
            for (Compared compared : new Compared[] {content.lastYear(), content.before()}) {
                if (compared != null) {
                    String name = compared == content.lastYear() ? "同比" : "环比";
                    heads.add((compared == content.lastYear() ? "上年同期" : "上期") + "（"
                            + ReportText.periodLabel(compared.from(), compared.to()) + "）");
                    heads.add(name + "（%/百分点）");
                }
            }
            row(summary, r++, header, heads.toArray(String[]::new));
            for (Figure f : content.figures()) {
                if (!f.total()) {
                    continue;
                }
                Row row = summary.createRow(r++);
                Metric m = Metric.byCode(f.metric()).orElseThrow();
                text(row, 0, cell, m.label(true) + unit(m));
                boolean whole = m.type() == Metric.Type.COUNT || m.type() == Metric.Type.BREAKDOWN;
                num(row, 1, whole ? count : decimal, f.value().doubleValue());
                if (f.numerator() != null) {
                    num(row, 2, count, f.numerator().doubleValue());
                    num(row, 3, count, f.denominator().doubleValue());
                } else {
                    text(row, 2, cell, "");
                    text(row, 3, cell, "");
                }
                int col = 4;
                for (Compared compared : new Compared[] {content.lastYear(), content.before()}) {
                    if (compared == null) {
                        continue;
                    }
                    Figure then = compared.totals().get(f.metric());
                    if (then == null) {
                        text(row, col++, cell, "");
                        text(row, col++, cell, "");
                        continue;
                    }
                    num(row, col++, whole ? count : decimal, then.value().doubleValue());
                    // a rate's change is in percentage points, anything else's in percent of the earlier figure
                    java.math.BigDecimal change = RunComparisons.change(m, f.value(), then.value());
                    if (change == null) {
                        text(row, col++, cell, "");
                    } else {
                        num(row, col++, decimal, change.doubleValue());
                    }
                }
            }
            printable(summary, headerRow, 4 + (content.lastYear() == null ? 0 : 2) + (content.before() == null ? 0 : 2));

            for (Map.Entry<String, List<Figure>> e : RunFigures.breakdowns(content.figures()).entrySet()) {
                Metric m = Metric.byCode(e.getKey()).orElseThrow();
                Sheet sheet = wb.createSheet(m.label(true));
                row(sheet, 0, title, content.scopeName() + kind + m.label(true) + "（" + period + "）");
                // by town and by office, a people's mediation run says how many of each line's cases
                // were mediated successfully, and the rate (successful / accepted, as the total's)
                Map<String, Long> succeeded = content.succeeded().get(e.getKey());
                if (succeeded == null) {
                    row(sheet, 2, header, "名称", "件数");
                } else {
                    row(sheet, 2, header, "名称", "受理", "调解成功", "调解成功率（%）");
                }
                int i = 3;
                for (Figure f : e.getValue()) {
                    Row row = sheet.createRow(i++);
                    text(row, 0, cell, name(content, e.getKey(), f.dimension(), true));
                    num(row, 1, count, f.value().doubleValue());
                    if (succeeded != null) {
                        long s = succeeded.getOrDefault(f.dimension(), 0L);
                        num(row, 2, count, s);
                        num(row, 3, decimal, Rate.of(s, f.value().longValue()).value().doubleValue());
                    }
                }
                printable(sheet, 2, succeeded == null ? 2 : 4);
            }
            charts(wb, content, title, header, cell, count);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the workbook", e);
        }
    }

    /**
     * The sheet 图表: the cases by dispute type and by month as two bar charts (drawn by Excel
     * from the tables beside them on the same sheet, so a drafter can restyle or copy them).
     */
    private static void charts(XSSFWorkbook wb, Content content, CellStyle title, CellStyle header, CellStyle cell,
                               CellStyle count) {
        XSSFSheet sheet = wb.createSheet("图表");
        String period = ReportText.periodLabel(content.parameters().from(), content.parameters().to());
        row(sheet, 0, title, content.scopeName() + "纠纷件数图表（" + period + "）");
        List<String[]> types = new java.util.ArrayList<>();
        List<Figure> byType = new java.util.ArrayList<>(RunFigures.breakdowns(content.figures())
                .getOrDefault("byDisputeType", List.of()));
        byType.sort(java.util.Comparator.comparing(Figure::value).reversed().thenComparing(Figure::dimension));
        for (Figure f : byType) {
            types.add(new String[] {name(content, "byDisputeType", f.dimension(), true), String.valueOf(f.count())});
        }
        List<String[]> months = new java.util.ArrayList<>();
        content.months().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> months.add(
                new String[] {e.getKey().getYear() + "年" + e.getKey().getMonthValue() + "月", String.valueOf(e.getValue())}));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int first = 3;
        chartTable(sheet, first, 0, "纠纷类型", types, header, cell, count);
        chartTable(sheet, first, 3, "月份", months, header, cell, count);
        if (!types.isEmpty()) {
            barChart(drawing, sheet, "按纠纷类型", first, types.size(), 0,
                    new org.apache.poi.xssf.usermodel.XSSFClientAnchor(0, 0, 0, 0, 6, 2, 18, 22));
        }
        if (!months.isEmpty()) {
            barChart(drawing, sheet, "按月份", first, months.size(), 3,
                    new org.apache.poi.xssf.usermodel.XSSFClientAnchor(0, 0, 0, 0, 6, 24, 18, 44));
        }
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(3, 12 * 256);
        sheet.setColumnWidth(4, 10 * 256);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
    }

    /** A two-column table (name, 件数) from a given row and column: the data a chart draws. */
    private static void chartTable(XSSFSheet sheet, int firstRow, int col, String head, List<String[]> lines,
                                   CellStyle header, CellStyle cell, CellStyle count) {
        Row h = sheet.getRow(firstRow - 1) == null ? sheet.createRow(firstRow - 1) : sheet.getRow(firstRow - 1);
        text(h, col, header, head);
        text(h, col + 1, header, "件数");
        for (int i = 0; i < lines.size(); i++) {
            Row r = sheet.getRow(firstRow + i) == null ? sheet.createRow(firstRow + i) : sheet.getRow(firstRow + i);
            text(r, col, cell, lines.get(i)[0]);
            num(r, col + 1, count, Double.parseDouble(lines.get(i)[1]));
        }
    }

    private static void barChart(XSSFDrawing drawing, XSSFSheet sheet, String name, int firstRow, int rows, int col,
                                 org.apache.poi.xssf.usermodel.XSSFClientAnchor anchor) {
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(name);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
        counts.setCrosses(AxisCrosses.AUTO_ZERO);
        counts.setCrossBetween(AxisCrossBetween.BETWEEN);
        counts.setNumberFormat("#,##0");
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, firstRow + rows - 1, col, col));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, firstRow + rows - 1, col + 1, col + 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(names, values);
        series.setTitle("件数", null);
        chart.plot(data);
    }

    /** The unit a figure's name carries in the workbook, where it is not a number of cases. */
    private static String unit(Metric m) {
        // the amount's name says 元 already
        return switch (m.type()) {
            case RATE -> "（%）";
            case DAYS -> "（天）";
            case AMOUNT, COUNT, BREAKDOWN -> "";
        };
    }

    /**
     * CSV for machines: codes kept as they are (metric, dimension), each with its Chinese label
     * beside it, plain numbers; a byte order mark, so that Excel opens the Chinese right.
     */
    public static byte[] csv(Content content) {
        StringBuilder s = new StringBuilder("\uFEFFmetric,metric_label,dimension,dimension_label,value,numerator,denominator\r\n");
        for (Figure f : content.figures()) {
            s.append(f.metric()).append(',')
                    .append(quote(Metric.byCode(f.metric()).map(m -> m.label(true)).orElse(""))).append(',')
                    .append(quote(f.dimension())).append(',')
                    .append(quote(f.total() ? "" : name(content, f.metric(), f.dimension(), true))).append(',')
                    .append(plain(f.value())).append(',')
                    .append(f.numerator() == null ? "" : plain(f.numerator())).append(',')
                    .append(f.denominator() == null ? "" : plain(f.denominator()))
                    .append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(java.math.BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A breakdown's line by its name: a town's, an office's, or the label of a dispute type or channel. */
    private static String name(Content content, String metric, String code, boolean chinese) {
        return switch (metric) {
            case "byRegion" -> content.regionNames().getOrDefault(code, code);
            case "byOffice" -> content.officeNames().getOrDefault(code, code);
            case "byDisputeType" -> label("DisputeType", code, chinese);
            case "byChannel" -> label("Channel", code, chinese);
            default -> code;
        };
    }

    /**
     * The label of a code (e.g. DisputeType NEIGHBOR: 邻里) as the portal's bundle has it, so that
     * the workbook and the pages say the same; the code itself when the bundle has none.
     */
    public static String label(String enumName, String code, boolean chinese) {
        if (code == null) {
            return "";
        }
        ResourceBundle bundle = ResourceBundle.getBundle("org.trilink.portal.messages",
                chinese ? Locale.forLanguageTag("zh") : Locale.ENGLISH, RunExports.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = enumName + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    private static String quote(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            text(row, i, style, values[i]);
        }
    }

    private static void text(Row row, int col, CellStyle style, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row row, int col, CellStyle style, double value) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** A4, fitted to one page wide, the header row repeated on every page, page numbers in the footer. */
    private static void printable(Sheet sheet, int headerRow, int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 16 * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, columns - 1));
        sheet.setPrintGridlines(false);
        sheet.setHorizontallyCenter(true);
        sheet.getFooter().setCenter("&P / &N");
        sheet.createFreezePane(0, headerRow + 1);
    }
}
