package org.trilink.statistics.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.RunParameters;

/** A run's figures as an Excel workbook (summary plus one sheet per breakdown) and as CSV. */
public final class RunExports {

    private RunExports() {
    }

    /** Everything needed to print a run: its parameters, the names, the figures and the sentences. */
    public record Content(String runId, RunParameters parameters, String scopeName, List<Figure> figures,
                          Map<String, String> regionNames, Map<String, String> officeNames, List<String> sentences) {
    }

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
            CellStyle number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));

            Sheet summary = wb.createSheet("汇总 Summary");
            RunParameters p = content.parameters();
            int r = 0;
            row(summary, r++, title, "统计结果 Statistics: " + content.scopeName() + " " + p.from() + " – " + p.to());
            summary.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            row(summary, r++, null, "类别 Matter: " + p.matterKind() + "   运行 Run: " + content.runId());
            for (String sentence : content.sentences()) {
                row(summary, r++, null, sentence);
            }
            r++;
            int headerRow = r;
            row(summary, r++, header, "指标 Metric", "说明 Label", "数值 Value", "分子 Numerator", "分母 Denominator");
            for (Figure f : content.figures()) {
                if (!f.total()) {
                    continue;
                }
                Row row = summary.createRow(r++);
                Metric m = Metric.byCode(f.metric()).orElseThrow();
                text(row, 0, cell, f.metric());
                text(row, 1, cell, m.label(true) + " / " + m.label(false));
                num(row, 2, number, f.value().doubleValue());
                if (f.numerator() != null) {
                    num(row, 3, number, f.numerator().doubleValue());
                    num(row, 4, number, f.denominator().doubleValue());
                } else {
                    text(row, 3, cell, "");
                    text(row, 4, cell, "");
                }
            }
            printable(summary, headerRow, 5);

            for (Map.Entry<String, List<Figure>> e : RunFigures.breakdowns(content.figures()).entrySet()) {
                Metric m = Metric.byCode(e.getKey()).orElseThrow();
                Sheet sheet = wb.createSheet(m.label(true) + " " + e.getKey());
                row(sheet, 0, title, m.label(true) + " " + m.label(false) + " – " + content.scopeName() + " "
                        + p.from() + " – " + p.to());
                row(sheet, 2, header, "代码 Code", "名称 Name", "件数 Cases");
                int i = 3;
                for (Figure f : e.getValue()) {
                    Row row = sheet.createRow(i++);
                    text(row, 0, cell, f.dimension());
                    text(row, 1, cell, name(content, e.getKey(), f.dimension()));
                    num(row, 2, number, f.value().doubleValue());
                }
                printable(sheet, 2, 3);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the workbook", e);
        }
    }

    /** CSV with a byte order mark, so that Excel opens the Chinese names right. */
    public static byte[] csv(Content content) {
        StringBuilder s = new StringBuilder("\uFEFFmetric,dimension,name,value,numerator,denominator\r\n");
        for (Figure f : content.figures()) {
            s.append(f.metric()).append(',').append(quote(f.dimension())).append(',')
                    .append(quote(f.total() ? Metric.byCode(f.metric()).map(m -> m.label(true)).orElse("")
                            : name(content, f.metric(), f.dimension()))).append(',')
                    .append(f.value().stripTrailingZeros().toPlainString()).append(',')
                    .append(f.numerator() == null ? "" : f.numerator().stripTrailingZeros().toPlainString()).append(',')
                    .append(f.denominator() == null ? "" : f.denominator().stripTrailingZeros().toPlainString())
                    .append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String name(Content content, String metric, String code) {
        return switch (metric) {
            case "byRegion" -> content.regionNames().getOrDefault(code, code);
            case "byOffice" -> content.officeNames().getOrDefault(code, code);
            default -> code;
        };
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
            sheet.setColumnWidth(i, i == 1 ? 40 * 256 : 18 * 256);
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
