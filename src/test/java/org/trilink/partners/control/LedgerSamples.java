package org.trilink.partners.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Ledger files as offices have them, good and bad, for the unit tests and PartnerExchangeIT alike. */
public final class LedgerSamples {

    private LedgerSamples() {
    }

    /** A ledger with the offices' own Chinese headers and words, in CSV text. */
    public static String chineseCsv(String marker) {
        return "序号,受理日期,纠纷类型,纠纷简要情况（必填）,所属街镇,涉及金额,涉及人数,申请人,申请人电话,被申请人,调解结果,协议形式,结案日期\n"
                + "G1-" + marker + ",2024/3/5,邻里纠纷,楼上漏水 " + marker + ",赵巷镇,\"1,200\",2,张三丰,,李四光,调解成功,书面协议,2024年3月20日\n"
                + "G2-" + marker + ",2024年4月1日,劳动争议,欠薪 " + marker + ",310118104,5000,3,王五,13800138000,某公司,调解不成功,,2024-05-01\n";
    }

    /** A small .xlsx with one good row that would import if the file were read. */
    public static byte[] xlsx(String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("台账");
            String[][] rows = {{"序号", "受理日期", "纠纷类型", "纠纷简要情况", "所属街镇", "申请人"},
                    {"B1-" + marker, "2024-03-05", "邻里纠纷", "坏文件 " + marker, "赵巷镇", "张三"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        return out.toByteArray();
    }

    /** The .xlsx above, password-protected as Excel does it (an OLE2 container around the encrypted zip). */
    public static byte[] encryptedXlsx(String marker) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("秘密");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx(marker));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The .xlsx above cut off half-way. */
    public static byte[] truncatedXlsx(String marker) throws IOException {
        byte[] whole = xlsx(marker);
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    /** A real .xlsx whose sheet unpacks to 20 MB of blanks from a few kilobytes: a zip bomb. */
    public static byte[] zipBombXlsx(String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx(marker)));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.indexOf("<sheetData");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The first bytes of a PDF document. */
    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** Text that is neither UTF-8 nor GB18030: bytes 0x80 and 0xFF begin no character in either. */
    public static byte[] undecidableCsv(String marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("ledgerId,receivedAt,disputeType,summary\nU1-" + marker + ",2024-03-05,NEIGHBOR,")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xFF, 'x', '\n'});
        return out.toByteArray();
    }

    /** The texts of a sheet's first row, the headers of a ledger or template. */
    public static java.util.List<String> headers(org.apache.poi.ss.usermodel.Sheet sheet) {
        java.util.List<String> headers = new java.util.ArrayList<>();
        for (org.apache.poi.ss.usermodel.Cell cell : sheet.getRow(0)) {
            headers.add(cell.getStringCellValue());
        }
        return headers;
    }

    /**
     * The labels a template offers in a drop-down of its first sheet's column with this header, as
     * Excel shows them: an explicit list, or a range of another (hidden) sheet; empty for none.
     */
    public static java.util.List<String> dropDown(XSSFWorkbook book, String header) {
        var sheet = book.getSheetAt(0);
        int column = headers(sheet).indexOf(header);
        for (var validation : sheet.getDataValidations()) {
            boolean covers = java.util.Arrays.stream(validation.getRegions().getCellRangeAddresses())
                    .anyMatch(r -> r.getFirstColumn() <= column && column <= r.getLastColumn() && r.getFirstRow() <= 1);
            if (!covers) {
                continue;
            }
            var constraint = validation.getValidationConstraint();
            if (constraint.getExplicitListValues() != null) {
                return java.util.List.of(constraint.getExplicitListValues());
            }
            String formula = constraint.getFormula1();
            if (formula.startsWith("\"")) {
                return java.util.List.of(formula.substring(1, formula.length() - 1).split(","));
            }
            var area = new org.apache.poi.ss.util.AreaReference(formula, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
            var lists = book.getSheet(area.getFirstCell().getSheetName());
            java.util.List<String> values = new java.util.ArrayList<>();
            for (var ref : area.getAllReferencedCells()) {
                values.add(lists.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue());
            }
            return values;
        }
        return java.util.List.of();
    }
}
