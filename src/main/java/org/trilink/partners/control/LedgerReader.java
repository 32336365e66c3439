package org.trilink.partners.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a ledger row by row, without holding the file: CSV as RFC 4180 records with Apache
 * Commons CSV (a quoted comma or line break stays in its field), .xlsx (first sheet) with POI's
 * SAX event reader. Each row goes to the consumer as column key -> text, the headers mapped by
 * {@link LedgerColumns}, with its record number in the file (the header is row 1; a blank line
 * counts, as in the spreadsheet). Date cells of an .xlsx come as yyyy-MM-dd (HH:mm).
 */
public final class LedgerReader {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private LedgerReader() {
    }

    /** A CSV file in the given encoding, decoded strictly (a byte that does not decode is an error). */
    public static void csv(Path file, Charset charset, BiConsumer<Long, Map<String, String>> rows) throws IOException {
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                LedgerEncoding.strict(charset)));
             CSVParser parser = CSV.parse(reader)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String name : record) {
                        header.add(LedgerColumns.key(header.isEmpty() ? CsvReferrals.stripBom(name) : name));
                    }
                    continue;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), record.get(i).strip());
                }
                rows.accept(record.getRecordNumber(), row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An .xlsx file's first sheet; anything POI refuses (not a zip, encrypted, a zip bomb) is an IOException. */
    public static void xlsx(Path file, BiConsumer<Long, Map<String, String>> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(rows),
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable .xlsx file", e);
        } catch (RuntimeException e) {
            // POI's refusals are unchecked: NotOfficeXmlFileException, EncryptedDocumentException,
            // RecordFormatException, POIXMLException; the row consumer catches its own
            throw new IOException("not a readable .xlsx file", e);
        }
    }

    /** Cells formatted as Excel shows them, except dates, which come as ISO dates whatever their format. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                java.time.LocalDateTime at = DateUtil.getLocalDateTime(value, use1904, true);
                return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.toLocalDate() + " " + at.toLocalTime().withNano(0);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    /** Collects one sheet row's cells; the first row names the columns. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final BiConsumer<Long, Map<String, String>> consumer;
        private final List<String> header = new ArrayList<>();
        private final Map<Integer, String> cells = new HashMap<>();
        private int rowNum;

        Rows(BiConsumer<Long, Map<String, String>> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (header.isEmpty()) {
                int max = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                for (int i = 0; i <= max; i++) {
                    header.add(LedgerColumns.key(cells.getOrDefault(i, "")));
                }
                return;
            }
            if (cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            Map<String, String> row = new HashMap<>();
            cells.forEach((i, v) -> {
                if (i < header.size()) {
                    row.put(header.get(i), v.strip());
                }
            });
            consumer.accept(rowNum + 1L, row);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = 0;
            for (char ch : reference.toCharArray()) {
                if (Character.isLetter(ch)) {
                    column = column * 26 + (Character.toUpperCase(ch) - 'A' + 1);
                } else {
                    break;
                }
            }
            cells.put(column - 1, value == null ? "" : value);
        }
    }
}
