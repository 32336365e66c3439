package org.trilink.partners.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
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
 * Reads a ledger row by row, without holding the file: CSV line by line, .xlsx (first sheet)
 * with POI's SAX event reader. Each row goes to the consumer as column name -> text, with its
 * row number in the file (the header is row 1).
 */
public final class LedgerReader {

    private LedgerReader() {
    }

    public static void csv(InputStream in, BiConsumer<Long, Map<String, String>> rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            return;
        }
        List<String> header = CsvReferrals.split(CsvReferrals.stripBom(line));
        long number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> values = CsvReferrals.split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < values.size(); i++) {
                row.put(header.get(i).strip(), values.get(i).strip());
            }
            rows.accept(number, row);
        }
    }

    public static void xlsx(InputStream in, BiConsumer<Long, Map<String, String>> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
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
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable .xlsx file", e);
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
                    header.add(cells.getOrDefault(i, "").strip());
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
