package org.trilink.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.cases.control.CaseSearch;
import org.trilink.cases.entity.CaseSearchTerms;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.demo.DemoCases;
import org.trilink.platform.Migrations;

/**
 * What a case is found by (issue 23): its numbers, names, the last four digits of its phones and
 * its summary, lower case and with typed brackets read as 〔〕; never a whole phone or an ID
 * number. The migration's and the demo data's SQL give the same terms as the application.
 */
class CaseSearchTermsTest {

    private static DisputeCase aCase(String caseNumber, String summary) {
        return new DisputeCase(caseNumber, MatterKind.PEOPLES_MEDIATION, Channel.WALK_IN, IntakeMode.APPLICATION,
                DisputeType.NEIGHBOR, summary, "310118104", null, null, 2, RiskLevel.LOW, "JO-ZHAOXIANG", null,
                OffsetDateTime.parse("2026-01-10T09:00:00+08:00"), "mediator");
    }

    @Test
    void termsHoldNumbersNamesAndOnlyThePhonesLastFourDigits() {
        DisputeCase c = aCase("TL2026-000123", "楼上漏水(二楼) Water");
        c.addParty(new Party(PartyRole.APPLICANT, PartyKind.PERSON, "欧阳娜娜", "11010519491231002X", null,
                "13800138000", null));
        c.addParty(new Party(PartyRole.RESPONDENT, PartyKind.ORGANISATION, "某物业公司", null, "91310118MA1JL0XX5Q",
                null, null));
        c.register("JO-ZHAOXIANG", "青赵调登〔2026〕第0012号");
        c.fromLedger("赵巷[2025]第7号");

        String terms = CaseSearchTerms.of(c);

        assertThat(terms).isEqualTo("tl2026-000123 青赵调登〔2026〕第0012号 赵巷〔2025〕第7号 欧阳娜娜 8000 某物业公司"
                + " 楼上漏水〔二楼〕 water");
        assertThat(terms).doesNotContain("13800138000").doesNotContain("1380013").doesNotContain("002x");
    }

    @Test
    void aPatternFindsAnyPartTypedWithAnyBracketsAndTakesWildcardsLiterally() {
        assertThat(CaseSearchTerms.pattern("  TL2026-0001 ")).isEqualTo("%tl2026-0001%");
        assertThat(CaseSearchTerms.pattern("调登[2026]第00")).isEqualTo("%调登〔2026〕第00%");
        assertThat(CaseSearchTerms.pattern("【2026】")).isEqualTo("%〔2026〕%");
        assertThat(CaseSearchTerms.pattern("50%_\\")).isEqualTo("%50\\%\\_\\\\%");
        assertThat(CaseSearchTerms.pattern("  ")).isNull();
        assertThat(CaseSearchTerms.pattern(null)).isNull();
    }

    @Test
    void theMigrationAndTheDemoDataGiveTheApplicationsTermsOnH2() throws Exception {
        String url = "jdbc:h2:mem:v31-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Migrations.migrate(url, "sa", "", "27");
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            DemoCases.write(db, 60);
            execute(db, "update dispute_case set register_number = '青赵调登[2026]第' || id || '号',"
                    + " ledger_number = '台账（' || id || '）', agreement_number = 'X字【2026】第' || id || '号'"
                    + " where mod(id, 3) = 0");
        }
        Migrations.migrate(url, "sa", "", "latest");
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            Map<Long, String> expected = applicationTerms(db);
            assertThat(expected).hasSize(60);
            assertThat(stored(db)).isEqualTo(expected);

            execute(db, "delete from case_search where mod(case_id, 2) = 0");
            execute(db, CaseSearch.fillMissing());
            assertThat(stored(db)).isEqualTo(expected);

            // a party's name in part, a phone's last four digits, a number typed with other brackets
            Map.Entry<Long, String[]> any = firstPerson(db);
            String name = any.getValue()[0];
            String phone = any.getValue()[1];
            assertThat(found(db, name.substring(1))).contains(any.getKey());
            assertThat(found(db, phone.substring(7))).contains(any.getKey());
            long numbered = expected.keySet().stream().filter(id -> id % 3 == 0).findFirst().orElseThrow();
            assertThat(found(db, "调登【2026】第" + numbered)).contains(numbered);
            assertThat(found(db, "%")).isEmpty();
        }
    }

    private static Map<Long, String> applicationTerms(Connection db) throws SQLException {
        Map<Long, String> terms = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select id, case_number, register_number, ledger_number, agreement_number,"
                     + " summary from dispute_case order by id")) {
            while (rs.next()) {
                DisputeCase c = aCase(rs.getString(2), rs.getString(6));
                c.register("X", rs.getString(3));
                c.fromLedger(rs.getString(4));
                if (rs.getString(5) != null) {
                    c.numberAgreement(rs.getString(5));
                }
                try (PreparedStatement p = db.prepareStatement("select name, phone from party where case_id = ?"
                        + " order by ordinal")) {
                    p.setLong(1, rs.getLong(1));
                    try (ResultSet parties = p.executeQuery()) {
                        while (parties.next()) {
                            c.addParty(new Party(PartyRole.APPLICANT, PartyKind.PERSON, parties.getString(1), null, null,
                                    parties.getString(2), null));
                        }
                    }
                }
                terms.put(rs.getLong(1), CaseSearchTerms.of(c));
            }
        }
        return terms;
    }

    private static Map<Long, String> stored(Connection db) throws SQLException {
        Map<Long, String> terms = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select case_id, terms from case_search order by case_id")) {
            while (rs.next()) {
                terms.put(rs.getLong(1), rs.getString(2));
            }
        }
        return terms;
    }

    private static Map.Entry<Long, String[]> firstPerson(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select case_id, name, phone from party where phone is not null"
                     + " and char_length(name) >= 2 order by id")) {
            rs.next();
            return Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        }
    }

    private static List<Long> found(Connection db, String typed) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("select case_id from case_search where terms like ?")) {
            p.setString(1, CaseSearchTerms.pattern(typed));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
