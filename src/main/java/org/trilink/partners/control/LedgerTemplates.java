package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.Performance;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.Region;
import org.trilink.platform.faces.Labels;
import org.trilink.referrals.entity.ReferralStatus;

/**
 * The .xlsx template an office fills to bring its ledger in, one per matter kind: the Chinese
 * headers {@link LedgerColumns} reads, in the order a clerk keeps them, drop-down lists of the
 * labels {@link LedgerValues} accepts (towns and offices from the reference data), one example row
 * that imports as it is, and a sheet 填写说明 that says for each column what it means, whether it
 * is required, its format and its values, in the reader's language.
 */
@ApplicationScoped
public class LedgerTemplates {

    /** The instructions' words: {@code LedgerTemplate.properties} (English) and {@code _zh}. */
    static final String TEXTS = "org.trilink.partners.control.LedgerTemplate";

    /** How many rows the drop-downs and column formats cover below the header. */
    static final int ROWS = 5000;

    /** The (hidden) sheet that holds the longer lists of labels. */
    static final String LISTS = "选项";

    /** An explicit list longer than this (Excel allows 255 characters) goes to the hidden sheet. */
    private static final int EXPLICIT_LIST_CHARS = 120;

    @Inject
    OfficeCatalog offices;

    /** What a column holds, which decides its cell format, width and list. */
    enum Type { TEXT, LONG_TEXT, NUMBER_TEXT, DATE, AMOUNT, COUNT, CODE, TOWN, OFFICE, YES_NO, SATISFACTION }

    /**
     * A column of the template: the import's key, the header written, its type, whether every row
     * needs it ({@code required}; a conditional need is worded in the texts as
     * {@code required.<key>}), the enum whose labels it offers, and the example row's value.
     */
    record Column(String key, String header, Type type, boolean required, Class<? extends Enum<?>> codes,
                  Object example) {
    }

    /** The columns of a kind's template, in the order a clerk keeps the ledger. */
    static List<Column> columns(MatterKind kind, String town) {
        List<Column> c = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 3, 4);
        if (kind == MatterKind.ADMINISTRATIVE) {
            c.add(new Column("ledgerId", "编号", Type.TEXT, true, null, "示例-0001"));
            c.add(new Column("matterKind", "事项类型", Type.CODE, true, MatterKind.class, MatterKind.ADMINISTRATIVE));
            c.add(new Column("receivedAt", "收案日期", Type.DATE, true, null, day));
            c.add(new Column("filedAt", "立案日期", Type.DATE, false, null, day.plusDays(2)));
            c.add(new Column("channel", "案件来源", Type.CODE, false, Channel.class, Channel.WALK_IN));
            c.add(new Column("summary", "案情摘要", Type.LONG_TEXT, true, null, "对交通违法行政处罚决定不服（示例）"));
            c.add(new Column("regionCode", "所属街镇", Type.TOWN, true, null, town));
            c.add(new Column("peopleInvolved", "涉及人数", Type.COUNT, false, null, 1));
            c.add(new Column("riskLevel", "风险等级", Type.CODE, false, RiskLevel.class, RiskLevel.LOW));
            c.add(new Column("applicantName", "申请人", Type.TEXT, true, null, "王五"));
            c.add(new Column("applicantIdNumber", "申请人身份证号", Type.NUMBER_TEXT, false, null, null));
            c.add(new Column("applicantPhone", "申请人电话", Type.NUMBER_TEXT, false, null, "13800138000"));
            c.add(new Column("respondentName", "被申请人", Type.TEXT, false, null, "某区交通执法大队"));
            c.add(new Column("respondentKind", "被申请人类型", Type.CODE, false, PartyKind.class, PartyKind.ORGANISATION));
            c.add(new Column("handlingOffice", "办理单位", Type.OFFICE, false, null, null));
            c.add(new Column("adminResolution", "办理结果", Type.CODE, false, AdminResolution.class,
                    AdminResolution.MEDIATED));
            c.add(new Column("concludedAt", "办结日期", Type.DATE, false, null, day.plusDays(37)));
            c.add(new Column("closedAt", "归档日期", Type.DATE, false, null, day.plusDays(42)));
            return List.copyOf(c);
        }
        c.add(new Column("ledgerId", "编号", Type.TEXT, true, null, "示例-0001"));
        c.add(new Column("matterKind", "事项类型", Type.CODE, false, MatterKind.class, MatterKind.PEOPLES_MEDIATION));
        c.add(new Column("receivedAt", "收案日期", Type.DATE, false, null, day));
        c.add(new Column("acceptedAt", "受理日期", Type.DATE, false, null, day.plusDays(1)));
        c.add(new Column("channel", "案件来源", Type.CODE, false, Channel.class, Channel.WALK_IN));
        c.add(new Column("disputeType", "纠纷类型", Type.CODE, true, DisputeType.class, DisputeType.NEIGHBOR));
        c.add(new Column("summary", "纠纷简要情况", Type.LONG_TEXT, true, null, "楼上卫生间漏水致楼下墙面受损（示例）"));
        c.add(new Column("regionCode", "所属街镇", Type.TOWN, true, null, town));
        c.add(new Column("address", "地址", Type.TEXT, false, null, null));
        c.add(new Column("amountInvolved", "涉及金额", Type.AMOUNT, false, null, 1200));
        c.add(new Column("peopleInvolved", "涉及人数", Type.COUNT, false, null, 2));
        c.add(new Column("riskLevel", "风险等级", Type.CODE, false, RiskLevel.class, RiskLevel.LOW));
        c.add(new Column("applicantName", "申请人", Type.TEXT, true, null, "张三"));
        c.add(new Column("applicantIdNumber", "申请人身份证号", Type.NUMBER_TEXT, false, null, null));
        c.add(new Column("applicantPhone", "申请人电话", Type.NUMBER_TEXT, false, null, "13800138000"));
        c.add(new Column("respondentName", "被申请人", Type.TEXT, false, null, "李四"));
        c.add(new Column("respondentKind", "被申请人类型", Type.CODE, false, PartyKind.class, PartyKind.PERSON));
        c.add(new Column("handlingOffice", "办理单位", Type.OFFICE, false, null, null));
        c.add(new Column("mediators", "调解员", Type.TEXT, false, null, null));
        c.add(new Column("referralFrom", "转出单位", Type.OFFICE, false, null, null));
        c.add(new Column("referralTo", "转介单位", Type.OFFICE, false, null, null));
        c.add(new Column("referredAt", "转介日期", Type.DATE, false, null, null));
        c.add(new Column("referralDecision", "转介结果", Type.CODE, false, ReferralStatus.class, null));
        c.add(new Column("referralDecidedAt", "接收日期", Type.DATE, false, null, null));
        c.add(new Column("referralReason", "转介原因", Type.TEXT, false, null, null));
        c.add(new Column("referralRejection", "退回原因", Type.TEXT, false, null, null));
        c.add(new Column("outcome", "调解结果", Type.CODE, false, Outcome.class, Outcome.SUCCESS));
        c.add(new Column("concludedAt", "结案日期", Type.DATE, false, null, day.plusDays(16)));
        c.add(new Column("agreementForm", "协议形式", Type.CODE, false, AgreementForm.class, AgreementForm.WRITTEN));
        c.add(new Column("agreementTerms", "协议内容", Type.LONG_TEXT, false, null, "李四于3月31日前赔偿维修费1200元"));
        c.add(new Column("agreementAmount", "协议金额", Type.AMOUNT, false, null, 1200));
        c.add(new Column("performanceDeadline", "履行期限", Type.DATE, false, null, day.plusDays(27)));
        c.add(new Column("criminalCaseAverted", "防止民转刑", Type.YES_NO, false, null, "否"));
        c.add(new Column("criminalCaseAvertedPeople", "防止民转刑人数", Type.COUNT, false, null, null));
        c.add(new Column("massPetitionAverted", "防止群体性上访", Type.YES_NO, false, null, "否"));
        c.add(new Column("massPetitionAvertedPeople", "防止群体性上访人数", Type.COUNT, false, null, null));
        for (int visit = 1; visit <= 2; visit++) {
            String n = visit == 1 ? "" : String.valueOf(visit);
            boolean example = visit == 1;
            c.add(new Column("followUpAt" + n, "回访日期" + n, Type.DATE, false, null, example ? day.plusDays(37) : null));
            c.add(new Column("followUpMethod" + n, "回访方式" + n, Type.CODE, false, FollowUpMethod.class,
                    example ? FollowUpMethod.PHONE : null));
            c.add(new Column("followUpPerformance" + n, "履行情况" + n, Type.CODE, false, Performance.class,
                    example ? Performance.PERFORMED : null));
            c.add(new Column("followUpSatisfaction" + n, "满意度" + n, Type.SATISFACTION, false, null,
                    example ? "满意" : null));
        }
        c.add(new Column("closedAt", "归档日期", Type.DATE, false, null, day.plusDays(42)));
        return List.copyOf(c);
    }

    /** The template's file name, in Chinese: 人民调解台账导入模板.xlsx, 行政争议登记导入模板.xlsx. */
    public static String fileName(MatterKind kind) {
        return sheetName(kind) + "导入模板.xlsx";
    }

    static String sheetName(MatterKind kind) {
        return kind == MatterKind.ADMINISTRATIVE ? "行政争议登记" : "人民调解台账";
    }

    /** Satisfaction as ledgers word it, best first ({@link LedgerValues#satisfaction}: 5 to 1). */
    static final List<String> SATISFACTION = List.of("满意", "比较满意", "基本满意", "不太满意", "不满意");

    static final List<String> YES_NO = List.of("是", "否");

    /** The Chinese labels a coded column offers: the portal's words for its codes, as the import reads them. */
    static List<String> labels(Class<? extends Enum<?>> codes) {
        ResourceBundle words = ResourceBundle.getBundle(Labels.BUNDLE, Locale.CHINESE);
        List<String> labels = new ArrayList<>();
        for (Enum<?> code : codes.getEnumConstants()) {
            if (code == Channel.LEDGER_IMPORT) {
                // what an import stamps on a row without a source, not a source a clerk picks
                continue;
            }
            String key = codes.getSimpleName() + "." + code.name();
            labels.add(words.containsKey(key) ? words.getString(key) : code.name());
        }
        return List.copyOf(labels);
    }

    /** The workbook of a kind's template, its instructions in the locale's language (Chinese or English). */
    public byte[] workbook(MatterKind kind, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(TEXTS, locale == null ? Locale.CHINESE : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> towns = offices.regions().stream().filter(r -> "TOWN".equals(r.level())).map(Region::nameZh)
                .toList();
        List<String> officeNames = offices.offices(null, null).stream().filter(Office::active).map(Office::nameZh)
                .toList();
        List<Column> columns = columns(kind, towns.isEmpty() ? null : towns.get(0));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            XSSFSheet data = book.createSheet(sheetName(kind));
            XSSFSheet help = book.createSheet(text(texts, "sheet.instructions"));
            XSSFSheet lists = book.createSheet(LISTS);
            Map<String, String> listRanges = new LinkedHashMap<>();
            Row header = data.createRow(0);
            header.setHeightInPoints(30);
            Row example = data.createRow(1);
            XSSFDataValidationHelper validations = new XSSFDataValidationHelper(data);
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                Cell h = header.createCell(i);
                h.setCellValue(column.header());
                h.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
                CellStyle style = styles.of(column.type());
                data.setDefaultColumnStyle(i, style);
                data.setColumnWidth(i, width(column));
                writeExample(example.createCell(i), column, style);
                List<String> choices = choices(column, towns, officeNames);
                if (!choices.isEmpty()) {
                    DataValidationConstraint constraint = String.join(",", choices).length() <= EXPLICIT_LIST_CHARS
                            ? validations.createExplicitListConstraint(choices.toArray(String[]::new))
                            : validations.createFormulaListConstraint(listRanges.computeIfAbsent(
                                    listName(column), name -> listColumn(lists, listRanges.size(), name, choices)));
                    DataValidation validation = validations.createValidation(constraint,
                            new CellRangeAddressList(1, ROWS, i, i));
                    // a warning, not a stop: the import also takes the ledgers' synonyms (赵巷, 调解成功 …)
                    validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                    validation.setShowErrorBox(true);
                    validation.createErrorBox(text(texts, "list.title"), text(texts, "list.error"));
                    validation.setSuppressDropDownArrow(true);
                    data.addValidationData(validation);
                }
            }
            data.createFreezePane(1, 1);
            instructions(help, columns, texts, styles, towns, officeNames, kind);
            book.setSheetHidden(book.getSheetIndex(lists), true);
            book.setActiveSheet(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels a column's drop-down offers; none for free text, numbers and dates. */
    static List<String> choices(Column column, List<String> towns, List<String> officeNames) {
        return switch (column.type()) {
            case CODE -> labels(column.codes());
            case TOWN -> towns;
            case OFFICE -> officeNames;
            case YES_NO -> YES_NO;
            case SATISFACTION -> SATISFACTION;
            default -> List.of();
        };
    }

    /** One list of the hidden sheet per kind of values: offices serve handling office, from and to alike. */
    private static String listName(Column column) {
        return switch (column.type()) {
            case TOWN -> "towns";
            case OFFICE -> "offices";
            case CODE -> column.codes().getSimpleName();
            default -> column.key().replaceAll("\\d+$", "");
        };
    }

    /** Writes a list down a column of the hidden sheet; the absolute range for a list constraint. */
    private static String listColumn(XSSFSheet lists, int index, String name, List<String> values) {
        row(lists, 0).createCell(index).setCellValue(name);
        for (int r = 0; r < values.size(); r++) {
            row(lists, r + 1).createCell(index).setCellValue(values.get(r));
        }
        String col = CellReference.convertNumToColString(index);
        return "'" + LISTS + "'!$" + col + "$2:$" + col + "$" + (values.size() + 1);
    }

    private static Row row(XSSFSheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    private static void writeExample(Cell cell, Column column, CellStyle style) {
        cell.setCellStyle(style);
        Object v = column.example();
        if (v == null) {
            return;
        }
        if (v instanceof LocalDate day) {
            cell.setCellValue(day);
        } else if (v instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (v instanceof Enum<?> code) {
            ResourceBundle words = ResourceBundle.getBundle(Labels.BUNDLE, Locale.CHINESE);
            String key = code.getDeclaringClass().getSimpleName() + "." + code.name();
            cell.setCellValue(words.containsKey(key) ? words.getString(key) : code.name());
        } else {
            cell.setCellValue(v.toString());
        }
    }

    /** A width that shows the header and a typical value: Chinese characters count twice. */
    private static int width(Column column) {
        int header = column.header().codePoints().map(ch -> ch < 0x2E80 ? 1 : 2).sum() + 4;
        int content = switch (column.type()) {
            case LONG_TEXT -> 40;
            case NUMBER_TEXT -> 20;
            case OFFICE -> 26;
            case DATE, AMOUNT, TOWN -> 13;
            case TEXT -> 14;
            default -> 10;
        };
        return Math.min(60, Math.max(header, content)) * 256;
    }

    /**
     * The 填写说明 sheet: a few general rules, then one row per column of the data sheet (its header,
     * meaning, whether required, format, allowed values).
     */
    private static void instructions(XSSFSheet help, List<Column> columns, ResourceBundle texts, Styles styles,
                                     List<String> towns, List<String> officeNames, MatterKind kind) {
        int r = 0;
        Cell title = help.createRow(r++).createCell(0);
        title.setCellValue(text(texts, "title." + kind.name()));
        title.setCellStyle(styles.title);
        help.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
        for (int i = 1; texts.containsKey("rule." + i); i++) {
            Cell rule = help.createRow(r).createCell(0);
            rule.setCellValue(text(texts, "rule." + i));
            rule.setCellStyle(styles.wrapped);
            help.addMergedRegion(new CellRangeAddress(r, r, 0, 4));
            help.getRow(r).setHeightInPoints(30);
            r++;
        }
        r++;
        Row head = help.createRow(r++);
        String[] names = {"head.column", "head.meaning", "head.required", "head.format", "head.values"};
        for (int i = 0; i < names.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(text(texts, names[i]));
            cell.setCellStyle(styles.header);
        }
        help.createFreezePane(1, r);
        for (Column column : columns) {
            Row row = help.createRow(r++);
            String key = column.key().replaceAll("\\d+$", "");
            int number = column.key().equals(key) ? 1 : Integer.parseInt(column.key().substring(key.length()));
            String meaning = text(texts, "column." + key);
            if (number > 1) {
                meaning = text(texts, "numbered", number) + meaning;
            }
            String required = column.required() ? text(texts, "required.yes")
                    : texts.containsKey("required." + key) ? text(texts, "required." + key)
                    : text(texts, "required.no");
            List<String> choices = choices(column, towns, officeNames);
            String values = choices.isEmpty() ? (texts.containsKey("values." + key) ? text(texts, "values." + key) : "")
                    : String.join("、", choices);
            String[] cells = {column.header(), meaning, required, text(texts, "format." + column.type().name()), values};
            for (int i = 0; i < cells.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(cells[i]);
                cell.setCellStyle(i == 0 && column.required() ? styles.requiredName : styles.wrapped);
            }
        }
        int[] widths = {18, 48, 26, 30, 60};
        for (int i = 0; i < widths.length; i++) {
            help.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static String text(ResourceBundle texts, String key, Object... args) {
        try {
            String pattern = texts.getString(key);
            return args.length == 0 ? pattern : java.text.MessageFormat.format(pattern, args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The cell styles of a template, made once per workbook (Excel limits their number). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle requiredName;
        final CellStyle title;
        final CellStyle wrapped;
        final CellStyle text;
        final CellStyle date;
        final CellStyle amount;
        final CellStyle count;
        final CellStyle general;

        Styles(XSSFWorkbook book) {
            short textFormat = book.createDataFormat().getFormat("@");
            Supplier<CellStyle> headerStyle = () -> {
                CellStyle s = book.createCellStyle();
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setVerticalAlignment(VerticalAlignment.CENTER);
                s.setWrapText(true);
                for (BorderStyle b : Arrays.asList(BorderStyle.THIN)) {
                    s.setBorderBottom(b);
                    s.setBorderTop(b);
                    s.setBorderLeft(b);
                    s.setBorderRight(b);
                }
                s.setDataFormat(textFormat);
                return s;
            };
            Font bold = book.createFont();
            bold.setBold(true);
            Font red = book.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            header = headerStyle.get();
            header.setFont(bold);
            requiredHeader = headerStyle.get();
            requiredHeader.setFont(red);
            requiredName = book.createCellStyle();
            requiredName.setFont(red);
            requiredName.setVerticalAlignment(VerticalAlignment.TOP);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            text = book.createCellStyle();
            text.setDataFormat(textFormat);
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            amount = book.createCellStyle();
            amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            count = book.createCellStyle();
            count.setDataFormat(book.createDataFormat().getFormat("0"));
            general = book.createCellStyle();
        }

        CellStyle of(Type type) {
            return switch (type) {
                // ID and phone numbers as text, or Excel shows 1.38E+10 and drops an X check digit's zeros
                case TEXT, LONG_TEXT, NUMBER_TEXT, TOWN, OFFICE -> text;
                case DATE -> date;
                case AMOUNT -> amount;
                case COUNT -> count;
                default -> general;
            };
        }
    }
}
