package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilink.platform.problem.ProblemException;

/** Ledger files as offices have them: encodings, quoting, and the bad files refused before a row is taken. */
class LedgerFileTest {

    static final Charset GBK = Charset.forName("GBK");
    static final long LIMIT = 1024 * 1024;

    @TempDir
    Path dir;

    record Row(long number, Map<String, String> values) {
    }

    static List<Row> rows(byte[] bytes, String contentType, String encoding) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (LedgerFile file = LedgerFile.receive(new ByteArrayInputStream(bytes), contentType, encoding, LIMIT)) {
            file.rows((n, r) -> rows.add(new Row(n, r)));
        }
        return rows;
    }

    static ProblemException refusal(byte[] bytes, String contentType) {
        try (LedgerFile file = LedgerFile.receive(new ByteArrayInputStream(bytes), contentType, null, LIMIT)) {
            throw new AssertionError("taken: " + file.kind());
        } catch (ProblemException e) {
            return e;
        }
    }

    @Test
    void aGbkFileWithChineseHeadersIsDetectedAndReadAsTheLedgerWroteIt() throws Exception {
        byte[] gbk = LedgerSamples.chineseCsv("m1").getBytes(GBK);
        Path file = Files.write(dir.resolve("gbk.csv"), gbk);
        assertThat(LedgerEncoding.decide(file, null)).contains(LedgerEncoding.GB18030);

        List<Row> rows = rows(gbk, "text/csv", null);
        assertThat(rows).hasSize(2);
        Map<String, String> first = rows.get(0).values();
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(first).containsEntry("ledgerId", "G1-m1").containsEntry("applicantName", "张三丰")
                .containsEntry("respondentName", "李四光").containsEntry("disputeType", "邻里纠纷")
                .containsEntry("summary", "楼上漏水 m1").containsEntry("regionCode", "赵巷镇")
                .containsEntry("amountInvolved", "1,200").containsEntry("acceptedAt", "2024/3/5")
                .containsEntry("concludedAt", "2024年3月20日");
    }

    @Test
    void utf8WithAndWithoutABomIsDetectedAndPureAsciiIsUtf8() throws Exception {
        String text = LedgerSamples.chineseCsv("m2");
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(LedgerEncoding.decide(Files.write(dir.resolve("bom.csv"), bom), null)).contains(StandardCharsets.UTF_8);
        assertThat(LedgerEncoding.decide(Files.write(dir.resolve("plain.csv"), text.getBytes(StandardCharsets.UTF_8)),
                null)).contains(StandardCharsets.UTF_8);
        assertThat(LedgerEncoding.decide(Files.write(dir.resolve("ascii.csv"), "a,b\n1,2\n".getBytes()), null))
                .contains(StandardCharsets.UTF_8);
        assertThat(rows(bom, "text/csv", null).get(0).values()).containsEntry("ledgerId", "G1-m2")
                .containsEntry("applicantName", "张三丰");
    }

    @Test
    void theUsersChoiceOfEncodingWinsAndIsCheckedStrictly() throws Exception {
        byte[] gbk = LedgerSamples.chineseCsv("m3").getBytes(GBK);
        assertThat(rows(gbk, "text/csv", "GBK").get(0).values()).containsEntry("applicantName", "张三丰");
        assertThat(rows(gbk, "text/csv; charset=GB18030", null).get(0).values()).containsEntry("applicantName", "张三丰");
        // a client's default charset is no decision: the content decides
        assertThat(rows(gbk, "text/csv; charset=ISO-8859-1", null).get(0).values())
                .containsEntry("applicantName", "张三丰");
        assertThatThrownBy(() -> rows(gbk, "text/csv", "UTF-8")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).contains("not valid UTF-8"));
        assertThatThrownBy(() -> rows(gbk, "text/csv", "Big5")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("encoding"));
    }

    @Test
    void aFileThatIsNeitherUtf8NorGb18030IsRefusedNotGarbled() {
        ProblemException e = refusal(LedgerSamples.undecidableCsv("m4"), "text/csv");
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().detail()).contains("encoding can not be decided").contains("GB18030");
    }

    @Test
    void quotedCommasQuotesAndLineBreaksStayInTheirFieldAndRowsKeepTheirRecordNumbers() throws Exception {
        String csv = "ledgerId,summary,applicantName\r\n"
                + "Q1,\"楼上漏水，\"\"严重\"\"\nwater, on the ceiling\",张三\r\n"
                + "\r\n"
                + "Q2,\"a, b\",李四\r\n";
        List<Row> rows = rows(csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(rows).extracting(Row::number).containsExactly(2L, 4L);
        assertThat(rows.get(0).values()).containsEntry("summary", "楼上漏水，\"严重\"\nwater, on the ceiling")
                .containsEntry("applicantName", "张三");
        assertThat(rows.get(1).values()).containsEntry("summary", "a, b").containsEntry("applicantName", "李四");
    }

    @Test
    void aQuoteNeverClosedRefusesTheFile() {
        ProblemException e = refusal("ledgerId,summary\nQ1,\"never closed\nQ2,x\n".getBytes(), "text/csv");
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().detail()).contains("quoted field is never closed");
    }

    @Test
    void xlsxDateCellsComeAsIsoDatesAndHeadersAreMapped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("台账");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("编号");
            header.createCell(1).setCellValue("受理日期");
            header.createCell(2).setCellValue("调解日期");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(17);
            var date = book.createCellStyle();
            date.setDataFormat((short) 14); // m/d/yy, Excel's default date
            var d = row.createCell(1);
            d.setCellValue(java.time.LocalDate.of(2024, 3, 5));
            d.setCellStyle(date);
            var chinese = book.createCellStyle();
            chinese.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var c = row.createCell(2);
            c.setCellValue(java.time.LocalDate.of(2024, 3, 20));
            c.setCellStyle(chinese);
            book.write(out);
        }
        List<Row> rows = rows(out.toByteArray(), LedgerFile.XLSX, null);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("ledgerId", "17")
                .containsEntry("acceptedAt", "2024-03-05").containsEntry("concludedAt", "2024-03-20"));
    }

    @Test
    void corruptEncryptedAndZipBombXlsxAreRefusedWithAClearReason() throws Exception {
        // whole and unprotected, the same workbook is a good ledger of one row
        assertThat(rows(LedgerSamples.xlsx("m5"), LedgerFile.XLSX, null)).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("ledgerId", "B1-m5"));
        ProblemException random = refusal(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, LedgerFile.XLSX);
        assertThat(random.problem().status()).isEqualTo(400);
        assertThat(random.problem().detail()).contains("damaged");
        ProblemException truncated = refusal(LedgerSamples.truncatedXlsx("m5"), LedgerFile.XLSX);
        assertThat(truncated.problem().status()).isEqualTo(400);
        assertThat(truncated.problem().detail()).contains("damaged");
        ProblemException encrypted = refusal(LedgerSamples.encryptedXlsx("m5"), LedgerFile.XLSX);
        assertThat(encrypted.problem().status()).isEqualTo(400);
        assertThat(encrypted.problem().detail()).contains("password");
        ProblemException bomb = refusal(LedgerSamples.zipBombXlsx("m5"), LedgerFile.XLSX);
        assertThat(bomb.problem().status()).isEqualTo(400);
        assertThat(bomb.problem().detail()).contains("zip bomb");
        // a zip sent as CSV is read as the .xlsx it is
        assertThat(refusal(LedgerSamples.zipBombXlsx("m5"), "text/csv").problem().detail()).contains("zip bomb");
    }

    @Test
    void aPdfAnImageOrAnotherMediaTypeIsTheWrongType() {
        assertThat(refusal(LedgerSamples.pdf(), LedgerFile.XLSX).problem().status()).isEqualTo(415);
        assertThat(refusal(LedgerSamples.pdf(), "text/csv").problem().detail()).contains("PDF");
        assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "text/csv").problem().status())
                .isEqualTo(415);
        assertThat(refusal("a,b\n".getBytes(), "application/pdf").problem().status()).isEqualTo(415);
        assertThat(refusal("a,b\n".getBytes(), "image/png").problem().detail()).contains("text/csv");
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNoTemporaryFile() throws Exception {
        long before = temporaryLedgers();
        byte[] big = new byte[(int) LIMIT + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        ProblemException e = refusal(big, "text/csv");
        assertThat(e.problem().status()).isEqualTo(413);
        assertThat(e.problem().detail()).contains("1 MB");
        assertThat(temporaryLedgers()).isEqualTo(before);
    }

    private static long temporaryLedgers() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("trilink-ledger-")).count();
        }
    }
}
