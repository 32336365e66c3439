package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.Region;

/**
 * The .xlsx template of each matter kind, as a clerk gets it and as the import reads it back: its
 * example row imports as it is, every drop-down offers only words the import takes, and the
 * instructions sheet explains every column.
 */
class LedgerTemplatesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static byte[] template(MatterKind kind, Locale locale) {
        LedgerTemplates templates = new LedgerTemplates();
        templates.offices = ReferenceData.catalog();
        return templates.workbook(kind, locale);
    }

    @ParameterizedTest
    @EnumSource(MatterKind.class)
    void theExampleRowImportsAsItIsThroughTheLedgerReader(MatterKind kind) throws Exception {
        byte[] bytes = template(kind, Locale.CHINA);
        List<LedgerImport.Row> rows = new ArrayList<>();
        LedgerImport ledgers = ReferenceData.ledgerImport();
        try (LedgerFile file = LedgerFile.receive(new ByteArrayInputStream(bytes), LedgerFile.XLSX, null, 1 << 20)) {
            // an office of the kind: a judicial office keeps the mediation ledger, the centre the register
            String office = kind == MatterKind.ADMINISTRATIVE ? "NLC-310118" : "JO-ZHAOXIANG";
            file.rows((number, row) -> {
                assertThat(number).as("the example is the sheet's row 2").isEqualTo(2L);
                rows.add(ledgers.parse(row, SHANGHAI, office, false));
            });
        }
        assertThat(rows).hasSize(1);
        LedgerImport.Row example = rows.get(0);
        assertThat(example.kind()).isEqualTo(kind);
        assertThat(example.ledgerId()).isEqualTo("示例-0001");
        assertThat(example.message().regionCode).as("the first town of the reference data").isEqualTo("310118001");
        if (kind == MatterKind.ADMINISTRATIVE) {
            assertThat(example.resolution()).isEqualTo(AdminResolution.MEDIATED);
            assertThat(example.filedAt()).isNotNull();
        } else {
            assertThat(example.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(example.agreement().amount()).isEqualByComparingTo("1200");
            assertThat(example.message().parties.get(0).phone).as("kept as text").isEqualTo("13800138000");
            assertThat(example.visits()).hasSize(1);
        }
        assertThat(example.closedAt()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(MatterKind.class)
    void everyDropDownOffersOnlyWordsTheImportTakes(MatterKind kind) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template(kind, Locale.CHINA)))) {
            List<String> headers = LedgerSamples.headers(book.getSheetAt(0));
            int lists = 0;
            for (String header : headers) {
                String key = LedgerColumns.key(header);
                assertThat(key).as("the import reads " + header).isNotEqualTo(header);
                List<String> choices = LedgerSamples.dropDown(book, header);
                String base = key.replaceAll("\\d+$", "");
                boolean coded = List.of("matterKind", "channel", "disputeType", "riskLevel", "respondentKind",
                        "outcome", "agreementForm", "adminResolution", "followUpMethod", "followUpPerformance",
                        "referralDecision").contains(base);
                boolean listed = coded || List.of("regionCode", "handlingOffice", "referralFrom", "referralTo",
                        "criminalCaseAverted", "massPetitionAverted", "followUpSatisfaction").contains(base);
                assertThat(choices.isEmpty()).as(header + " has a drop-down").isEqualTo(!listed);
                lists += listed ? 1 : 0;
                for (String choice : choices) {
                    if (coded) {
                        assertThat(LedgerValues.code(base, choice)).as(header + ": " + choice)
                                .isNotEqualTo(choice).matches("[A-Z0-9_]+");
                    } else if (base.equals("regionCode")) {
                        assertThat(ReferenceData.catalog().regionNamed(choice)).as(choice).isPresent();
                    } else if (base.endsWith("Averted")) {
                        assertThat(LedgerValues.yes(choice)).as(choice).isNotNull();
                    } else if (base.equals("followUpSatisfaction")) {
                        assertThat(LedgerValues.satisfaction(choice)).as(choice).isBetween(1, 5);
                    } else {
                        assertThat(ReferenceData.OFFICES).extracting(Office::nameZh).as(header).contains(choice);
                    }
                }
            }
            assertThat(lists).isGreaterThanOrEqualTo(kind == MatterKind.ADMINISTRATIVE ? 6 : 20);
            // towns and offices are the reference data's, not a list of the template's own
            assertThat(LedgerSamples.dropDown(book, "所属街镇")).containsExactlyElementsOf(ReferenceData.REGIONS.stream()
                    .filter(r -> "TOWN".equals(r.level())).map(Region::nameZh).toList());
            assertThat(LedgerSamples.dropDown(book, "办理单位")).contains("赵巷司法所", "青浦区非诉讼争议解决中心")
                    .hasSize(ReferenceData.OFFICES.size());
            assertThat(book.isSheetHidden(book.getSheetIndex(LedgerTemplates.LISTS))).isTrue();
            assertThat(book.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(MatterKind.class)
    void theInstructionsSheetExplainsEveryColumnInTheReadersLanguage(MatterKind kind) throws Exception {
        for (Locale locale : List.of(Locale.CHINA, Locale.ENGLISH)) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template(kind, locale)))) {
                Sheet help = book.getSheetAt(1);
                assertThat(help.getSheetName()).isEqualTo(locale == Locale.CHINA ? "填写说明" : "Instructions");
                Map<String, List<String>> byColumn = new java.util.HashMap<>();
                for (Row row : help) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getStringCellValue());
                    }
                    if (!cells.isEmpty()) {
                        byColumn.put(cells.get(0), cells);
                    }
                }
                for (String header : LedgerSamples.headers(book.getSheetAt(0))) {
                    assertThat(byColumn).as("the instructions name " + header).containsKey(header);
                    List<String> line = byColumn.get(header);
                    assertThat(line).as(header + ": meaning, required, format").hasSizeGreaterThanOrEqualTo(4);
                    assertThat(line.subList(1, 4)).as(header).allSatisfy(text -> assertThat(text).isNotBlank()
                            .doesNotContain("column.", "format.", "required."));
                }
                if (locale == Locale.CHINA) {
                    assertThat(byColumn.get("编号").get(2)).isEqualTo("必填");
                    assertThat(byColumn.get("所属街镇").get(4)).contains("赵巷镇");
                } else {
                    assertThat(byColumn.get("编号").get(2)).isEqualTo("required");
                }
            }
        }
    }
}
