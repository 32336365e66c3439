package org.trilink.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.trilink.cases.boundary.HistoryWords;
import org.trilink.cases.boundary.LegacyHistoryDetails;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseChangeJson;
import org.trilink.cases.entity.CaseChangeTest;
import org.trilink.demo.DemoCases;
import org.trilink.platform.faces.Labels;

/**
 * Flyway V17 on a real database: the demo data and one event of every kind the application wrote,
 * stored as free text the way the code before issue 19 stored them (schema at V16), then migrated.
 * Every row is converted; the API words each event with the same text as before, and the case
 * page with the same words in both languages. On H2 always, and on PostgreSQL when the build is
 * given one (-Ppostgresql: property {@code trilink.test.postgresql.url}), in a schema of its own.
 */
class TypedCaseChangesMigrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Kinds of change made after V17 (issue 24's door and electronic signing): never stored as free text. */
    static final java.util.Set<CaseChange.Kind> AFTER_V17 = java.util.EnumSet.of(CaseChange.Kind.PARTY_VIEWED_ONLINE,
            CaseChange.Kind.CORRECTION_REQUESTED, CaseChange.Kind.CORRECTION_DECLINED, CaseChange.Kind.AGREEMENT_SIGNED,
            CaseChange.Kind.AGREEMENT_SEALED, CaseChange.Kind.PARTY_RATED);

    @Test
    void convertsEveryRowOfTheDemoDataOnH2() throws Exception {
        String url = "jdbc:h2:mem:v17-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        convertsEveryRow(url, "sa", "");
    }

    @Test
    void convertsEveryRowOfTheDemoDataOnPostgreSql() throws Exception {
        String base = System.getProperty("trilink.test.postgresql.url", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(base.isBlank(),
                "no PostgreSQL given (./mvnw verify -Ppostgresql gives the CI machine's)");
        try (Connection admin = DriverManager.getConnection(base, "postgres", "postgres");
             Statement s = admin.createStatement()) {
            s.execute("drop schema if exists trilink_v17_test cascade");
            s.execute("create schema trilink_v17_test");
        }
        convertsEveryRow(base + (base.contains("?") ? "&" : "?") + "currentSchema=trilink_v17_test", "postgres",
                "postgres");
    }

    /** An event as stored before V17 and as the page and the API showed it then. */
    record Before(String type, String text, String zh, String en) {
    }

    private void convertsEveryRow(String url, String user, String password) throws Exception {
        SchemaMigration.configuration(getClass().getClassLoader()).dataSource(url, user, password).target("16")
                .load().migrate();
        Map<String, String> officeNames = new HashMap<>();
        Map<Long, Before> before = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            DemoCases.write(db, 300);
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select code, name_zh from office")) {
                while (rs.next()) {
                    officeNames.put(rs.getString(1), rs.getString(2));
                }
            }
            storeAsFreeText(db);
            addOneOfEveryKind(db);
            LegacyHistoryDetails zh = new LegacyHistoryDetails(bundle(Locale.SIMPLIFIED_CHINESE),
                    Locale.SIMPLIFIED_CHINESE, SHANGHAI, officeNames::get);
            LegacyHistoryDetails en = new LegacyHistoryDetails(bundle(Locale.ENGLISH), Locale.ENGLISH, SHANGHAI,
                    officeNames::get);
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("select id, type, detail from case_event order by id")) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    String text = rs.getString(3);
                    before.put(rs.getLong(1), new Before(type, text == null ? "" : text, zh.format(type, text),
                            en.format(type, text)));
                }
            }
        }
        assertThat(before).hasSizeGreaterThan(1000);
        assertThat(before.values().stream().map(Before::type).distinct())
                .containsExactlyInAnyOrder(names(Arrays.stream(CaseChange.Kind.values())
                        .filter(k -> !AFTER_V17.contains(k)).toArray(CaseChange.Kind[]::new)));

        SchemaMigration.configuration(getClass().getClassLoader()).dataSource(url, user, password).load().migrate();

        HistoryWords zh = new HistoryWords(bundle(Locale.SIMPLIFIED_CHINESE), Locale.SIMPLIFIED_CHINESE, SHANGHAI,
                nameOf(officeNames));
        HistoryWords en = new HistoryWords(bundle(Locale.ENGLISH), Locale.ENGLISH, SHANGHAI, nameOf(officeNames));
        int converted = 0;
        List<String> backfilled = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, user, password);
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select id, type, detail, backfilled from case_event order by id")) {
            while (rs.next()) {
                Before was = before.get(rs.getLong(1));
                CaseChange change = CaseChangeJson.read(rs.getString(2), rs.getString(3));
                String as = was.type() + " " + was.text();
                assertThat(change.type()).as(as).isEqualTo(was.type());
                assertThat(change.text() == null ? "" : change.text()).as(as).isEqualTo(was.text());
                assertThat(zh.format(change)).as(as).isEqualTo(was.zh());
                assertThat(en.format(change)).as(as).isEqualTo(was.en());
                if (rs.getBoolean(4)) {
                    backfilled.add(was.type());
                }
                converted++;
            }
        }
        assertThat(converted).isEqualTo(before.size());
        // what the ledger import wrote before V17 was entered after the fact, and is so marked now
        assertThat(backfilled).containsExactlyInAnyOrder("RECEIVED", "LEDGER_OUTCOME");
    }

    /** The demo writer now stores JSON; the rows of a database from before V17 held the text. */
    private static void storeAsFreeText(Connection db) throws Exception {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select id, type, detail from case_event");
             PreparedStatement update = db.prepareStatement("update case_event set detail = ? where id = ?")) {
            while (rs.next()) {
                update.setString(1, CaseChangeJson.read(rs.getString(2), rs.getString(3)).text());
                update.setLong(2, rs.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** One event of every kind in the words the application wrote, and the ledger import's two. */
    private static void addOneOfEveryKind(Connection db) throws Exception {
        long caseId;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select min(id) from dispute_case")) {
            rs.next();
            caseId = rs.getLong(1);
        }
        Map<CaseChange, String> events = new LinkedHashMap<>(CaseChangeTest.LIVE);
        events.keySet().removeIf(c -> AFTER_V17.contains(c.kind()));
        events.put(new CaseChange.Received(org.trilink.cases.entity.Channel.LEDGER_IMPORT,
                org.trilink.cases.entity.DisputeType.LABOR, null, true), "channel=LEDGER_IMPORT, type=LABOR, from the ledger");
        try (PreparedStatement insert = db.prepareStatement("insert into case_event (id, case_id, type, occurred_at,"
                + " actor, office_code, detail, before_state, after_state) values (?, ?, ?, ?, 'mediator', null, ?, ?, ?)")) {
            long id = 900_000_000L;
            for (Map.Entry<CaseChange, String> e : events.entrySet()) {
                CaseChange change = e.getKey();
                insert.setLong(1, id++);
                insert.setLong(2, caseId);
                insert.setString(3, change.type());
                insert.setObject(4, OffsetDateTime.parse("2026-03-02T09:30+08:00"));
                insert.setString(5, change.text());
                boolean risk = change instanceof CaseChange.RiskChanged;
                insert.setString(6, risk ? "LOW" : change instanceof CaseChange.Referred ? "PS-ZHAOXIANG" : null);
                insert.setString(7, risk ? "HIGH" : change instanceof CaseChange.ReferralAccepted ? "JO-ZHAOXIANG"
                        : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String[] names(CaseChange.Kind[] kinds) {
        String[] names = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            names[i] = kinds[i].name();
        }
        return names;
    }

    private static UnaryOperator<String> nameOf(Map<String, String> officeNames) {
        return officeNames::get;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Labels.BUNDLE, locale);
    }
}
